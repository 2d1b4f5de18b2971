// @vitest-environment happy-dom
/**
 * Math in the Markdown renderer: inline and display, both delimiter styles, prices left alone,
 * TeX source shown until KaTeX arrives and while a `$$` block is still streaming.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import { Markdown } from '@/components/markdown/markdown';

afterEach(() => cleanup());

describe('math before KaTeX has loaded', () => {
  it('shows the TeX source as code, without dollar markers', () => {
    const { container } = render(
      <Markdown text={'Let $x^2$ be.\n\n$$\ny = 1\n$$'} streaming={false} />,
    );
    expect(container.querySelector('code.math-source')?.textContent).toBe('x^2');
    expect(container.querySelector('pre.math-source')?.textContent).toBe('y = 1');
    expect(container.textContent).not.toContain('$');
  });
});

describe('math once KaTeX has loaded', () => {
  beforeAll(async () => {
    await import('@/components/markdown/katex-render');
  });

  it('renders inline math with MathML and an aria-hidden visual part', async () => {
    const { container } = render(<Markdown text="Let $x^2$ be." streaming={false} />);
    await waitFor(() => expect(container.querySelector('.math-inline .katex')).not.toBeNull());
    expect(container.querySelector('p .katex math annotation')?.textContent).toBe('x^2');
    expect(container.querySelector('.katex-html')?.getAttribute('aria-hidden')).toBe('true');
    expect(container.querySelector('.katex-display')).toBeNull();
  });

  it('renders $$ blocks, one-line $$…$$ and \\[…\\] as display math', async () => {
    const text = '$$\n\\sum_i i\n$$\n\n$$E = mc^2$$\n\nThus\n\\[a^2 + b^2 = c^2\\]';
    const { container } = render(<Markdown text={text} streaming={false} />);
    await waitFor(() =>
      expect(container.querySelectorAll('.math-display .katex-display')).toHaveLength(3),
    );
    const annotations = [...container.querySelectorAll('annotation')].map((a) => a.textContent);
    expect(annotations).toEqual(['\\sum_i i', 'E = mc^2', 'a^2 + b^2 = c^2']);
  });

  it('renders \\(…\\) inline', async () => {
    const { container } = render(
      <Markdown text={'where \\( \\alpha > 0 \\) holds'} streaming={false} />,
    );
    await waitFor(() =>
      expect(container.querySelector('.math-inline annotation')?.textContent).toBe('\\alpha > 0'),
    );
  });

  it('leaves prices and code alone', async () => {
    const text = 'It costs $5 and $10.\n\n`$x$` and:\n\n```\n$$\n\\(y\\)\n```';
    const { container } = render(<Markdown text={text} streaming={false} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(container.querySelector('.katex, .math-source')).toBeNull();
    expect(container.querySelector('p')?.textContent).toBe('It costs $5 and $10.');
    expect(container.querySelector('p code')?.textContent).toBe('$x$');
    expect(container.querySelector('pre code')?.textContent).toBe('$$\n\\(y\\)');
  });

  it('shows an open $$ block as source while streaming, and renders it once closed', async () => {
    const open = 'Intro $a$\n\n$$\nx = \\frac{1}{2';
    const { container, rerender } = render(<Markdown text={open} streaming />);
    await waitFor(() => expect(container.querySelector('.math-inline .katex')).not.toBeNull());
    expect(container.querySelector('pre.math-source')?.textContent).toBe('x = \\frac{1}{2');
    expect(container.querySelector('.katex-error')).toBeNull();
    rerender(<Markdown text={`${open}}\n$$`} streaming />);
    await waitFor(() => expect(container.querySelector('.katex-display')).not.toBeNull());
    expect(container.querySelector('pre.math-source')).toBeNull();
  });

  it('shows an unclosed \\[ as pending source while streaming', () => {
    const { container } = render(<Markdown text={'So\n\\[ x = \\sqrt{'} streaming />);
    expect(container.querySelector('pre.math-source')?.textContent).toBe('x = \\sqrt{');
  });

  it('keeps finished math blocks as they are while the reply streams on', async () => {
    const first = '$$\ny = mx + b\n$$\n\n';
    const { container, rerender } = render(<Markdown text={`${first}Now`} streaming />);
    await waitFor(() => expect(container.querySelector('.katex-display')).not.toBeNull());
    const before = container.querySelector('.katex-display');
    rerender(<Markdown text={`${first}Now more $z$ text`} streaming />);
    rerender(<Markdown text={`${first}Now more $z$ text.`} streaming={false} />);
    expect(container.querySelector('.katex-display')).toBe(before);
  });

  it('renders a TeX error as text, not a crash', async () => {
    const { container } = render(<Markdown text={'$$\n\\frac{1}{\n$$'} streaming={false} />);
    await waitFor(() => expect(container.querySelector('.katex-error')).not.toBeNull());
    expect(container.querySelector('.katex-error')?.textContent).toBe('\\frac{1}{');
  });

  it('shows inline math still being written as code, without its dollar', () => {
    const { container } = render(<Markdown text={'Let $\\frac{a'} streaming />);
    expect(container.querySelector('p code')?.textContent).toBe('\\frac{a');
    expect(container.textContent).not.toContain('$');
  });

  it.each([
    '$\\href{javascript:alert(1)}{x}$',
    '$$\\url{https://e.test/}$$',
    '$$\n\\htmlClass{evil}{\\includegraphics{https://e.test/i.png}}\n$$',
    '\\(\\htmlStyle{background:url(https://e.test/)}{x}\\)',
    '$<img src=x onerror=alert(1)>$',
  ])('hostile TeX in a message stays inert: %s', async (text) => {
    const { container } = render(<Markdown text={text} streaming={false} />);
    await waitFor(() => expect(container.querySelector('.katex')).not.toBeNull());
    expect(container.querySelector('a, img, .evil, [href], [src], [onerror]')).toBeNull();
    for (const el of container.querySelectorAll('[style]'))
      expect(el.getAttribute('style')).not.toMatch(/url/);
  });
});
