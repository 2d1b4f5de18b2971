/**
 * Makes captured page text safe and honest to send: well-formed UTF-16, no control or invisible
 * characters (which can smuggle instructions past a reader), LF line ends, and a size cap.
 * Indentation is kept byte for byte: code is quoted, not reformatted.
 */

/** About 20k tokens at ~4 characters a token. */
export const DEFAULT_MAX_SELECTION_CHARS = 80_000;

// Unicode tag characters (U+E0000–E007F) spell out hidden ASCII; bidi controls reorder what a
// reader sees; zero-width characters hide text between visible letters.
const TAGS = /\u{E0000}-\u{E007F}/u.source;
const INVISIBLE = new RegExp(
  `[${TAGS}\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C\\u200B\\u200C\\u2060\\uFEFF\\u00AD]|\\u200D(?!\\p{Extended_Pictographic})`,
  'gu',
);
// C0 and C1 controls except tab and newline.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export interface NormalizedSelection {
  text: string;
  truncated?: { kept: number; total: number };
  hiddenTextRemoved: boolean;
}

export function normalizeSelection(raw: string, opts: { maxChars: number }): NormalizedSelection {
  let text = raw.toWellFormed().replace(/\r\n?/g, '\n');
  const withoutControls = text.replace(CONTROLS, '');
  const visible = withoutControls.replace(INVISIBLE, '');
  const hiddenTextRemoved = visible.length !== withoutControls.length;
  text = visible.replace(/\s+$/, '').replace(/^\n+/, '');
  if (text.length <= opts.maxChars) return { text, hiddenTextRemoved };
  return {
    text: capAt(text, opts.maxChars),
    truncated: { kept: capAt(text, opts.maxChars).length, total: text.length },
    hiddenTextRemoved,
  };
}

/** Cuts at the last line break in the final tenth when there is one; never splits a surrogate pair. */
function capAt(text: string, max: number): string {
  const lineBreak = text.lastIndexOf('\n', max);
  let end = lineBreak > max * 0.9 ? lineBreak : max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** A rough token count (about 4 characters a token for English and code); shown, not enforced. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
