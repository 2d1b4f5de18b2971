import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_SELECTION_CHARS,
  estimateTokens,
  normalizeSelection,
} from '@/lib/selection/normalize';

const norm = (text: string, maxChars = 1000) => normalizeSelection(text, { maxChars });

describe('normalizeSelection', () => {
  it('turns CRLF and CR into LF', () => {
    expect(norm('a\r\nb\rc').text).toBe('a\nb\nc');
  });
  it('keeps indentation byte for byte, tabs included', () => {
    const code = 'func main() {\n\tif x {\n\t\treturn\n\t}\n    y := 1\n}';
    expect(norm(code)).toEqual({ text: code, hiddenTextRemoved: false });
  });
  it('keeps the first line’s indentation and drops trailing blank space', () => {
    expect(norm('\n\n    indented\n  more   \n\n').text).toBe('    indented\n  more');
  });
  it('makes broken UTF-16 well formed', () => {
    expect(norm('a\uD800b\uDC00c').text).toBe('a\uFFFDb\uFFFDc');
  });
  it('removes NUL and control characters but keeps tabs and newlines', () => {
    expect(norm('a\u0000b\u0007c\td\ne\u009Bf')).toEqual({
      text: 'abc\td\nef',
      hiddenTextRemoved: false,
    });
  });
  it.each([
    ['Unicode tag characters', `hi${String.fromCodePoint(0xe0049, 0xe0047, 0xe004e)}!`],
    ['bidi controls', 'abc\u202Edcba\u202C'],
    ['isolates', 'x\u2066y\u2069'],
    ['zero-width spaces', 'pass\u200Bword'],
    ['zero-width joiner between letters', 'a\u200Db'],
    ['BOM', '\uFEFFtext'],
  ])('strips %s and says hidden text was removed', (_name, input) => {
    const result = norm(input);
    expect(result.hiddenTextRemoved).toBe(true);
    const invisible = [...result.text].filter(
      (c) =>
        /[\u{E0000}-\u{E007F}]/u.test(c) ||
        '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u200D\uFEFF'.includes(c),
    );
    expect(invisible).toEqual([]);
  });
  it('keeps the ZWJ inside an emoji sequence', () => {
    expect(norm('coder 👩‍💻')).toEqual({ text: 'coder 👩‍💻', hiddenTextRemoved: false });
  });
  it('caps a long selection at a line break and says how much was kept', () => {
    const text = 'line of text\n'.repeat(200);
    const result = norm(text, 1000);
    expect(result.truncated?.total).toBe(text.trimEnd().length);
    expect(result.truncated?.kept).toBe(result.text.length);
    expect(result.text.length).toBeLessThanOrEqual(1000);
    expect(result.text.endsWith('line of text')).toBe(true);
  });
  it('never splits a surrogate pair at the cap', () => {
    const result = norm('😀'.repeat(600), 999);
    expect(result.text.length % 2).toBe(0);
    expect(result.text.isWellFormed()).toBe(true);
  });
  it('handles a 5 MB selection quickly', () => {
    const big = 'INFO request served in 12ms path=/api?id=42\n'.repeat(120_000);
    const started = performance.now();
    const result = normalizeSelection(big, { maxChars: DEFAULT_MAX_SELECTION_CHARS });
    console.log(`normalize 5 MB: ${(performance.now() - started).toFixed(0)} ms`);
    expect(result.truncated?.total).toBeGreaterThan(5_000_000);
    expect(result.text.length).toBeLessThanOrEqual(DEFAULT_MAX_SELECTION_CHARS);
  });
  it('estimates about four characters a token', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('x'.repeat(400))).toBe(100);
  });
});
