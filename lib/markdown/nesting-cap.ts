/**
 * Caps how deeply model text can nest before it is parsed. Markdown parsers and the tree walkers
 * after them recurse once per level: 3000 `>` overflow the stack in mdast-util-to-hast, and
 * micromark takes minutes on a few thousand nested list markers or emphasis openers. Past the cap
 * a marker is backslash-escaped, so it renders as the character it is: nothing is lost, it just
 * stops nesting.
 *
 * Line by line, without parsing: block quotes and list items (by marker and by indentation) are
 * counted per line; emphasis openers (`*`, `_`, `~`) are counted per paragraph. The model errs
 * towards counting too many (list items that may have closed stay counted), never too few, except
 * in contrived emphasis sequences (CommonMark's rule of 3) that the error boundary still catches.
 * Top-level fenced code and fences inside list items and quotes are skipped, so code keeps its
 * bytes. Linear in the input. Pure.
 */
import { openEmphasis, scanEmphasis, type EmphasisCount } from './emphasis-cap';

/** Block quotes and list items allowed around any line; deeper markers become text. */
export const MAX_CONTAINER_DEPTH = 32;
/** Emphasis delimiters allowed open at once in a paragraph; further openers become text. */
export const MAX_OPEN_EMPHASIS = 32;

/** Text with over-deep markers escaped, and whether any were, so the message can say so. */
export interface NestingCap {
  text: string;
  /** Whether anything was escaped (the renderer says so under the message). */
  capped: boolean;
}

interface Fence {
  char: string;
  length: number;
  /** Quote markers before the fence on its opening line. */
  quotes: number;
  /** The column its container's content starts at: lines indented less leave the container. */
  col: number;
}

interface State {
  /** Content columns of list items that may still be open, ascending, at most max + 1 kept. */
  lists: number[];
  prevBlank: boolean;
  fence: Fence | null;
  emphasis: EmphasisCount;
}

/** What one line's container prefix holds. */
interface Prefix {
  /** Where the line's content starts (after its markers and indentation). */
  pos: number;
  col: number;
  /** The content column of the innermost container on this line. */
  containerCol: number;
  quotes: number;
  /** List items this line opens: marker column, content column, whether earlier items close. */
  items: { col: number; contentCol: number; closesDeeper: boolean }[];
  /** Index to escape (a marker past the cap), or -1; inline content then starts at `inlineFrom`. */
  escapeAt: number;
  inlineFrom: number;
  /**
   * The column of a block start that ends list items whose content is deeper (a quote, heading,
   * break or fence), or -1.
   */
  interruptCol: number;
}

const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE_OPEN = /^(`{3,}|~{3,}|\${2,})(.*)$/;
const FENCE_CLOSE = /^(`+|~+|\$+)[ \t]*$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const ORDERED = /^(\d{1,9})[.)]/;

/** Columns advanced by `ch` at column `col` (tabs stop every 4). */
function width(ch: string, col: number): number {
  return ch === '\t' ? 4 - (col % 4) : 1;
}

function fenceAt(rest: string): { char: string; length: number } | null {
  const m = FENCE_OPEN.exec(rest);
  const run = m?.[1];
  if (!run) return null;
  // A backtick fence's info may not hold a backtick, nor a math fence's a dollar (micromark).
  if ((run[0] === '`' || run[0] === '$') && (m[2] ?? '').includes(run[0])) return null;
  return { char: run[0] ?? '', length: run.length };
}

/** Keeps `lists` sorted and short: only the smallest max + 1 columns can change a count. */
function insertColumn(lists: number[], col: number, max: number): void {
  let i = lists.length;
  while (i > 0 && (lists[i - 1] as number) > col) i--;
  if (lists[i - 1] === col) return;
  lists.splice(i, 0, col);
  if (lists.length > max + 1) lists.length = max + 1;
}

function closeDeeper(lists: number[], col: number): void {
  while (lists.length && (lists[lists.length - 1] as number) > col) lists.pop();
}

/** Reads the container markers at the start of `line`, escaping the first one past `max`. */
function readPrefix(line: string, s: State, max: number): Prefix {
  let pos = 0;
  let col = 0;
  let depth = 0;
  let containerCol = 0;
  let counted = 0; // how many of s.lists this line is inside
  let countLists = true;
  let afterItem = false;
  const p: Prefix = {
    pos: 0,
    col: 0,
    containerCol: 0,
    quotes: 0,
    items: [],
    escapeAt: -1,
    inlineFrom: 0,
    interruptCol: -1,
  };
  for (let first = true; ; first = false) {
    while (line[pos] === ' ' || line[pos] === '\t') col += width(line[pos++] as string, col);
    // After a blank line nothing is lazy: items indented deeper than this line are over.
    if (first && s.prevBlank && pos < line.length) closeDeeper(s.lists, col);
    while (countLists && counted < s.lists.length && (s.lists[counted] as number) <= col) {
      containerCol = s.lists[counted++] as number;
      depth++;
    }
    Object.assign(p, { pos, col, containerCol, inlineFrom: pos });
    if (pos >= line.length || col - containerCol >= 4) return p; // blank, or code/continuation
    const ch = line[pos] as string;
    const rest = line.slice(pos);
    if (ch === '>') {
      if (depth >= max) return { ...p, escapeAt: pos };
      depth++;
      p.quotes++;
      if (p.interruptCol < 0) p.interruptCol = col;
      countLists = false; // a quote at this column is inside no deeper list item
      pos++;
      col++;
      if (line[pos] === ' ') {
        pos++;
        col++;
      } else if (line[pos] === '\t') col++; // the tab's first column is the optional space
      containerCol = col;
      afterItem = false;
      continue;
    }
    const ordered = ORDERED.exec(rest);
    const isBullet = (ch === '-' || ch === '+' || ch === '*') && !THEMATIC_BREAK.test(rest);
    const markerLength = ordered ? (ordered[0]?.length ?? 0) : isBullet ? 1 : 0;
    const next = line[pos + markerLength];
    if (!markerLength || (next !== undefined && next !== ' ' && next !== '\t')) {
      const block = ATX_HEADING.test(rest) || THEMATIC_BREAK.test(rest) || !!fenceAt(rest);
      if (block && p.interruptCol < 0) p.interruptCol = col;
      return p;
    }
    if (depth >= max) {
      const at = ordered ? pos + markerLength - 1 : pos;
      return { ...p, escapeAt: at, inlineFrom: ordered ? at : at + 1 };
    }
    const markerEnd = col + markerLength;
    let after = pos + markerLength;
    let afterCol = markerEnd;
    while (line[after] === ' ' || line[after] === '\t')
      afterCol += width(line[after++] as string, afterCol);
    const empty = after >= line.length;
    const spaces = afterCol - markerEnd;
    const contentCol = empty || spaces > 4 ? markerEnd + 1 : afterCol;
    // Only an item that can interrupt a paragraph surely closes deeper items; one that cannot
    // ("2." or an empty item) may be lazy paragraph text, so earlier items are kept counted.
    const closesDeeper =
      afterItem || s.prevBlank || (!empty && (!ordered || Number(ordered[1]) === 1));
    p.items.push({ col, contentCol, closesDeeper });
    if (closesDeeper) countLists = false;
    depth++;
    afterItem = true;
    pos = after;
    col = afterCol;
    containerCol = contentCol;
  }
}

/** Whether `line` stays inside `fence`'s container; the content's position and indent if so. */
function insideFence(line: string, fence: Fence): { pos: number; indent: number } | null {
  let pos = 0;
  let col = 0;
  for (let q = 0; q < fence.quotes; q++) {
    let spaces = 0;
    while (line[pos] === ' ' && spaces < 3) {
      pos++;
      spaces++;
    }
    if (line[pos] !== '>') return null;
    pos++;
    if (line[pos] === ' ') pos++;
    col = pos;
  }
  while (line[pos] === ' ' || line[pos] === '\t') col += width(line[pos++] as string, col);
  if (pos >= line.length) return { pos, indent: 0 };
  return col >= fence.col ? { pos, indent: col - fence.col } : null;
}

/** Processes one line: returns the offsets (within the line) to put a backslash before. */
function capLine(line: string, s: State, max: number, maxOpen: number): number[] {
  if (s.fence) {
    const inside = insideFence(line, s.fence);
    if (inside) {
      const close = FENCE_CLOSE.exec(line.slice(inside.pos));
      const run = close?.[1];
      if (run && inside.indent < 4 && run[0] === s.fence.char && run.length >= s.fence.length)
        s.fence = null;
      return [];
    }
    s.fence = null; // the container ended, and the code block with it
  }
  const p = readPrefix(line, s, max);
  if (p.interruptCol >= 0) closeDeeper(s.lists, p.interruptCol);
  for (const item of p.items) {
    if (item.closesDeeper) closeDeeper(s.lists, item.col);
    insertColumn(s.lists, item.contentCol, max);
  }
  const blank = p.escapeAt < 0 && p.pos >= line.length;
  s.prevBlank = line.trim() === '';
  if (blank) {
    s.emphasis = openEmphasis();
    return [];
  }
  const fence = p.escapeAt < 0 && p.col - p.containerCol < 4 ? fenceAt(line.slice(p.pos)) : null;
  if (fence) {
    s.fence = { ...fence, quotes: p.quotes, col: p.containerCol };
    s.emphasis = openEmphasis();
    return [];
  }
  const escapes = p.escapeAt >= 0 ? [p.escapeAt] : [];
  return escapes.concat(scanEmphasis(line, p.inlineFrom, s.emphasis, maxOpen));
}

/**
 * `text` with block quotes and list items deeper than `maxDepth` and emphasis openers beyond
 * `maxOpen` turned into escaped (literal) characters. Text that stays within both comes back
 * unchanged, byte for byte.
 */
export function capNesting(
  text: string,
  { maxDepth = MAX_CONTAINER_DEPTH, maxOpen = MAX_OPEN_EMPHASIS } = {},
): NestingCap {
  const state: State = { lists: [], prevBlank: true, fence: null, emphasis: openEmphasis() };
  const parts: string[] = [];
  let start = 0;
  let last = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    for (const at of capLine(text.slice(start, end), state, maxDepth, maxOpen)) {
      parts.push(text.slice(last, start + at), '\\');
      last = start + at;
    }
    start = end + 1;
  }
  if (!parts.length) return { text, capped: false };
  parts.push(text.slice(last));
  return { text: parts.join(''), capped: true };
}
