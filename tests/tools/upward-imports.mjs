// Counts imports between lib/ folders that point "up" the layer order of DESIGN §1 / issue 13
// (and, with --lateral, those between different folders of the same layer).
// Usage: node tests/tools/upward-imports.mjs [--lateral]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname, relative, normalize } from 'node:path';

const LAYERS = [
  ['model'],
  [
    'settings',
    'settings-store',
    'credentials',
    'key-status',
    'custom-headers',
    'endpoint',
    'markdown',
  ],
  ['prompt'],
  ['llm', 'db', 'protocol', 'moderation', 'selection', 'export'],
  ['engine', 'panel', 'drawer'],
];
const levelOf = (unit) => LAYERS.findIndex((names) => names.includes(unit));
// A lib/ file's unit: its top folder, or its own name for a file directly in lib/.
const unitOf = (libPath) => libPath.split('/')[0].replace(/\.tsx?$/, '');

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) files.push(p);
  }
};
walk('lib');

const lateral = process.argv.includes('--lateral');
const found = [];
const unknown = new Set();
for (const file of files) {
  const from = unitOf(relative('lib', file));
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/g,
  )) {
    const spec = m[1] ?? m[2];
    let target;
    if (spec.startsWith('@/lib/') || spec.startsWith('~/lib/')) target = spec.slice(6);
    else if (spec.startsWith('.')) {
      const resolved = normalize(join(dirname(file), spec));
      if (!resolved.startsWith('lib/')) continue;
      target = resolved.slice(4);
    } else continue;
    const to = unitOf(target);
    if (to === from) continue;
    const [a, b] = [levelOf(from), levelOf(to)];
    if (a < 0) unknown.add(from);
    if (b < 0) unknown.add(to);
    if (b > a || (lateral && b === a)) found.push(`${b > a ? 'up ' : 'lat'} ${file} -> ${spec}`);
  }
}
for (const line of found) console.log(line);
if (unknown.size) console.log(`units not in LAYERS: ${[...unknown].join(', ')}`);
console.log(`${found.filter((l) => l.startsWith('up')).length} upward import(s)`);
