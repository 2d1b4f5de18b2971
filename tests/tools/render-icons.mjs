#!/usr/bin/env node
// Renders public/icon/parley*.svg into the PNG sizes the manifests and stores use (WXT finds
// public/icon/<size>.png by itself). 16 and 32 come from the simpler drawing, which stays legible
// on a toolbar; 48 and 128 from the full one. Run after editing an SVG: node tests/tools/render-icons.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const dir = path.resolve(import.meta.dirname, '../../public/icon');
const sources = { small: 'parley-small.svg', full: 'parley.svg' };
const sizes = [
  [16, 'small'],
  [32, 'small'],
  [48, 'full'],
  [96, 'full'],
  [128, 'full'],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const [size, kind] of sizes) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = readFileSync(path.join(dir, sources[kind]), 'utf8');
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: path.join(dir, `${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`rendered ${sizes.map(([s]) => s).join(', ')} px into ${dir}`);
