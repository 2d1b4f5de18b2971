/**
 * The line rules both block splitters share (the full one in split-blocks.ts and the append-only
 * one in incremental-blocks.ts): what a line is, which fence it opens or closes, and where a new
 * top-level block begins. A "segment" is a line with its `\n`, or, for a line longer than
 * LINE_CUT outside a fence, a bounded piece of it (cut before a word): one endless paragraph (no blank line,
 * megabytes long) is then parsed as pieces of bounded size instead of in full on every update.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,}|\${2,})/;

/**
 * Past this many characters a block ends at the next plain line (one that starts with a letter)
 * or, inside one long line, before the next word: a reply that never leaves its paragraph is parsed
 * in pieces of about this size. Lists, tables, quotes and code are never cut (their lines do not
 * start with a letter, or they are inside a fence).
 */
export const MAX_BLOCK_CHARS = 4_000;
/**
 * While a reply streams, its open (growing) block is shown as pieces of about this size, cut by
 * the same rule as MAX_BLOCK_CHARS: the tail re-parsed per update is this small, not up to 4 KB.
 * The pieces are only a streaming view; the block they make up is parsed whole once it finishes.
 */
export const TAIL_PIECE_CHARS = 1_000;
/**
 * A run of reference definitions (they render nothing and cannot continue a paragraph) is cut
 * into blocks of about this size: hundreds of them in a row are not one block parsed per update.
 */
const DEFINITIONS_BLOCK_CHARS = 1_000;
const DEFINITION_LINE = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S/;
/**
 * A line is cut only past this length (before a word): a shorter one keeps its syntax whole (a
 * line of `- - -` is a rule until its last character says otherwise).
 */
const LINE_CUT = 16_000;
/** A piece of one long line with no word in reach to cut before is cut here whatever follows. */
const HARD_CUT = 64_000;
/** Where a long line may be cut: before a word (a piece never starts with Markdown syntax). */
const BEFORE_WORD = / (?=\p{L})/u;
const PLAIN_START = /^\p{L}/u;

/** The fence a line opens, if any: a `$$` line opens math only when no `$` follows on it. */
export function fenceOpenedBy(line: string): string | null {
  const run = FENCE.exec(line)?.[1];
  if (!run) return null;
  if (run[0] === '$' && line.slice(line.indexOf(run) + run.length).includes('$')) return null;
  return run;
}

/** Whether `line` closes the open `fence` (same character, at least as long, nothing else). */
export function closesFence(line: string, fence: string): boolean {
  const run = FENCE.exec(line)?.[1];
  return !!run && run[0] === fence[0] && run.length >= fence.length && line.trim() === run;
}

/**
 * The end of the segment that starts at `from`, or -1 when it is not complete yet (more text
 * could still change where it ends). Inside a fence only line ends count.
 */
export function segmentEnd(text: string, from: number, inFence: boolean): number {
  const newline = text.indexOf('\n', from);
  if (inFence || (newline >= 0 && newline - from < LINE_CUT)) {
    return newline < 0 ? -1 : newline + 1;
  }
  const limit = newline < 0 ? text.length : newline;
  const window = text.slice(from + LINE_CUT, Math.min(limit, from + HARD_CUT));
  const word = window.search(BEFORE_WORD);
  if (word >= 0) return from + LINE_CUT + word + 1;
  if (limit >= from + HARD_CUT) {
    const at = from + HARD_CUT;
    // Never between the halves of a surrogate pair.
    return /[\uDC00-\uDFFF]/.test(text[at] ?? '') ? at + 1 : at;
  }
  return newline < 0 ? -1 : newline + 1;
}

/**
 * Whether a block grown past its bound may end before `segment`: at a plain line (one that starts
 * with a letter) or inside a long line (`continuation`), never at a blank line.
 */
export function cutsBefore(segment: string, continuation: boolean): boolean {
  return segment.trim() !== '' && (continuation || PLAIN_START.test(segment));
}

/** What the splitter carries from one segment to the next. */
export interface LineState {
  /** The fence still open, or null. */
  fence: string | null;
  /** Whether the last segment was a blank line. */
  lastBlank: boolean;
  /** Whether the last segment ended its line (false after a cut piece of a long line). */
  lineEnded: boolean;
  /** Whether the current block holds nothing but reference definition lines. */
  definitionsOnly: boolean;
}

/** The state before any text. */
export function initialLineState(): LineState {
  return { fence: null, lastBlank: false, lineEnded: true, definitionsOnly: false };
}

/**
 * Applies one segment to `state` (mutating it) and says whether a new block starts at it, given
 * how long the current block is before it (0: no block yet).
 */
export function stepLine(state: LineState, segment: string, blockLength: number): boolean {
  const continuation = !state.lineEnded;
  state.lineEnded = segment.endsWith('\n');
  if (state.fence) {
    if (closesFence(segment, state.fence)) state.fence = null;
    state.definitionsOnly = false;
    return false;
  }
  const open = continuation ? null : fenceOpenedBy(segment);
  const blank = segment.trim() === '';
  const indented = /^( {2,}|\t)/.test(segment);
  // A new block starts at a fence, or after a blank line unless the line continues a list item;
  // a block grown past the bound ends at a plain line or inside a long one.
  const long = blockLength >= MAX_BLOCK_CHARS && cutsBefore(segment, continuation);
  const definition = !continuation && DEFINITION_LINE.test(segment);
  const definitions = definition && state.definitionsOnly && blockLength >= DEFINITIONS_BLOCK_CHARS;
  const starts =
    blockLength > 0 && (!!open || (state.lastBlank && !blank && !indented) || long || definitions);
  state.definitionsOnly =
    starts || blockLength === 0 ? definition : state.definitionsOnly && definition;
  if (open) state.fence = open;
  state.lastBlank = blank;
  return starts;
}
