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

  it('show pieces that are not one paragraph each as they parse', () => {
    const text = `${'word '.repeat(250)}\n- a list item\n${'more words here '.repeat(80)}\n`;
    const doc = new StreamingDocument(500);
    expect(doc.update(text, true).tail.length).toBeGreaterThan(1);
    const { container } = render(<Markdown text={text} streaming />);
    expect(container.textContent).toContain('a list item');
    expect(container.textContent).toContain('more words here');
  });
});
