/**
 * A remark plugin that runs after remark-math and decides what is really math:
 * - `$…$` counts only with no space just inside either dollar and no digit just after the closing
 *   one (Pandoc's rule), so "costs $5 and $10" stays prose; `$$…$$` inline is always math.
 * - A paragraph holding nothing but `$$…$$` becomes display math (models write it on one line).
 * - `$$ x = 1` on the opening line keeps `x = 1` (remark-math would take it as the fence's meta).
 * - A `$$` block with no closing fence yet is marked `math-open`, so a streaming reply shows its
 *   source until the block closes.
 * Pure: works on the syntax tree and the source text only.
 */

interface Point {
  offset?: number;
}
interface MdNode {
  type: string;
  value?: string;
  meta?: string | null;
  children?: MdNode[];
  position?: { start: Point; end: Point };
  data?: Record<string, unknown>;
}

function sourceOf(node: MdNode, source: string): string | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : source.slice(start, end);
}

/** The hast remark-math gives a display block, so rehype sees the same shape either way. */
function displayData(value: string, open: boolean): Record<string, unknown> {
  const className = ['language-math', 'math-display', ...(open ? ['math-open'] : [])];
  return {
    hName: 'pre',
    hChildren: [
      {
        type: 'element',
        tagName: 'code',
        properties: { className },
        children: [{ type: 'text', value }],
      },
    ],
  };
}

/** Whether a single-dollar span written as `raw` (delimiters included) reads as math. */
export function isInlineMath(raw: string, after: string | undefined): boolean {
  if (raw.startsWith('$$')) return true;
  const inner = raw.slice(1, -1);
  if (!inner || /^\s|\s$/.test(inner)) return false;
  return !(after && /\d/.test(after));
}

/** Whether a `$$` block's source ends with its closing fence. */
export function isClosedMathBlock(raw: string): boolean {
  const lines = raw.split('\n');
  if (lines.length < 2) return false;
  const opening = /^\s*(\$+)/.exec(lines[0] ?? '')?.[1]?.length ?? 2;
  const closing = /^[ \t>]*(\$+)[ \t]*$/.exec(lines[lines.length - 1] ?? '')?.[1];
  return !!closing && closing.length >= opening;
}

function visit(node: MdNode, source: string): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as MdNode;
    if (child.type === 'inlineMath') {
      const raw = sourceOf(child, source);
      const end = child.position?.end.offset;
      if (raw !== null && !isInlineMath(raw, end === undefined ? undefined : source[end])) {
        children[i] = { type: 'text', value: raw, position: child.position };
      }
    } else if (child.type === 'math') {
      const raw = sourceOf(child, source);
      const value = child.meta ? `${child.meta}\n${child.value ?? ''}` : (child.value ?? '');
      const open = raw !== null && !isClosedMathBlock(raw);
      child.value = value;
      child.meta = null;
      child.data = displayData(value, open);
    } else if (
      child.type === 'paragraph' &&
      child.children?.length === 1 &&
      child.children[0]?.type === 'inlineMath' &&
      sourceOf(child.children[0], source)?.startsWith('$$')
    ) {
      const value = child.children[0].value ?? '';
      children[i] = {
        type: 'math',
        value,
        meta: null,
        position: child.position,
        data: displayData(value, false),
      };
    } else {
      visit(child, source);
    }
  }
}

/** The remark plugin (use after remark-math). */
export function remarkMathGuard() {
  return (tree: unknown, file: { value?: unknown }) => {
    visit(tree as MdNode, String(file.value ?? ''));
  };
}
