/**
 * The walk over the selected part of the rendered tree: text nodes written out or tallied as
 * hidden, elements entered, shadow trees walked as their slots show them, table rows tab-separated.
 */
import { addHints } from './code';
import { baseCtx, enter } from './enter';
import { flatParent, shadowOf, slottedIn, unslotted } from './flat-tree';
import { backdropShows, paintedReason } from './overlap';
import type { Run } from './run';
import type { Ctx } from './types';

/** The context at `el`, folded down the rendered tree from the root; null when hidden. */
export function contextAt(run: Run, el: Element): Ctx | null {
  const chain: Element[] = [];
  for (let e: Element | null = el; e && chain.length < 1000; e = flatParent(e)) chain.unshift(e);
  let ctx: Ctx | null = baseCtx(run);
  for (const e of chain) {
    // A host's light-DOM child that no slot shows is not rendered at all.
    if (unslotted(e)) return null;
    ctx = enter(run, e, ctx);
    if (!ctx) return null;
  }
  const { doc } = run;
  for (let e: Element | null = el; e && e !== doc.body && e !== doc.documentElement;) {
    addHints(e, run.hints);
    e = e.parentElement;
  }
  return ctx;
}

/** Inside the selection: wholly (no range test needed) or as the range says. */
const inRange = (node: Node, ctx: Ctx, range: Range): boolean =>
  ctx.whole || range.intersectsNode(node);

/** Writes a selected text node's visible part, or notes why it is hidden. */
function walkText(run: Run, node: Text, ctx: Ctx, range: Range): void {
  if (!inRange(node, ctx, range)) return;
  const data = node.data;
  const end = node === range.endContainer ? range.endOffset : data.length;
  const start = node === range.startContainer ? range.startOffset : 0;
  const value = data.slice(start, end);
  if (!value || ctx.unselectable) return;
  // Invisible whitespace still separates words ("Home About", not "HomeAbout").
  if (/\S/.test(value)) {
    let reason = ctx.reason;
    if (reason === 'same-colour' && backdropShows(run, node, start, end, ctx)) reason = '';
    if (!reason) reason = paintedReason(run, node, start, end, ctx);
    if (reason) {
      run.tally.note(reason);
      return;
    }
  }
  run.out.emitText(value, ctx);
}

/** Walks one selected node: text written out, an element entered and its content walked. */
export function walk(run: Run, node: Node, ctx: Ctx, range: Range): void {
  if (node.nodeType === 3) {
    walkText(run, node as Text, ctx, range);
    return;
  }
  if (node.nodeType !== 1 || !inRange(node, ctx, range)) return;
  const el = node as Element;
  const inner = enter(run, el, ctx);
  if (!inner) return;
  if (!ctx.whole && !run.startSide.has(el) && !run.endSide.has(el)) inner.whole = true;
  addHints(el, run.hints);
  const { out } = run;
  if (inner.kind === 'br') {
    if (inner.unselectable) return;
    out.pendingSpace = false;
    out.flush(inner.code);
    if (out.chars > 0) out.push('\n', false);
    return;
  }
  if (inner.kind === 'inline') {
    walkChildren(run, el, inner, range);
    return;
  }
  out.breakAtLeast(inner.kind === 'para' ? 2 : inner.kind === 'cell' ? 0 : 1);
  walkChildren(run, el, inner, range);
  if (inner.kind === 'cell') out.pendingSpace = false;
  else out.breakAtLeast(inner.kind === 'para' ? 2 : 1);
}

type Visit = (c: Node, cctx: Ctx) => void;

/**
 * An element's rendered children, each with the context it is walked in: a shadow host's shadow
 * tree (light-DOM children no slot shows are tallied as hidden), a slot's assigned nodes, else
 * its children, only those between the range's ends.
 */
function eachChild(run: Run, el: Element, ctx: Ctx, range: Range, visit: Visit): void {
  let first: Node | null = el.firstChild;
  let assigned: readonly Node[] | null = null;
  let inner = ctx;
  const root = shadowOf(el);
  if (root) {
    const shown = slottedIn(root);
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (!shown.has(c) && inRange(c, ctx, range) && (c.textContent ?? '').trim())
        run.tally.note('not-displayed');
    }
    first = root.firstChild;
    inner = { ...ctx, whole: true, slotted: ctx.whole };
  } else if (el.localName === 'slot') {
    const nodes = (el as HTMLSlotElement).assignedNodes();
    // An empty slot (or one outside a shadow tree) shows its own children.
    if (nodes.length > 0) {
      assigned = nodes;
      inner = { ...ctx, whole: ctx.slotted };
    }
  }
  if (assigned) for (const c of assigned) visit(c, inner);
  else if (inner.whole) for (let c = first; c; c = c.nextSibling) visit(c, inner);
  else {
    // An element the range starts or ends in: its children in order are before the start,
    // inside (wholly selected: no range test, which costs a walk over earlier siblings) or
    // after the end; only a child holding an end is tested.
    const all = { ...inner, whole: true };
    let started = !run.startSide.has(el);
    let i = 0;
    for (let c = first; c; c = c.nextSibling, i++) {
      if (el === range.startContainer && i === range.startOffset) started = true;
      if (el === range.endContainer && i === range.endOffset) break;
      if (run.startSide.has(c) || run.endSide.has(c)) {
        visit(c, inner);
        if (run.startSide.has(c)) started = true;
        if (run.endSide.has(c)) break;
      } else if (started) visit(c, all);
    }
  }
}

/**
 * An element's rendered content: a closed <details> shows its summary only; a table row's cells
 * are tab-separated, counting only cells with text.
 */
export function walkChildren(run: Run, el: Element, ctx: Ctx, range: Range): void {
  if (el.localName === 'details' && !el.hasAttribute('open')) {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && (c as Element).localName === 'summary') walk(run, c, ctx, range);
      else if (inRange(c, ctx, range) && (c.textContent ?? '').trim())
        run.tally.note('not-displayed');
    }
    return;
  }
  if (ctx.kind !== 'row') {
    eachChild(run, el, ctx, range, (c, cctx) => walk(run, c, cctx, range));
    return;
  }
  const { out } = run;
  const start = out.chars;
  let cellWritten = false;
  eachChild(run, el, ctx, range, (c, cctx) => {
    const before = out.chars;
    if (cellWritten && c.nodeType === 1) out.pendingTab = true;
    walk(run, c, cctx, range);
    if (out.chars > before) cellWritten = true;
  });
  out.pendingTab = false;
  // A row with nothing in it is still a line: an empty line of code in a table view.
  if (out.chars === start && out.chars > 0)
    out.pendingBreaks = Math.max(out.pendingBreaks, out.trailingNewlines) + 1;
}
