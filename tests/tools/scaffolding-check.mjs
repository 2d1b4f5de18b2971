#!/usr/bin/env node
// Test and bench scaffolding (tests/hooks/, bench/panel/) reaches the E2E build only (issue 13).
// Three checks: no production source folder defines any of it; the production builds (Chrome, and
// Firefox when built) contain none of its markers; the E2E build contains every one of them, so the
// check cannot pass by looking at a build that never had them.
// Usage: node tests/tools/scaffolding-check.mjs [outDir]  (default $PARLEY_OUT_DIR or .output; the
// builds are its chrome-mv3, firefox-mv2 and chrome-mv3-e2e folders).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Strings only the scaffolding defines; none may appear in entrypoints/, components/ or lib/. */
export const SOURCE_MARKERS = [
  '__parleyBench', // the bench's probe (bench/panel/bench-probe.ts)
  'parleyTestHooks', // the worker's menu and command hooks (tests/hooks/selection-hooks.ts)
  'e2eFailDbOpen', // the storage-fault flags (tests/hooks/fault-source.ts)
  'e2eFailWrites',
  'e2e-storage-faults', // the failing-writes middleware (tests/hooks/storage-faults.ts)
  'function NaiveMarkdown', // the bench's baseline renderer (bench/panel/naive-markdown.tsx)
  'parley-fake-language-model', // the fake Prompt API (tests/hooks/fake-language-model.ts)
  'parleyFakeLanguageModel', // the tests' handle on it (tests/hooks/fake-lm-worker.ts)
  'chunkDelayMs', // the fake's controls (tests/hooks/fake-language-model.ts): data survives where code is dropped
];
const PRODUCTION_SOURCES = ['entrypoints', 'components', 'lib'];

/** What the scaffolding leaves in built JS: each in the E2E build, none in production. */
export const BUILD_MARKERS = [
  { name: 'bench probe', text: '__parleyBench' },
  { name: 'worker test hooks', text: 'parleyTestHooks' },
  { name: 'storage-fault flags', text: 'e2eFailDbOpen' },
  { name: 'storage-fault flags', text: 'e2eFailWrites' },
  { name: 'storage-fault middleware', text: 'e2e-storage-faults' },
  { name: 'keep-alive switch', text: 'e2eDisableKeepAlive' },
  { name: 'fake LanguageModel', text: 'parley-fake-language-model' },
  { name: 'fake LanguageModel handle', text: 'parleyFakeLanguageModel' },
  { name: 'fake LanguageModel controls', text: 'chunkDelayMs' },
  { name: 'naive baseline renderer (chunk)', file: /^naive-markdown-.*\.js$/ },
];
/**
 * Production only: a layout effect with an empty body is what the bench's commit hook compiles to
 * when the probe is constant-folded away but the hook is still called for every reply.
 */
const PRODUCTION_ONLY = [
  { name: 'emptied bench commit hook', pattern: /useLayoutEffect\)?\(\(\)=>\{\}\)/ },
];

function filesUnder(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** `[file, marker]` for each production source file that defines scaffolding. */
export function scaffoldingInSources(root = '.') {
  const found = [];
  for (const folder of PRODUCTION_SOURCES) {
    for (const file of filesUnder(path.join(root, folder), (n) => /\.(ts|tsx|js|mjs)$/.test(n))) {
      const text = readFileSync(file, 'utf8');
      for (const marker of SOURCE_MARKERS) if (text.includes(marker)) found.push([file, marker]);
    }
  }
  return found;
}

/** The names of the build markers (and production-only patterns) found in a build folder. */
export function markersInBuild(buildDir) {
  const files = filesUnder(buildDir, (n) => n.endsWith('.js'));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const found = new Set();
  for (const m of BUILD_MARKERS) {
    const hit = m.file
      ? files.some((f) => m.file.test(path.basename(f)))
      : texts.some((t) => t.includes(m.text));
    if (hit) found.add(m.text ?? m.name);
  }
  for (const m of PRODUCTION_ONLY) if (texts.some((t) => m.pattern.test(t))) found.add(m.name);
  return { files: files.length, found };
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  const outDir = path.resolve(process.argv[2] ?? process.env.PARLEY_OUT_DIR ?? '.output');
  const failures = [];

  for (const [file, marker] of scaffoldingInSources()) {
    failures.push(`${file} defines scaffolding (${marker}): move it to tests/ or bench/`);
  }

  const builds = [
    { dir: 'chrome-mv3', required: true },
    { dir: 'firefox-mv2', required: false },
  ];
  for (const { dir, required } of builds) {
    const buildDir = path.join(outDir, dir);
    if (!existsSync(buildDir)) {
      if (required) failures.push(`${buildDir} missing: run npm run build first`);
      else console.log(`${buildDir}: not built, skipped`);
      continue;
    }
    const { files, found } = markersInBuild(buildDir);
    for (const marker of found) failures.push(`${dir} (production) contains ${marker}`);
    console.log(`${dir}: ${files} JS files, ${found.size} scaffolding markers`);
  }

  const e2eDir = path.join(outDir, 'chrome-mv3-e2e');
  if (!existsSync(e2eDir)) {
    failures.push(`${e2eDir} missing: run npm run build:e2e first`);
  } else {
    const { files, found } = markersInBuild(e2eDir);
    for (const m of BUILD_MARKERS) {
      const key = m.text ?? m.name;
      if (!found.has(key))
        failures.push(`chrome-mv3-e2e lacks ${m.name} (${key}): update this check`);
    }
    console.log(
      `chrome-mv3-e2e: ${files} JS files, ${found.size} of ${BUILD_MARKERS.length} markers`,
    );
  }

  for (const f of failures) console.error(`scaffolding: ${f}`);
  console.log(
    `scaffolding check: ${failures.length === 0 ? 'passed' : `${failures.length} failures`}`,
  );
  process.exit(failures.length === 0 ? 0 : 1);
}
