import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IncrementalBlocks } from '@/lib/markdown/incremental-blocks';
import { MAX_BLOCK_CHARS } from '@/lib/markdown/block-lines';
import { splitBlocks } from '@/lib/markdown/split-blocks';
import {
  endlessBlockFixture,
  mathHeavyFixture,
  referenceDefinitionsFixture,
} from '@/bench/fixtures/hostile';
import { OWN_PAYLOADS } from './payloads';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const corpus = (
  JSON.parse(read('../shared/data/xss-payloads.json')) as { payloads: { payload: string }[] }
).payloads.map((p) => p.payload);

/** A small seeded generator (mulberry32): the same chunkings on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function texts(splitter: IncrementalBlocks, text: string, streaming = false): string[] {
  const tail = splitter.update(text, streaming);
  return [...splitter.finished, ...tail].map((b) => text.slice(b.start, b.end));
}

/**
 * Streams `text` in random chunks, comparing with the full split after every one. With
 * `pieceChars`, each chunk is first taken as streaming: the open block comes as pieces that join
 * back to it, and the same text then taken as finished still gives the full split.
 */
function check(text: string, seed: number, maxChunk: number, pieceChars?: number): void {
  const random = rng(seed);
  const splitter = new IncrementalBlocks(pieceChars);
  let at = 0;
  while (at < text.length) {
    at = Math.min(text.length, at + 1 + Math.floor(random() * maxChunk));
    const shown = text.slice(0, at);
    const full = splitBlocks(shown);
    if (pieceChars !== undefined) checkPieces(splitter, shown, full);
    const got = texts(splitter, shown);
    if (got.join('\u0001') !== full.join('\u0001')) {
      expect({ at, got }).toEqual({ at, got: full });
    }
  }
  expect(splitter.resets).toBe(0);
}

/** The streaming view: the full split's finished blocks, then pieces that join to the rest. */
function checkPieces(splitter: IncrementalBlocks, shown: string, full: string[]) {
  const tail = splitter.update(shown, true);
  const finished = splitter.finished.map((b) => shown.slice(b.start, b.end));
  expect(finished).toEqual(full.slice(0, finished.length));
  expect(tail.map((b) => shown.slice(b.start, b.end)).join('')).toBe(
    full.slice(finished.length).join(''),
  );
}

const fixtures: [string, string][] = [
  ['bench 8k answer', read('bench/fixtures/answer-8k.md')],
  ['reference definitions', referenceDefinitionsFixture()],
  ['math heavy', mathHeavyFixture(12_000)],
  ['endless block', endlessBlockFixture(3 * MAX_BLOCK_CHARS)],
  ['one endless line', 'word '.repeat(8_000) + 'x'.repeat(70_000) + ' tail ' + '- '.repeat(9_000)],
  [
    'many definitions',
    Array.from({ length: 300 }, (_, i) => `[d${i}]: https://e.com/${i}`).join('\n'),
  ],
  ['own payloads', OWN_PAYLOADS.join('\n\n')],
  ['DOMPurify corpus', corpus.join('\n\n')],
  [
    'fences and lists',
    '# T\n\n```js\na\n\n\nb\n```\nafter\n\n~~~~\n```\n~~~~\n\n$$\nx\n\ny\n$$\n\n- a\n\n  b\n- c\n\n    code\n\n> q\n\n`````\nopen',
  ],
];

describe('IncrementalBlocks', () => {
  for (const [name, text] of fixtures) {
    it(`matches the full split on ${name} at random chunkings`, { timeout: 60_000 }, () => {
      // Small chunks on small texts, larger ones on long texts: the full split runs per chunk.
      const small = text.length < 15_000 ? 4 : 64;
      for (let seed = 1; seed <= 4; seed++) check(text, seed * 7919, seed === 1 ? small : 600);
    });
  }

  for (const [name, text] of fixtures) {
    it(
      `streams ${name} as bounded pieces that finish as the full split`,
      { timeout: 60_000 },
      () => {
        const small = text.length < 15_000 ? 4 : 64;
        check(text, 104_729, small, 1_000);
        check(text, 7_919, 600, 200);
      },
    );
  }

  it('matches the full split one character at a time on mixed markdown', () => {
    const text = fixtures.at(-1)![1] + '\n\n' + OWN_PAYLOADS.slice(0, 40).join('\n');
    check(text, 1, 1);
  });

  it('keeps finished blocks as they were and starts over on a non-append', () => {
    const splitter = new IncrementalBlocks();
    splitter.update('a\n\nb\n\nc');
    const finished = splitter.finished;
    splitter.update('a\n\nb\n\nc more');
    expect(splitter.finished).toBe(finished);
    expect(texts(splitter, 'x\n\ny')).toEqual(['x\n\n', 'y']);
    expect(splitter.resets).toBe(1);
  });

  it('cuts an endless paragraph into pieces of bounded size that join back to it', () => {
    const text = endlessBlockFixture(200_000);
    const blocks = splitBlocks(text);
    expect(blocks.join('')).toBe(text);
    expect(Math.max(...blocks.map((b) => b.length))).toBeLessThan(MAX_BLOCK_CHARS + 1_000);
    const line = 'y'.repeat(200_000);
    expect(Math.max(...splitBlocks(line).map((b) => b.length))).toBeLessThanOrEqual(64_000);
    const words = 'word '.repeat(40_000);
    expect(Math.max(...splitBlocks(words).map((b) => b.length))).toBeLessThan(16_100);
  });

  it('streams an endless paragraph as pieces of about the piece bound, parsed whole once done', () => {
    const text = endlessBlockFixture(20_000);
    const splitter = new IncrementalBlocks(1_000);
    for (let at = 64; at < text.length; at += 64) {
      const tail = splitter.update(text.slice(0, at), true);
      // Past the bound a piece ends at the next line that starts with a letter (a few lines here
      // start with `**` or a backtick), and the last piece holds the unfinished line too.
      for (const piece of tail) expect(piece.end - piece.start).toBeLessThan(1_000 + 500);
    }
    const tail = splitter.update(text, false);
    expect(tail.length).toBe(1);
    expect(texts(splitter, text)).toEqual(splitBlocks(text));
    expect(
      Math.min(
        ...splitBlocks(text)
          .slice(0, -1)
          .map((b) => b.length),
      ),
    ).toBeGreaterThan(MAX_BLOCK_CHARS);
  });

  it('does not cut code, tables or lists however long', () => {
    const code = '```\n' + 'let x = 1;\n'.repeat(3_000) + '```\n';
    expect(splitBlocks(code)).toEqual([code]);
    const table = '| a | b |\n| - | - |\n' + '| 1 | 2 |\n'.repeat(3_000);
    expect(splitBlocks(table)).toEqual([table]);
  });
});
