// @vitest-environment happy-dom
/**
 * A link whose visible text already is its destination shows that URL once (issue 16: a reply
 * with a bare URL read "https://go.dev/doc/ (https://go.dev/doc/)"); a link whose text names
 * anything else still shows its real destination beside the text.
 */
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Markdown } from '@/components/markdown/markdown';

const count = (text: string, part: string) => text.split(part).length - 1;

function shown(markdown: string, streaming = false) {
  const { container, unmount } = render(<Markdown text={markdown} streaming={streaming} />);
  const text = container.textContent ?? '';
  const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  unmount();
  return { text, links };
}

describe('a link whose text is its URL', () => {
  it.each([
    ['an autolink literal', 'Docs: https://go.dev/doc/'],
    ['an autolink in angle brackets', 'Docs: <https://go.dev/doc/>'],
    ['a link labelled with its URL', 'Docs: [https://go.dev/doc/](https://go.dev/doc/)'],
    ['a label without the scheme', 'Docs: [go.dev/doc/](https://go.dev/doc/)'],
    ['a label without the trailing slash', 'Docs: [https://go.dev/doc](https://go.dev/doc/)'],
    ['a label in code', 'Docs: [`https://go.dev/doc/`](https://go.dev/doc/)'],
  ])('%s shows the URL once, streaming or not', (_, markdown) => {
    for (const streaming of [false, true]) {
      const { text, links } = shown(markdown, streaming);
      expect(count(text, 'go.dev/doc')).toBe(1);
      expect(text).not.toContain('(');
      expect(links).toEqual(['https://go.dev/doc/']);
    }
  });

  it('a label that looks like another URL still shows the real destination', () => {
    for (const markdown of [
      '[go.dev/doc/](https://evil.example/doc/)',
      '[https://go.dev/doc/](https://go.dev.evil.example/doc/)',
      '[https://go.dev/doc/](http://go.dev/doc/)',
    ]) {
      const { text } = shown(markdown);
      expect(text).toMatch(/\(.*— (https?:\/\/\S+)\)$/);
      expect(count(text, 'go.dev/doc')).toBe(markdown.includes('evil.example/doc') ? 1 : 2);
    }
  });
});
