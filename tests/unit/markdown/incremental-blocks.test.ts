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

function texts(splitter: IncrementalBlocks, text: string): string[] {
  const tail = splitter.update(text);
  return [...splitter.finished, ...tail].map((b) => text.slice(b.start, b.end));
}

/** Streams `text` in random chunks, comparing with the full split after every one. */
function check(text: string, seed: number, maxChunk: number): void {
  const random = rng(seed);
  const splitter = new IncrementalBlocks();
  let at = 0;
  while (at < text.length) {
    at = Math.min(text.length, at + 1 + Math.floor(random() * maxChunk));
    const shown = text.slice(0, at);
    const got = texts(splitter, shown);
    if (got.join('\u0001') !== splitBlocks(shown).join('\u0001')) {
      expect({ at, got }).toEqual({ at, got: splitBlocks(shown) });
    }
  }
  expect(splitter.resets).toBe(0);
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

  it('does not cut code, tables or lists however long', () => {
    const code = '```\n' + 'let x = 1;\n'.repeat(3_000) + '```\n';
    expect(splitBlocks(code)).toEqual([code]);
    const table = '| a | b |\n| - | - |\n' + '| 1 | 2 |\n'.repeat(3_000);
    expect(splitBlocks(table)).toEqual([table]);
  });
});
