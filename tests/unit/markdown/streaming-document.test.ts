import { describe, expect, it } from 'vitest';
import { StreamingDocument } from '@/lib/markdown/streaming-document';
import {
  endlessBlockFixture,
  mathHeavyFixture,
  referenceDefinitionsFixture,
} from '@/bench/fixtures/hostile';

/** Every block as the renderer parses it once the reply ends (streaming pieces aside). */
const shown = (view: ReturnType<StreamingDocument['update']>) =>
  [...view.finished, ...view.tail].map(({ key, source, streaming }) => ({
    key,
    source,
    streaming,
  }));

function stream(text: string, step: number) {
  const doc = new StreamingDocument();
  let view = doc.update('', true);
  for (let at = step; at < text.length + step; at += step) {
    view = doc.update(text.slice(0, at), at < text.length);
  }
  return { doc, view };
}

describe('StreamingDocument', () => {
  it('gives a block the definitions it uses from elsewhere, and no others', () => {
    const text =
      'See [the docs][r] and [x].\n\nMore text.\n\n[r]: https://x.test/\n[q]: https://q.test/\n';
    const { view } = stream(text, 3);
    const sources = [...view.finished, ...view.tail].map((b) => b.source);
    expect(sources[0]).toBe('See [the docs][r] and [x].\n\n\n\n[r]: https://x.test/');
    expect(sources[1]).toBe('More text.\n\n');
    expect(sources[2]).toBe('[r]: https://x.test/\n[q]: https://q.test/\n');
  });

  it('matches labels as CommonMark does (case and whitespace), first definition wins', () => {
    const text = 'Use [Foo  Bar].\n\n[foo bar]: https://a.test/\n\n[FOO BAR]: https://b.test/';
    const { view } = stream(text, 5);
    expect(view.finished[0]?.source).toContain('[foo bar]: https://a.test/');
    expect(view.finished[0]?.source).not.toContain('b.test');
  });

  it('stays linear on 400 references and 400 definitions', () => {
    const text = referenceDefinitionsFixture(400);
    const { view } = stream(text, 40);
    const blocks = [...view.finished, ...view.tail];
    const appended = blocks.reduce((n, b) => n + (b.source.match(/\]: https/g) ?? []).length, 0);
    // 400 definitions written once, and each paragraph gets the one it uses.
    expect(appended).toBe(800);
    expect(blocks.map((b) => b.source.length).reduce((a, b) => a + b)).toBeLessThan(
      2 * text.length,
    );
  });

  it('keeps the finished array while only the tail grows, keyed by start offset', () => {
    const doc = new StreamingDocument();
    // A block is finished once the first full line of the next one is in.
    const a = doc.update('One.\n\nTwo\n', true);
    const b = doc.update('One.\n\nTwo\nand more', true);
    expect(b.finished).toBe(a.finished);
    expect(b.tail.map((t) => t.key)).toEqual([6]);
    expect(b.tail[0]?.streaming).toBe(true);
    const done = doc.update('One.\n\nTwo\nand more', false);
    expect(done.tail[0]?.streaming).toBe(false);
  });

  it('hides unfinished syntax only at the streaming end, and normalises math per block', () => {
    const doc = new StreamingDocument();
    const view = doc.update('\\(x^2\\) first\n\nThen **bold', true);
    expect(view.tail.map((b) => b.source)).toEqual(['$x^2$ first\n\n', 'Then bold']);
    const done = doc.update('\\(x^2\\) first\n\nThen **bold', false);
    expect(done.tail.map((b) => b.source)).toEqual(['$x^2$ first\n\n', 'Then **bold']);
  });

  it('starts over when the text is replaced (a sync)', () => {
    const doc = new StreamingDocument();
    doc.update('[a]: https://a.test/\n\nfoo\n', true);
    const view = doc.update('Other [a].\n\nbar\n', true);
    expect(view.finished.map((b) => b.source)).toEqual(['Other [a].\n\n']);
  });

  it('streams the open block as pieces and finishes exactly as a whole document', () => {
    const fixtures = [
      endlessBlockFixture(30_000),
      mathHeavyFixture(8_000),
      referenceDefinitionsFixture(100),
      'Use [a] and **bold\ncontinued** here.\n'.repeat(200) + '\n[a]: https://a.test/\n',
    ];
    for (const text of fixtures) {
      const doc = new StreamingDocument(500);
      let pieces = 0;
      for (let at = 50; at < text.length; at += 50) {
        pieces = Math.max(pieces, doc.update(text.slice(0, at), true).tail.length);
      }
      expect(pieces).toBeGreaterThan(1);
      const done = doc.update(text, false);
      // A block finished as pieces keeps them (shown until the deferred end render).
      if (text === fixtures[0])
        expect(done.finished.filter((b) => b.pieces).length).toBeGreaterThan(4);
      const whole = new StreamingDocument(Infinity).update(text, false);
      expect(shown(done)).toEqual(shown(whole));
    }
  });

  it('keeps a piece before the last as it was while the tail grows', () => {
    const text = endlessBlockFixture(3_000);
    const doc = new StreamingDocument(500);
    const first = doc.update(text.slice(0, 2_000), true).tail;
    const next = doc.update(text.slice(0, 2_100), true).tail;
    expect(first.length).toBeGreaterThan(2);
    expect(next[0]).toEqual(first[0]);
    expect(next[0]?.source).toBe(first[0]?.source);
    expect(next[0]?.streaming).toBe(false);
  });
});
