#!/usr/bin/env node
// `npm test`: the unit tier, then the E2E build, the Chromium tier and the real-server tier. Ends
// with one plain "N passed, N failed" line so any reader of the log sees the totals.
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const tiers = [];
const tier = (name, cmd, args, report) => {
  const status = run(cmd, args);
  tiers.push({ name, status, report });
  return status;
};

tier(
  'unit',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
  'test-results/unit.json',
);
// The production build must stay within the panel's bundle budget.
const production = run(npm, ['run', 'build']);
const budget =
  production === 0 ? run(process.execPath, ['tests/tools/bundle-size.mjs']) : production;
tiers.push({ name: 'bundle budget', status: budget, checks: 1 });
// Mozilla's addons-linter on the Firefox build (~20 s): no errors, no warning outside a known list.
tiers.push({ name: 'firefox lint', status: run(npm, ['run', 'lint:firefox']), checks: 1 });

const built = run(npm, ['run', 'build:e2e']);
// Test and bench scaffolding is in the E2E build and in no production build (issue 13).
tiers.push({
  name: 'scaffolding dropped',
  status: built === 0 ? run(process.execPath, ['tests/tools/scaffolding-check.mjs']) : built,
  checks: 1,
});
if (built === 0) {
  tier(
    'e2e',
    npx,
    [
      'vitest',
      'run',
      '-c',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--reporter=./tests/tools/scenario-reporter.ts',
      '--outputFile.json=test-results/e2e.json',
    ],
    'test-results/e2e.json',
  );
  // The worker's real lifetime (no Playwright attached): keep-alive on and off, ~90 s.
  const lifetime = run(process.execPath, ['tests/lifetime/keep-alive.mjs']);
  tiers.push({ name: 'lifetime', status: lifetime, checks: 2 });
  // The real-server tier (issue 14): llama.cpp's own llama-server, built once and cached in
  // ~/.cache/parley-llama (~15 min the first time), its compiler noise in a log file.
  const llamaLog = 'test-results/llama-build.log';
  const llamaBuilt = spawnSync('bash', ['../shared/tools/llama-server/build.sh', '--with-0.5b'], {
    stdio: ['ignore', 'inherit', openSync(llamaLog, 'w')],
  }).status;
  if (llamaBuilt === 0) {
    tier(
      'real server',
      npx,
      [
        'vitest',
        'run',
        '-c',
        'vitest.real.config.ts',
        '--reporter=default',
        '--reporter=json',
        '--outputFile.json=test-results/real-server.json',
      ],
      'test-results/real-server.json',
    );
  } else {
    console.log(`llama-server build failed (exit ${llamaBuilt}): see ${llamaLog}`);
    tiers.push({ name: 'real server build', status: llamaBuilt ?? 1 });
  }
} else {
  tiers.push({ name: 'e2e build', status: built });
}

let passed = 0;
let failed = 0;
for (const t of tiers) {
  if (t.checks) {
    passed += t.status === 0 ? t.checks : 0;
    failed += t.status === 0 ? 0 : t.checks;
    console.log(`${t.name}: ${t.status === 0 ? 'passed' : 'failed'}`);
    continue;
  }
  try {
    const report = t.report ? JSON.parse(readFileSync(t.report, 'utf8')) : null;
    passed += report?.numPassedTests ?? 0;
    failed += report?.numFailedTests ?? 0;
    console.log(
      `${t.name}: ${report?.numPassedTests ?? 0} passed, ${report?.numFailedTests ?? 0} failed (exit ${t.status})`,
    );
  } catch {
    console.log(`${t.name}: no report (exit ${t.status})`);
  }
  if (t.status !== 0 && failed === 0) failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(tiers.every((t) => t.status === 0) ? 0 : 1);
