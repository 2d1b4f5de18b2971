/**
 * Parley has a face (issue 16): the icon set in public/ exists at the sizes toolbars, the
 * extensions page and the stores use, and every built manifest points at files that are there.
 * Each build's case runs when that build is present (`npm run build`, `build:e2e`, `build:firefox`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const root = path.resolve(repo, process.env.PARLEY_OUT_DIR ?? '.output');
const SIZES = ['16', '32', '48', '96', '128'];

/** A PNG's width and height from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('icons', () => {
  it('public/icon has every size, each PNG as large as its name says', () => {
    for (const size of SIZES) {
      expect(pngSize(path.join(repo, 'public/icon', `${size}.png`))).toEqual([+size, +size]);
    }
  });

  for (const dir of ['chrome-mv3', 'chrome-mv3-e2e', 'firefox-mv2']) {
    const manifestPath = path.join(root, dir, 'manifest.json');
    it.skipIf(!existsSync(manifestPath))(`${dir} manifest references icons in the build`, () => {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      expect(Object.keys(manifest.icons ?? {}).sort()).toEqual([...SIZES].sort());
      for (const [size, file] of Object.entries<string>(manifest.icons)) {
        expect(pngSize(path.join(root, dir, file))).toEqual([+size, +size]);
      }
    });
  }
});

describe('name and description in every language', () => {
  for (const dir of ['chrome-mv3', 'chrome-mv3-e2e', 'firefox-mv2']) {
    const manifestPath = path.join(root, dir, 'manifest.json');
    it.skipIf(!existsSync(manifestPath))(`${dir}: every __MSG_ in the manifest resolves`, () => {
      const manifest = readFileSync(manifestPath, 'utf8');
      const names = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] ?? '');
      expect(names).toEqual(
        expect.arrayContaining(['extension_name', 'extension_description', 'extension_open']),
      );
      expect(JSON.parse(manifest).default_locale).toBe('en');
      for (const lang of ['en', 'de', 'es', 'fr', 'ja', 'zh_CN', 'ar']) {
        const messages = JSON.parse(
          readFileSync(path.join(root, dir, '_locales', lang, 'messages.json'), 'utf8'),
        ) as Record<string, { message: string }>;
        for (const name of names) expect(messages[name]?.message, `${lang} ${name}`).toBeTruthy();
        expect(messages.extension_name?.message).toBe('Parley');
        // The store listing's one line stays within Chrome's 132-character limit.
        expect(messages.extension_description?.message.length).toBeLessThanOrEqual(132);
      }
    });
  }
});
