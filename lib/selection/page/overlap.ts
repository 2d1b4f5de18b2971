/**
 * What is painted over or under a text, sampled with `elementsFromPoint` within a budget: an
 * opaque box on top hides it; something other than its ancestors' background below may show it.
 */
import { contrast, num, over, parseColor, UNSEEN_CONTRAST } from './colour';
import { flatParent } from './flat-tree';
import { inView, MAX_MEASURED, MAX_PROBES, rectsReason, sampleRects } from './geometry';
import type { Run } from './run';
import type { BoxLike, Ctx, HiddenReason } from './types';

/** The elements painted above `target` (topmost first) and below it, at one point. */
export const stackAt = (
  run: Run,
  target: Element,
  x: number,
  y: number,
): { above: readonly Element[]; below: readonly Element[] } | null => {
  run.budget.probes++;
  const stack = run.geo.elementsAt(target.getRootNode() as Document | ShadowRoot, x, y);
  const i = stack.findIndex((e) => e === target || e.contains(target));
  return i < 0 ? null : { above: stack.slice(0, i), below: stack.slice(i + 1) };
};

/** Paints an opaque box that stays where it is: a fixed or sticky bar scrolls off the text. */
export const opaqueCover = (win: Window, el: Element): boolean => {
  const bg = parseColor(win.getComputedStyle(el).backgroundColor);
  if (!bg || bg[3] < 0.9) return false;
  let opacity = 1;
  let depth = 0;
  for (let e: Element | null = el; e && depth < 40; e = flatParent(e), depth++) {
    const cs = win.getComputedStyle(e);
    if (cs.position === 'fixed' || cs.position === 'sticky') return false;
    opacity *= num(cs.opacity, 1);
    if (opacity < 0.9) return false;
  }
  return true;
};

/** Text whose three sample points all lie under an opaque element. */
export const covered = (run: Run, target: Element, r: BoxLike): boolean => {
  for (const f of [0.2, 0.5, 0.8]) {
    if (run.budget.probes >= MAX_PROBES) return false;
    const at = stackAt(run, target, r.left + r.width * f, r.top + r.height / 2);
    if (!at || !at.above.some((e) => opaqueCover(run.win, e))) return false;
  }
  return true;
};

/**
 * Text the same colour as its ancestors' background may sit over something else (a sibling
 * image in a hero banner, a grid cell stacked on another): look at what is painted below it.
 */
export const backdropShows = (
  run: Run,
  text: Text,
  start: number,
  end: number,
  ctx: Ctx,
): boolean => {
  const target = text.parentElement;
  if (!run.frame.layout || !target || run.budget.probes >= MAX_PROBES) return false;
  const r = sampleRects(run.geo, text, start, end).rects.find((b) => b.width >= 1 && b.height >= 1);
  if (!r || !inView(r, run.frame)) return false;
  const at = stackAt(run, target, r.left + r.width / 2, r.top + r.height / 2);
  for (const e of at?.below ?? []) {
    const cs = run.win.getComputedStyle(e);
    const replaced = /^(img|video|canvas|svg|picture|iframe|object|embed)$/.test(e.localName);
    const image = cs.backgroundImage !== '' && cs.backgroundImage !== 'none';
    const colour = parseColor(cs.backgroundColor);
    if (!replaced && !image && colour && colour[3] < 0.01) continue; // paints nothing here
    if (e.contains(target)) return false; // the ancestors' background after all
    if (replaced || image || !colour || colour[3] < 0.99 || !ctx.ink) return true; // unknown
    return contrast(over(ctx.ink, colour), colour) >= UNSEEN_CONTRAST;
  }
  return false;
};

/** Why a text that its styles let through is still not seen where it is painted, or ''. */
export const paintedReason = (
  run: Run,
  text: Text,
  start: number,
  end: number,
  ctx: Ctx,
): HiddenReason | '' => {
  if (!run.frame.layout || run.budget.measured >= MAX_MEASURED) return '';
  run.budget.measured++;
  const { rects, letters } = sampleRects(run.geo, text, start, end);
  const reason = rectsReason(rects, letters, ctx.clip, run.frame);
  if (reason) return reason;
  const target = text.parentElement;
  const painted = rects.filter((b) => b.width >= 1 && b.height >= 1);
  const first = painted.find((b) => inView(b, run.frame));
  if (target && first && run.budget.probes < MAX_PROBES && covered(run, target, first))
    return 'covered';
  return '';
};
