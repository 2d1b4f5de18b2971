/**
 * Counts emphasis openers (`*`, `_`, `~`) left open in a paragraph, for the nesting cap. A run
 * that can open adds its length, one that can only close takes its length off (per character, as
 * only `*` closes `*`), following CommonMark's flanking rules. Code spans are not skipped: which
 * backticks pair depends on block structure this line-level pass cannot see, and counting inside
 * them only errs towards escaping too early. Pure.
 */

/** Openers still open, per delimiter character; `over` once this paragraph hit the cap. */
export type EmphasisCount = Record<'*' | '_' | '~', number> & { over: boolean };

/** A fresh count, for the start of a paragraph. */
export function openEmphasis(): EmphasisCount {
  return { '*': 0, _: 0, '~': 0, over: false };
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/;

function isDelimiter(ch: string | undefined): ch is '*' | '_' | '~' {
  return ch === '*' || ch === '_' || ch === '~';
}

/**
 * Scans `line` from `from` for emphasis runs, updating `count`, and returns the offsets of
 * opener characters past `maxOpen` (each to be escaped with a backslash).
 */
export function scanEmphasis(
  line: string,
  from: number,
  count: EmphasisCount,
  maxOpen: number,
): number[] {
  const escapes: number[] = [];
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      if (ASCII_PUNCTUATION.test(line[i + 1] ?? '')) i++;
      continue;
    }
    if (!isDelimiter(ch)) continue;
    let end = i + 1;
    while (line[end] === ch) end++;
    // The start of a line's content and its end count as whitespace.
    const before = i > from ? (line[i - 1] as string) : ' ';
    const after = end < line.length ? (line[end] as string) : ' ';
    const spaceBefore = WHITESPACE.test(before);
    const spaceAfter = WHITESPACE.test(after);
    const punctBefore = PUNCTUATION.test(before);
    const punctAfter = PUNCTUATION.test(after);
    const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    // `snake_case`: an underscore inside a word neither opens nor closes.
    const opens = ch === '_' ? left && (!right || punctBefore) : left;
    if (opens) {
      const open = count['*'] + count._ + count['~'];
      const allowed = Math.max(0, Math.min(end - i, maxOpen - open));
      count[ch] += allowed;
      if (allowed < end - i) count.over = true;
      for (let at = i + allowed; at < end; at++) escapes.push(at);
    } else if (right) {
      const closing = Math.min(end - i, count[ch]);
      count[ch] -= closing;
      // In a paragraph past the cap, closers with nothing left to close are escaped too: they
      // would render the same, but micromark pairs every one of them at a quadratic cost.
      if (count.over) for (let at = i + closing; at < end; at++) escapes.push(at);
    }
    i = end - 1;
  }
  return escapes;
}
