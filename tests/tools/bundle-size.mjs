#!/usr/bin/env node
// Bundle budgets (DESIGN §8, bench M9), from the production build: the side panel's initial JS —
// every script the page loads or preloads before first paint — and the background's JS must each
// stay within 135 KiB gzipped. Raised from 120 with issue 16: the panel now carries the English
// notice catalogue it recognises the worker's sentences by (~7 KiB) and the design pass's
// controls (~7 KiB); issue 17's M9 target (100 KiB) stays open, with what would close it in its note.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 135 * 1024;

/** Gzipped sizes of the panel's initial scripts and of the background, from a build folder. */
export function measureBundles(outDir) {
  const html = readFileSync(path.join(outDir, 'sidepanel.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const sizes = scripts.map((src) => ({
    src,
    gzip: gzipSync(readFileSync(path.join(outDir, src))).length,
  }));
  return {
    sizes,
    panel: sizes.reduce((sum, s) => sum + s.gzip, 0),
    background: gzipSync(readFileSync(path.join(outDir, 'background.js'))).length,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { sizes, panel, background } = measureBundles(
    path.resolve(process.argv[2] ?? '.output/chrome-mv3'),
  );
  for (const s of sizes) console.log(`  ${s.src}: ${(s.gzip / 1024).toFixed(1)} KiB gzipped`);
  console.log(
    `side panel initial JS: ${(panel / 1024).toFixed(1)} KiB gzipped (budget ${BUDGET_BYTES / 1024} KiB)`,
  );
  console.log(
    `background JS: ${(background / 1024).toFixed(1)} KiB gzipped (budget ${BUDGET_BYTES / 1024} KiB)`,
  );
  if (sizes.length === 0) {
    console.error('No scripts found in sidepanel.html: is this a production build?');
    process.exit(1);
  }
  if (panel > BUDGET_BYTES) {
    console.error(
      `Side panel over budget by ${((panel - BUDGET_BYTES) / 1024).toFixed(1)} KiB: move code behind a dynamic import.`,
    );
    process.exit(1);
  }
  if (background > BUDGET_BYTES) {
    // A service worker cannot import() lazily: the only way down is importing less.
    console.error(
      `Background over budget by ${((background - BUDGET_BYTES) / 1024).toFixed(1)} KiB: import less.`,
    );
    process.exit(1);
  }
}
