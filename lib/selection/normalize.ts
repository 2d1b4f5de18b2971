/**
 * Makes captured page text safe and honest to send: well-formed UTF-16, LF line ends, no control
 * characters, no invisible characters that could carry instructions past the reader, and a size
 * cap. Indentation is kept byte for byte: code is quoted, never reformatted (no dedent).
 */

/** The default cap: about 20k tokens at ~4 characters a token (see `estimateTokens`). */
export const DEFAULT_MAX_SELECTION_CHARS = 80_000;

/** The normaliser's result; `truncated` is set only when the cap cut the text. */
export interface NormalizedSelection {
  text: string;
  truncated?: { kept: number; total: number };
  /** Characters that hide or reorder text were removed: worth a "contains hidden text" warning. */
  hiddenTextRemoved: boolean;
}

// Most patterns below are written without the `u` flag, over UTF-16 code units (astral
// characters as surrogate pairs, intact after toWellFormed): V8 replaces a match several times
// faster that way, which is what keeps a 5 MB page full of hidden characters well under 200 ms.

// ANSI escape sequences (colour codes in copied terminal output) and C0/C1 controls except tab
// and newline (CR is gone by then): noise, removed quietly.
const JUNK = /\u001B\[[0-9;?]*[ -/]*[@-~]|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

// Variation selectors, BMP and supplementary: one after a character picks a glyph; a run of
// them can encode bytes.
const VS = '(?:[\\uFE00-\\uFE0F]|\\uDB40[\\uDD00-\\uDDEF])';
/**
 * What hides or reorders text, removed with a warning: Unicode tag characters (U+E0000–E007F,
 * invisible ASCII), bidi embeddings, overrides and isolates (Trojan Source), runs of two or more
 * invisible characters (zero-width "binary"), stacked variation selectors, interlinear
 * annotation marks and Hangul fillers.
 */
const HIDING = new RegExp(
  [
    '\\uDB40[\\uDC00-\\uDC7F]',
    '[\\u202A-\\u202E\\u2066-\\u2069]',
    '[\\u200B-\\u200F\\u2060-\\u2064\\uFEFF\\u180E\\u061C\\u00AD]{2,}',
    `(?<=${VS})${VS}+`,
    '[\\uFFF9-\\uFFFB\\u3164\\uFFA0]',
  ].join('|'),
  'g',
);

// A neighbour that can be neither an emoji nor a letter of a joining script (ASCII, Latin,
// Greek, Cyrillic, Hebrew…; © and ® are emoji).
const PLAIN = '[\\u0000-\\u00A8\\u00AA-\\u00AD\\u00AF-\\u05FF]';
/**
 * Lone invisible characters, removed quietly: sites put them in long words as line-break hints
 * and in right-to-left text as direction marks, so they are no sign of hidden text. A ZWJ/ZWNJ
 * next to a plain letter is removed here; the others are judged by `JOINER`.
 */
const STRAY = new RegExp(
  [
    '[\\u200B\\u2060-\\u2064\\uFEFF\\u180E\\u200E\\u200F\\u061C\\u00AD]',
    `(?<=${PLAIN})[\\u200C\\u200D]`,
    `[\\u200C\\u200D](?=${PLAIN})`,
    '^[\\u200C\\u200D]',
    '[\\u200C\\u200D]$',
  ].join('|'),
  'g',
);

// Scripts that join letters with ZWJ/ZWNJ as part of normal spelling (Persian, Hindi, Sinhala…).
const JOINING =
  '[\\p{sc=Arab}\\p{sc=Syrc}\\p{sc=Nkoo}\\p{sc=Mong}\\p{sc=Deva}\\p{sc=Beng}\\p{sc=Guru}\\p{sc=Gujr}\\p{sc=Orya}\\p{sc=Taml}\\p{sc=Telu}\\p{sc=Knda}\\p{sc=Mlym}\\p{sc=Sinh}\\p{sc=Khmr}\\p{sc=Mymr}\\p{sc=Tibt}]';
// An emoji, possibly with its presentation selector or skin tone, on either side of a ZWJ (👩‍💻).
const EMOJI = '[\\p{Extended_Pictographic}\\u{1F3FB}-\\u{1F3FF}\\u{1F9B0}-\\u{1F9B3}]';
const EMOJI_BEFORE = `${EMOJI}(?:\\u{FE0F}|[\\u{1F3FB}-\\u{1F3FF}])?`;
/** A ZWJ outside an emoji sequence, or a ZWJ/ZWNJ outside a joining script's word: removed quietly. */
const JOINER = new RegExp(
  [
    `(?!(?<=${EMOJI_BEFORE})\\u200D(?=${EMOJI}))(?!(?<=${JOINING})\\u200D(?=${JOINING}))\\u200D`,
    `(?!(?<=${JOINING})\\u200C(?=${JOINING}))\\u200C`,
  ].join('|'),
  'gu',
);

/** A usable cap: Infinity means none; anything else that is not a positive number means the default. */
function capOf(maxChars: number): number {
  if (maxChars === Infinity) return Infinity;
  return Number.isFinite(maxChars) && maxChars >= 1
    ? Math.floor(maxChars)
    : DEFAULT_MAX_SELECTION_CHARS;
}

/**
 * Cleans captured text and caps it at `maxChars` characters (UTF-16 code units, as `length`
 * counts; `truncated.total` counts the cleaned text). Linear regexes only: a 5 MB log takes
 * ~20 ms in Node 20, and 5 MB dense with hidden characters (the worst case) ~130 ms.
 */
export function normalizeSelection(raw: string, opts: { maxChars: number }): NormalizedSelection {
  const max = capOf(opts.maxChars);
  let text = raw
    .toWellFormed()
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(JUNK, '');
  const before = text.length;
  text = text.replace(HIDING, '');
  const hiddenTextRemoved = text.length !== before;
  text = text
    .replace(STRAY, '')
    .replace(JOINER, '')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  if (text.length <= max) return { text, hiddenTextRemoved };
  const kept = capAt(text, max);
  return {
    text: kept,
    truncated: { kept: kept.length, total: text.length },
    hiddenTextRemoved,
  };
}

/**
 * The first `max` characters, cut at the last line break in the final tenth when there is one,
 * never inside a surrogate pair and never leaving a dangling ZWJ.
 */
function capAt(text: string, max: number): string {
  const lineBreak = text.lastIndexOf('\n', max);
  let end = lineBreak >= max * 0.9 ? lineBreak : max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  while (end > 0 && text.charCodeAt(end - 1) === 0x200d) end -= 1;
  return text.slice(0, end).trimEnd();
}

/**
 * A rough token count for display (the chip's "~N tokens"): about 4 characters a token for
 * English and code. It undercounts text in scripts such as Chinese or Japanese (nearer one token
 * a character); the request itself is measured elsewhere.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
