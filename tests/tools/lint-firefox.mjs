#!/usr/bin/env node
// `npm run lint:firefox`: Mozilla's addons-linter (what `web-ext lint` runs) on the Firefox build.
// Errors always fail. Warnings fail too, except a short list of known ones that come from
// dependencies' code and that Parley cannot change; each is matched by its code and by the
// minified source around the reported position (not by chunk name, which changes with hashes),
// so a new warning of the same kind in Parley's own code still fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(
  process.argv[2] ?? path.join(process.env.PARLEY_OUT_DIR ?? '.output', 'firefox-mv2'),
);
if (!existsSync(path.join(dir, 'manifest.json'))) {
  console.error(`No Firefox build at ${dir}: run npm run build:firefox first.`);
  process.exit(1);
}

/** Known warnings in bundled dependencies: [code, pattern near the position, why it is fine]. */
const KNOWN = [
  [
    'UNSAFE_VAR_ASSIGNMENT',
    /__html/,
    'react-dom: the dangerouslySetInnerHTML prop itself; Parley never passes it model text (DESIGN §5)',
  ],
  [
    'UNSAFE_VAR_ASSIGNMENT',
    /dataset\.highlighted/,
    "highlight.js highlightElement(); Parley renders hljs's token tree as React text instead",
  ],
  [
    'UNSAFE_VAR_ASSIGNMENT',
    /`&`\+\w+\+`;`/,
    'decode-named-character-reference (micromark): decodes one "&name;" entity on a detached <i>',
  ],
  [
    'UNSAFE_VAR_ASSIGNMENT',
    /\.document\(\)\.write\(/,
    "micromark's parser: document() is its own tokenizer, not the DOM's document.write",
  ],
  [
    'DANGEROUS_EVAL',
    /Function\(``\)/,
    "zod 4's probe for whether eval is allowed (it is not under the CSP; zod falls back)",
  ],
];

const bin = path.resolve('node_modules/.bin/addons-linter');
const result = spawnSync(bin, ['--output', 'json', dir], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error(result.stdout, result.stderr);
  console.error('addons-linter did not produce a JSON report');
  process.exit(1);
}

const sourceNear = (file, line, column) => {
  try {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    const text = lines[(line ?? 1) - 1] ?? '';
    const at = column ?? 0;
    return text.slice(Math.max(0, at - 120), at + 120);
  } catch {
    return '';
  }
};

const unexpected = [];
const known = [];
for (const message of [...report.errors, ...report.warnings, ...report.notices]) {
  const where = `${message.file ?? ''}${message.line ? `:${message.line}:${message.column}` : ''}`;
  const near = message.file ? sourceNear(message.file, message.line, message.column) : '';
  const match =
    message._type !== 'error' &&
    KNOWN.find(([code, pattern]) => code === message.code && pattern.test(near));
  if (match) known.push(`${message.code} ${where}: ${match[2]}`);
  else unexpected.push(`${message._type} ${message.code} ${where}: ${message.message}`);
}

for (const line of known) console.log(`known (dependency code): ${line}`);
for (const line of unexpected) console.log(`NEW: ${line}`);
console.log(
  `addons-linter ${path.relative(process.cwd(), dir)}: ${report.summary.errors} errors, ` +
    `${report.summary.warnings} warnings (${known.length} known in dependency code), ` +
    `${report.summary.notices} notices; ${unexpected.length} not allowed`,
);
process.exit(unexpected.length === 0 ? 0 : 1);
