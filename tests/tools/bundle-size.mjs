#!/usr/bin/env node
// Bundle budget (DESIGN §8): the side panel's initial JS — every script the page loads or
// preloads before first paint — must stay within 120 KiB gzipped. Reads the production build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 120 * 1024;
const out = path.resolve(process.argv[2] ?? '.output/chrome-mv3');
const html = readFileSync(path.join(out, 'sidepanel.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
].map((m) => m[1]);
const sizes = scripts.map((src) => ({
  src,
  gzip: gzipSync(readFileSync(path.join(out, src))).length,
}));
const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
const background = gzipSync(readFileSync(path.join(out, 'background.js'))).length;

for (const s of sizes) console.log(`  ${s.src}: ${(s.gzip / 1024).toFixed(1)} KiB gzipped`);
console.log(
  `side panel initial JS: ${(total / 1024).toFixed(1)} KiB gzipped (budget ${BUDGET_BYTES / 1024} KiB)`,
);
console.log(
  `background JS: ${(background / 1024).toFixed(1)} KiB gzipped (reported, not yet enforced)`,
);
if (scripts.length === 0) {
  console.error('No scripts found in sidepanel.html: is this a production build?');
  process.exit(1);
}
if (total > BUDGET_BYTES) {
  console.error(
    `Over budget by ${((total - BUDGET_BYTES) / 1024).toFixed(1)} KiB: move code behind a dynamic import.`,
  );
  process.exit(1);
}
