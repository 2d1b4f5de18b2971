import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { readFencedCode } from '@/lib/markdown/fenced-code';

interface Node {
  type: string;
  value?: string;
  lang?: string | null;
  children?: Node[];
}

/** What remark makes of `source` when it is one code block; null otherwise. */
function viaRemark(source: string): { code: string; language?: string } | null {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
  const tree = processor.runSync(processor.parse(source)) as Node;
  const [only, ...rest] = tree.children ?? [];
  if (!only || rest.length || only.type !== 'code') return null;
  return { code: only.value ?? '', ...(only.lang ? { language: only.lang } : {}) };
}

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

const PIECES = [
  'let a = 1;',
  '',
  '  indented',
  '    deeper',
  '```',
  '````',
  '~~~',
  ' ```',
  '``` x',
  '\t tab',
  '# not a heading',
  '[x]: https://e.test/',
  '$$',
  '<b>html</b>',
  '   ',
  '} ',
  'a`b',
];
const OPENERS = [
  '```',
  '```js',
  '``` python ',
  '````ts',
  '~~~',
  '~~~ rust',
  '  ```',
  '   ~~~~ c++',
  '```a b',
  '```{x}',
];

describe('readFencedCode', () => {
  it(
    'agrees with remark on every block it reads, and on random fences as they stream',
    { timeout: 30_000 },
    () => {
      const random = rng(17);
      let read = 0;
      for (let i = 0; i < 1200; i++) {
        const opener = OPENERS[Math.floor(random() * OPENERS.length)] as string;
        const lines = Array.from(
          { length: Math.floor(random() * 6) },
          () => PIECES[Math.floor(random() * PIECES.length)],
        );
        const close =
          random() < 0.5 ? `\n${opener.trim().split(/\s/)[0]}\n${random() < 0.3 ? '\n' : ''}` : '';
        const full = `${opener}\n${lines.join('\n')}${close}`;
        // Every prefix, as a stream shows it.
        for (const source of [full, full.slice(0, Math.floor(random() * full.length))]) {
          const ours = readFencedCode(source);
          if (ours === null) continue;
          read++;
          expect({ source, block: viaRemark(source) }).toEqual({ source, block: ours });
        }
      }
      expect(read).toBeGreaterThan(600);
    },
  );

  it('leaves anything but a lone fence to the parser', () => {
    expect(readFencedCode('para\n```js\nx\n```')).toBeNull();
    expect(readFencedCode('```js\nx\n```\nafter')).toBeNull();
    expect(readFencedCode('```a`b\nx')).toBeNull();
    expect(readFencedCode('```js\nx\n```\n\n')).toEqual({ code: 'x', language: 'js' });
  });
});
