// @vitest-environment happy-dom
/**
 * The streaming pieces of an open block (issue 17, M2): while the endless paragraph streams it is
 * parsed as pieces of about 1 KB, and they show as the one paragraph it is once finished.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { Markdown } from '@/components/markdown/markdown';
import { StreamingDocument } from '@/lib/markdown/streaming-document';
import { endlessBlockFixture } from '@/bench/fixtures/hostile';

afterEach(cleanup);

/** The fixture cut at a line end `chars` in, where the streaming end hides nothing. */
function prefix(chars: number): string {
  const text = endlessBlockFixture(chars + 200);
  return text.slice(0, text.indexOf('\n', chars) + 1);
}

describe('streaming pieces', () => {
  it('show an endless paragraph being written as the paragraph it is once finished', () => {
    for (const chars of [2_500, 3_900, 10_500]) {
      const text = prefix(chars);
      expect(new StreamingDocument().update(text, true).tail.length).toBeGreaterThan(1);
      const streaming = render(<Markdown text={text} streaming />).container.innerHTML;
      cleanup();
      const finished = render(<Markdown text={text} streaming={false} />).container.innerHTML;
      cleanup();
      expect(streaming).toBe(finished);
    }
  });

  it('are parsed whole when the reply ends, the same as a reply rendered finished', () => {
    const text = `${endlessBlockFixture(12_000)}\n\n- a list\n${'word '.repeat(300)}\n`;
    const view = render(<Markdown text="" streaming />);
    for (let at = 700; at < text.length; at += 700) {
      view.rerender(<Markdown text={text.slice(0, at)} streaming />);
    }
    view.rerender(<Markdown text={text} streaming={false} />);
    const ended = view.container.innerHTML;
    cleanup();
    expect(ended).toBe(render(<Markdown text={text} streaming={false} />).container.innerHTML);
  });

  it('show pieces that are not one paragraph each as they parse', () => {
    const text = `${'word '.repeat(250)}\n- a list item\n${'more words here '.repeat(80)}\n`;
    const doc = new StreamingDocument(500);
    expect(doc.update(text, true).tail.length).toBeGreaterThan(1);
    const { container } = render(<Markdown text={text} streaming />);
    expect(container.textContent).toContain('a list item');
    expect(container.textContent).toContain('more words here');
  });
});
