/**
 * LaTeX's `\(…\)` and `\[…\]` delimiters, which models use as often as dollars, rewritten as
 * `$…$` and `$$…$$` so remark-math parses them. Code spans and fences are copied untouched, and so
 * is `\\[2pt]` (an escaped backslash, as in a matrix row break). A delimiter pair never spans a
 * blank line (LaTeX itself rejects a paragraph break in math). An unclosed `\[` at a line start at
 * the very end (a streaming reply) opens a `$$` block, so it shows as pending math, not as text.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** What may stand before `\[` for it to count as a block: indentation and quote markers. */
const LINE_START = /(^|\n)([ \t>]*)$/;

/** Whether the character at `index` is escaped by an odd run of backslashes before it. */
function escaped(text: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/** Index of the closing `\)`/`\]` for an opener ending at `from`, or -1; null means "ran out". */
function findCloser(text: string, from: number, close: ')' | ']'): number | null {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && /^[ \t>]*(\n|$)/.test(text.slice(i + 1, i + 200))) {
      // A blank line ends the paragraph; only the very end of the text means "not yet".
      return /^[ \t>]*$/.test(text.slice(i + 1)) ? null : -1;
    }
    if (ch === close && text[i - 1] === '\\' && escaped(text, i - 1) === false && i - 1 >= from)
      return i - 1;
  }
  return null;
}

/** Lines of the last line's prefix (indentation, `>` markers) to repeat on inserted lines. */
function prefixBefore(out: string): string | null {
  const match = LINE_START.exec(out);
  return match ? (match[2] ?? '') : null;
}

function convertDisplay(inner: string, prefix: string | null, endsLine: boolean): string {
  if (prefix === null || !endsLine) return `$$${inner}$$`;
  // A block: `$$` alone on its lines, the content between them keeping the line prefix.
  const head = /^[ \t]*\n/.test(inner) ? inner : `\n${prefix}${inner.replace(/^[ \t]+/, '')}`;
  const tail = /\n[ \t>]*$/.test(head) ? head : `${head.replace(/[ \t]+$/, '')}\n${prefix}`;
  return `$$${tail}$$`;
}

function convertInline(inner: string): string {
  const tex = inner.trim();
  // `$…$` cannot hold a `$`; `$$…$$` inline can (remark-math closes on an equal run).
  return tex.includes('$') ? `$$${tex}$$` : `$${tex}$`;
}

/** Normalises one stretch of text that holds no fence (code spans are still skipped). */
function normaliseProse(text: string, atEnd: boolean): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const ticks = '`'.repeat(run);
      // A code span closes at the next run of exactly as many backticks.
      const closing = new RegExp(`(?<!\`)${ticks}(?!\`)`, 'g');
      closing.lastIndex = i + run;
      const match = closing.exec(text);
      const end = match ? match.index + run : i + run;
      out += text.slice(i, end);
      i = end;
      continue;
    }
    const next = text[i + 1];
    if (ch === '\\' && (next === '(' || next === '[') && !escaped(text, i)) {
      const close = next === '(' ? ')' : ']';
      const closer = findCloser(text, i + 2, close);
      if (closer !== null && closer >= 0) {
        const inner = text.slice(i + 2, closer);
        if (inner.trim()) {
          const after = closer + 2;
          const endsLine = /^[ \t]*(\n|$)/.test(text.slice(after, after + 200));
          out +=
            next === '('
              ? convertInline(inner)
              : convertDisplay(inner, prefixBefore(out), endsLine);
          i = after;
          continue;
        }
      } else if (closer === null && next === '[' && atEnd) {
        const prefix = prefixBefore(out);
        if (prefix !== null) {
          // Still streaming: open the block now so the source shows as pending math.
          const rest = text.slice(i + 2);
          out += /^[ \t]*\n/.test(rest)
            ? `$$${rest}`
            : `$$\n${prefix}${rest.replace(/^[ \t]+/, '')}`;
          return out;
        }
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * `text` with `\(…\)` as `$…$` and `\[…\]` as `$$…$$`, outside code. Pure and idempotent.
 * `atEnd` says the text ends the reply (a finished block before others passes false: an unclosed
 * `\[` there is text, not pending math).
 */
export function normaliseMathDelimiters(text: string, atEnd = true): string {
  if (!text.includes('\\(') && !text.includes('\\[')) return text;
  const lines = text.split(/(?<=\n)/);
  let out = '';
  let prose = '';
  let fence: string | null = null;
  for (const line of lines) {
    const open = FENCE.exec(line)?.[1];
    if (fence) {
      out += line;
      if (open && open[0] === fence[0] && open.length >= fence.length && line.trim() === open)
        fence = null;
      continue;
    }
    if (open) {
      out += normaliseProse(prose, false) + line;
      prose = '';
      fence = open;
      continue;
    }
    prose += line;
  }
  return out + normaliseProse(prose, atEnd);
}
