import { describe, expect, it } from 'vitest';
import { normaliseMathDelimiters as normalise } from '@/lib/markdown/math-delimiters';

describe('normaliseMathDelimiters', () => {
  it('leaves text without LaTeX delimiters alone (the same string)', () => {
    const text = 'costs $5 and $10, `\\(code\\)`';
    expect(normalise(text)).toBe(text);
    expect(normalise('plain')).toBe('plain');
  });

  it('turns \\(…\\) into $…$, trimming the inside', () => {
    expect(normalise('Let \\(x^2\\) be')).toBe('Let $x^2$ be');
    expect(normalise('Let \\( x + y \\) be')).toBe('Let $x + y$ be');
  });

  it('uses $$ inline when the formula holds a dollar', () => {
    expect(normalise('\\(\\$5\\)')).toBe('$$\\$5$$');
  });

  it('turns a \\[…\\] on its own line into a $$ block', () => {
    expect(normalise('Thus\n\\[x = 1\\]\nwhere')).toBe('Thus\n$$\nx = 1\n$$\nwhere');
    expect(normalise('\\[\n  a + b\n\\]')).toBe('$$\n  a + b\n$$');
    expect(normalise('\\[ a = 1\n + 2 \\]')).toBe('$$\na = 1\n + 2\n$$');
  });

  it('keeps the line prefix inside quotes and list items', () => {
    expect(normalise('> \\[x\\]')).toBe('> $$\n> x\n> $$');
    expect(normalise('  \\[x\\]')).toBe('  $$\n  x\n  $$');
  });

  it('keeps \\[…\\] inside a line inline, as $$…$$', () => {
    expect(normalise('so \\[x\\] holds')).toBe('so $$x$$ holds');
  });

  it('never touches code spans or fenced code', () => {
    expect(normalise('Use `\\(x\\)` or \\(y\\)')).toBe('Use `\\(x\\)` or $y$');
    expect(normalise('``a ` \\(b\\)`` \\(c\\)')).toBe('``a ` \\(b\\)`` $c$');
    const fenced = '```latex\n\\[x\\]\n\\(y\\)\n```\n\\(z\\)';
    expect(normalise(fenced)).toBe('```latex\n\\[x\\]\n\\(y\\)\n```\n$z$');
    const tilde = '~~~\n\\(a\\)\n~~~';
    expect(normalise(tilde)).toBe(tilde);
    const open = 'text\n```\n\\(a\\)';
    expect(normalise(open)).toBe(open);
  });

  it('reads an escaped backslash as text: \\\\[2pt] is a row break, \\\\( is a bracket', () => {
    const matrix = '$$\n\\begin{matrix} a \\\\[2pt] b \\end{matrix}\n$$';
    expect(normalise(matrix)).toBe(matrix);
    expect(normalise('a \\\\(b\\\\) c')).toBe('a \\\\(b\\\\) c');
  });

  it('does not pair across a blank line', () => {
    const text = 'a \\( b\n\nc \\) d';
    expect(normalise(text)).toBe(text);
  });

  it('leaves an empty pair and a lone opener mid-paragraph alone', () => {
    expect(normalise('\\(\\) and \\( x')).toBe('\\(\\) and \\( x');
  });

  it('opens a $$ block for an unclosed \\[ at the end of a streaming reply', () => {
    expect(normalise('Thus\n\\[ x = \\frac{1}')).toBe('Thus\n$$\nx = \\frac{1}');
    expect(normalise('Thus\n\\[\nx = ')).toBe('Thus\n$$\nx = ');
  });

  it('gives the same result for a finished block whatever follows it (memoisation)', () => {
    const first = 'Let \\(a\\).\n\n';
    const a = normalise(first + 'More \\(b');
    const b = normalise(first + 'More \\(b\\) text');
    expect(a.startsWith('Let $a$.\n\n')).toBe(true);
    expect(b.startsWith('Let $a$.\n\n')).toBe(true);
  });

  it('is idempotent', () => {
    const text = 'A \\(x\\), B:\n\\[y\\]\n`\\(z\\)`';
    expect(normalise(normalise(text))).toBe(normalise(text));
  });
});
