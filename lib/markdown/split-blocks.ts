/**
 * Splits markdown into top-level blocks so a streaming message re-parses only its last block.
 * Blank lines separate blocks except inside a fenced code block or a `$$` math block (an unclosed
 * fence runs to the end). Joining the blocks gives back the input exactly.
 */
import { closesFence, fenceOpenedBy, initialLineState, segmentEnd, stepLine } from './block-lines';

const FENCE = /^ {0,3}(`{3,}|~{3,}|\${2,})/;

/** The fence (```, ~~~ or $$) still open at the end of `text`, or null. */
export function openFence(text: string): string | null {
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    if (fence) {
      if (closesFence(line, fence)) fence = null;
    } else fence = fenceOpenedBy(line);
  }
  return fence;
}

/**
 * Splits markdown into top-level blocks, so a streaming reply re-renders only its last block.
 * The whole text at once: the reference the append-only splitter (incremental-blocks.ts) is
 * checked against, and what it falls back to when the text is not an append.
 */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  const state = initialLineState();
  let current = '';
  for (let at = 0; at < text.length;) {
    const end = segmentEnd(text, at, state.fence !== null);
    const line = text.slice(at, end < 0 ? text.length : end);
    at += line.length;
    if (stepLine(state, line, current.length)) {
      blocks.push(current);
      current = '';
    }
    current += line;
  }
  if (current) blocks.push(current);
  return blocks;
}

/** Reference definitions (`[id]: url`) apply to the whole document, so each block needs them. */
export function referenceDefinitions(text: string): string {
  return (text.match(/^ {0,3}\[[^\]\n]+\]:\s*\S.*$/gm) ?? []).join('\n');
}

/**
 * Where inline math opens on `line` without closing yet (a `$` or `$$` run with no equal run
 * after it, outside code spans), when what follows reads as TeX; else -1. Prices ("$5 and") do
 * not count: TeX here means no space after the dollar and a `\`, `^`, `_` or `{` in it.
 */
export function unfinishedMathStart(line: string): number {
  let open: { at: number; length: number } | null = null;
  let ticks = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '`') ticks++;
    // A backslash escapes a dollar in prose; inside math it does not (remark-math agrees).
    if (ch === '\\' && !open) {
      i++;
      continue;
    }
    if (ch !== '$' || ticks % 2 === 1) continue;
    let length = 1;
    while (line[i + length] === '$') length++;
    if (!open) open = { at: i, length };
    else if (open.length === length) open = null;
    i += length - 1;
  }
  if (!open) return -1;
  const tex = line.slice(open.at + open.length);
  return /^\S/.test(tex) && /[\\^_{]/.test(tex) ? open.at : -1;
}

/** `text` as an inline code span, whatever backticks it holds. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Hides syntax a streaming reply has opened but not yet closed at its very end, so the user
 * does not see a flash of raw markers. Inline math still being written shows as code, without
 * its dollar signs, until it closes.
 */
export function trimUnfinished(block: string): string {
  let text = block;
  let lastLine = text.slice(text.lastIndexOf('\n') + 1);
  if (FENCE.test(lastLine)) return text;
  // Inside an open math block every character is TeX source: `\left[` must not be trimmed.
  if (openFence(text)?.startsWith('$')) return text;
  let pendingMath = '';
  const mathStart = unfinishedMathStart(lastLine);
  if (mathStart >= 0) {
    const at = text.length - lastLine.length + mathStart;
    pendingMath = codeSpan(text.slice(at).replace(/^\$+/, ''));
    text = text.slice(0, at);
    lastLine = lastLine.slice(0, mathStart);
  }
  text = text.replace(/!?\[[^\]\n]*(\]\([^)\s]*)?$/, '');
  const stars = (lastLine.match(/\*\*/g) ?? []).length;
  if (stars % 2 === 1) text = text.replace(/\*\*(?!.*\*\*)/, '');
  const ticks = (text.slice(text.lastIndexOf('\n') + 1).match(/`/g) ?? []).length;
  if (ticks % 2 === 1) text = text.replace(/`(?!.*`)/, '');
  return text + pendingMath;
}
