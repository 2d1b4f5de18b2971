#!/usr/bin/env node
// Bundle budgets (DESIGN §8, bench M9), from the production build, each gzipped. The side panel's
// initial JS — every script the page loads or preloads before first paint — within M9's 100 KiB:
// issue 17 moved Dexie and lib/db (~31 KiB) and the notice matcher behind dynamic imports, and
// the chip's sentences away from the capture code's language guesser (~3 KiB): 132.3 to 97.1 KiB.
// The background within 135 KiB (M9 asks 60): a service worker cannot import() lazily, so its only
// way down is importing less (Dexie is ~30 of its ~69 KiB, the webextension polyfill ~3).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const PANEL_BUDGET_BYTES = 100 * 1024;
export const BACKGROUND_BUDGET_BYTES = 135 * 1024;

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
    `side panel initial JS: ${(panel / 1024).toFixed(1)} KiB gzipped (budget ${PANEL_BUDGET_BYTES / 1024} KiB)`,
  );
  console.log(
    `background JS: ${(background / 1024).toFixed(1)} KiB gzipped (budget ${BACKGROUND_BUDGET_BYTES / 1024} KiB)`,
  );
  if (sizes.length === 0) {
    console.error('No scripts found in sidepanel.html: is this a production build?');
    process.exit(1);
  }
  if (panel > PANEL_BUDGET_BYTES) {
    console.error(
      `Side panel over budget by ${((panel - PANEL_BUDGET_BYTES) / 1024).toFixed(1)} KiB: move code behind a dynamic import.`,
    );
    process.exit(1);
  }
  if (background > BACKGROUND_BUDGET_BYTES) {
    // A service worker cannot import() lazily: the only way down is importing less.
    console.error(
      `Background over budget by ${((background - BACKGROUND_BUDGET_BYTES) / 1024).toFixed(1)} KiB: import less.`,
    );
    process.exit(1);
  }
}
