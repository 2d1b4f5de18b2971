// highlight.ts reads highlight.js's private token tree (`result._emitter.rootNode`) instead of its
// HTML string. This pins the shape it relies on, so an upgrade that changes it fails here, not as
// unhighlighted code in the panel.
import { describe, expect, it } from 'vitest';
import hljs from 'highlight.js/lib/core';
import javascript from 'highlight.js/lib/languages/javascript';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cachedHighlight, highlight } from '@/components/markdown/highlight';

interface Node {
  scope?: string;
  children: (string | Node)[];
}

describe("highlight.js's token tree", () => {
  it('is pinned to the version whose shape is checked here', () => {
    const pkg = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['highlight.js']).toBe('11.11.1');
  });

  it('has a root node whose children are strings and scoped nodes', () => {
    hljs.registerLanguage('javascript', javascript);
    const result = hljs.highlight('const a = "x"; // c', { language: 'javascript' });
    const root = (result as unknown as { _emitter: { rootNode: Node } })._emitter.rootNode;
    expect(Array.isArray(root.children)).toBe(true);
    const flat = (n: Node): (string | Node)[] =>
      n.children.flatMap((c) => (typeof c === 'string' ? [c] : [c, ...flat(c)]));
    const nodes = flat(root).filter((c): c is Node => typeof c !== 'string');
    expect(nodes.map((n) => n.scope)).toEqual(
      expect.arrayContaining(['keyword', 'string', 'comment']),
    );
    const text = (n: Node): string =>
      n.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
    expect(text(root)).toBe('const a = "x"; // c');
  });
});

describe('highlight cache', () => {
  it('caches finished blocks, and only the last streaming one, as a prefix', async () => {
    await highlight('let a = 1;', 'js');
    expect(cachedHighlight('let a = 1;', 'js')?.code).toBe('let a = 1;');
    await highlight('let b', 'js', false);
    await highlight('let b = 2', 'js', false);
    expect(cachedHighlight('let b', 'js')).toBeNull();
    expect(cachedHighlight('let b = 2;\nmore', 'js')?.code).toBe('let b = 2');
  });
});
