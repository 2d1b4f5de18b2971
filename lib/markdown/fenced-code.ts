/**
 * A block that is one fenced code block and nothing else, read without the Markdown parser: the
 * code (as mdast's `code.value`) and its language (the info string's first word). An open fence
 * at the end of a streaming reply is the block most often re-rendered, and the parser's cost grows
 * with it; this reads it in one pass. Anything unusual (an indented fence, tabs, an info string
 * beyond plain letters, digits and `+#.-_`, text after the closing fence) returns null and goes
 * through the parser. tests/unit/markdown/fenced-code.test.ts compares it with remark's parse.
 */

/** What a fenced code block holds, as the renderer needs it. */
export interface FencedCode {
  code: string;
  language?: string;
}

const OPENER = /^( {0,3})(`{3,}|~{3,})[ ]*([\w+#.-]*)[ ]*(?:\n|$)/;

/** The code block `source` consists of, or null when it holds anything else (or is unusual). */
export function readFencedCode(source: string): FencedCode | null {
  const open = OPENER.exec(source);
  if (!open) return null;
  const indent = (open[1] ?? '').length;
  // An indented fence strips indentation from its lines, with rules of its own: the parser's.
  if (indent > 0) return null;
  const fence = open[2] as string;
  const info = open[3] ?? '';
  const lines: string[] = [];
  let at = open[0].length;
  if (!open[0].endsWith('\n')) return { code: '', ...(info ? { language: info } : {}) };
  let closed = false;
  while (at < source.length) {
    const newline = source.indexOf('\n', at);
    const end = newline < 0 ? source.length : newline;
    const line = source.slice(at, end);
    at = newline < 0 ? source.length : newline + 1;
    if (/^\t| {0,3}\t/.test(line)) return null;
    const run = /^ {0,3}(`{3,}|~{3,})[ ]*$/.exec(line)?.[1];
    if (run && run[0] === fence[0] && run.length >= fence.length) {
      closed = true;
      break;
    }
    lines.push(line);
  }
  // The unfinished last line of an open fence, blank but for spaces: left to the parser.
  if (!closed && /^ +$/.test(lines.at(-1) ?? '')) return null;
  // After the closing fence only blank lines may follow.
  if (closed && source.slice(at).trim() !== '') return null;
  return { code: lines.join('\n'), ...(info ? { language: info } : {}) };
}
