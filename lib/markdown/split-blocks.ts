/**
 * Splits markdown into top-level blocks so a streaming message re-parses only its last block.
 * Blank lines separate blocks except inside a fenced code block or a `$$` math block (an unclosed
 * fence runs to the end). Joining the blocks gives back the input exactly.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,}|\${2,})/;

/** The fence a line opens, if any: a `$$` line opens math only when no `$` follows on it. */
function fenceOpenedBy(line: string): string | null {
  const run = FENCE.exec(line)?.[1];
  if (!run) return null;
  if (run[0] === '$' && line.slice(line.indexOf(run) + run.length).includes('$')) return null;
  return run;
}

function closes(line: string, fence: string): boolean {
  const run = FENCE.exec(line)?.[1];
  return !!run && run[0] === fence[0] && run.length >= fence.length && line.trim() === run;
}

/** The fence (```, ~~~ or $$) still open at the end of `text`, or null. */
export function openFence(text: string): string | null {
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    if (fence) {
      if (closes(line, fence)) fence = null;
    } else fence = fenceOpenedBy(line);
  }
  return fence;
}

export function splitBlocks(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  const blocks: string[] = [];
  let current = '';
  let fence: string | null = null;
  let lastBlank = false;
  for (const line of lines) {
    const open = fenceOpenedBy(line);
    if (fence) {
      current += line;
      if (closes(line, fence)) fence = null;
      continue;
    }
    const blank = line.trim() === '';
    const indented = /^( {2,}|\t)/.test(line);
    // A new block starts at a fence, or after a blank line unless the line continues a list item.
    if (current && (open || (lastBlank && !blank && !indented))) {
      blocks.push(current);
      current = '';
    }
    if (open) fence = open;
    current += line;
    lastBlank = blank;
  }
  if (current) blocks.push(current);
  return blocks;
}

/** Reference definitions (`[id]: url`) apply to the whole document, so each block needs them. */
export function referenceDefinitions(text: string): string {
  return (text.match(/^ {0,3}\[[^\]\n]+\]:\s*\S.*$/gm) ?? []).join('\n');
}

/**
 * Hides syntax a streaming reply has opened but not yet closed at its very end, so the user
 * does not see a flash of raw markers.
 */
export function trimUnfinished(block: string): string {
  let text = block;
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  if (FENCE.test(lastLine)) return text;
  // Inside an open math block every character is TeX source: `\left[` must not be trimmed.
  if (openFence(text)?.startsWith('$')) return text;
  text = text.replace(/!?\[[^\]\n]*(\]\([^)\s]*)?$/, '');
  const stars = (lastLine.match(/\*\*/g) ?? []).length;
  if (stars % 2 === 1) text = text.replace(/\*\*(?!.*\*\*)/, '');
  const ticks = (text.slice(text.lastIndexOf('\n') + 1).match(/`/g) ?? []).length;
  if (ticks % 2 === 1) text = text.replace(/`(?!.*`)/, '');
  return text;
}
