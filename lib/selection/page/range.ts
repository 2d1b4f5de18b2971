/**
 * Where the selection is: a text field's own selection (not in the document's), or the
 * document selection's ranges, each walked from the element that contains it.
 */
import { addHints, MONO } from './code';
import { baseCtx } from './enter';
import type { Run } from './run';
import { contextAt, walk, walkChildren } from './walk';

/** The focused element, looking through shadow roots to the one that holds focus. */
export const deepActiveElement = (doc: Document): Element | null => {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/** A field's selected slice, or null: never a password, nor a type without a text selection. */
export const fieldSelection = (
  field: HTMLTextAreaElement | HTMLInputElement,
): { start: number; end: number } | null => {
  const type = field.localName === 'input' ? (field as HTMLInputElement).type : 'textarea';
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = field.selectionStart;
    end = field.selectionEnd;
  } catch {
    // input types without a text selection (number, email) throw
  }
  if (type === 'password' || start === null || end === null || end <= start) return null;
  return { start, end };
};

/**
 * A selection inside a text field (GitHub's code view selects in a transparent textarea) is not
 * in the document's selection: read the field itself. Undefined when no field holds one; null
 * when it does but its container is hidden.
 */
export function readField(run: Run): { text: string; isCode: boolean } | null | undefined {
  const active = deepActiveElement(run.doc);
  if (!active || (active.localName !== 'textarea' && active.localName !== 'input')) return;
  const field = active as HTMLTextAreaElement | HTMLInputElement;
  const slice = fieldSelection(field);
  if (!slice) return;
  // The field's own styles do not count: GitHub's selection textarea is transparent on purpose.
  const ctx = field.parentElement ? contextAt(run, field.parentElement) : baseCtx(run);
  if (!ctx) return null;
  addHints(field, run.hints);
  const isCode = ctx.code || MONO.test(run.win.getComputedStyle(field).fontFamily);
  return { text: field.value.slice(slice.start, slice.end), isCode };
}

/** The nodes from a container up to the document: the side of the range that is partly selected. */
export const ancestry = (node: Node): Set<Node> => {
  const side = new Set<Node>();
  for (let n: Node | null = node; n; n = n.parentNode) side.add(n);
  return side;
};

/**
 * Walks every range of the document's selection into `run.out`; true when any range lies
 * inside code. False with nothing written when there is no selection.
 */
export function walkSelection(run: Run, selection: Selection): boolean {
  let rootInCode = false;
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    if (range.collapsed) continue;
    run.out.breakAtLeast(1);
    run.startSide = ancestry(range.startContainer);
    run.endSide = ancestry(range.endContainer);
    const root = range.commonAncestorContainer;
    const rootElement =
      root.nodeType === 1
        ? (root as Element)
        : (root.parentElement ?? (root.nodeType === 9 ? run.doc.documentElement : null));
    if (!rootElement) continue;
    const ctx = contextAt(run, rootElement);
    if (!ctx) continue;
    if (ctx.code) rootInCode = true;
    if (root.nodeType === 3) walk(run, root, ctx, range);
    else walkChildren(run, rootElement, ctx, range);
  }
  return rootInCode;
}
