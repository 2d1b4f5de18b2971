/**
 * Entering an element: from its computed style (and, with a layout engine, its box), the
 * context its content is walked in, or null when none of it can be seen or is wanted.
 */
import { alphaOf, backgroundOf, contrast, num, outlined, over, UNSEEN_CONTRAST } from './colour';
import { CODE_TAGS, isGutterElement, MONO } from './code';
import { boxReason, clipFor } from './geometry';
import { hidden, type Run } from './run';
import { areaScale, clipsAll, facesAway, filterOf, masksAll, zeroClip } from './shapes';
import { COLLAPSE, type Ctx } from './types';
import {
  BLOCK_TAGS,
  inkOf,
  kindOf,
  overflowAxes,
  SKIP,
  SVG,
  unselectableFrom,
  whiteSpaceMode,
} from './visibility';

/** The context at the root of the page: nothing inherited, the frame's canvas behind. */
export const baseCtx = (run: Run): Ctx => ({
  mode: COLLAPSE,
  code: false,
  unselectable: false,
  opacity: 1,
  reason: '',
  kind: 'block',
  bg: run.frame.canvas,
  ink: null,
  scale: 1,
  blur: 0,
  clip: null,
  whole: false,
  slotted: false,
});

/**
 * Transparent text, unless it shows another way: a gradient clipped to the text (on it or an
 * ancestor, as gradient headings do), an outline, a shadow.
 */
export const clearInk = (win: Window, el: Element, cs: CSSStyleDeclaration): boolean => {
  const fill = cs.getPropertyValue('-webkit-text-fill-color') || cs.color;
  if (!fill || alphaOf(fill) >= 0.1) return false;
  if (num(cs.getPropertyValue('-webkit-text-stroke-width'), 0) > 0) return false;
  if (cs.textShadow !== '' && cs.textShadow !== 'none') return false;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const style = e === el ? cs : win.getComputedStyle(e);
    const clip = `${style.getPropertyValue('background-clip')} ${style.getPropertyValue('-webkit-background-clip')}`;
    if (/\btext\b/.test(clip)) return false;
  }
  return true;
};

/** The context for an element's content, or null when nothing in it is visible or wanted. */
export function enter(run: Run, el: Element, parent: Ctx): Ctx | null {
  const { win, frame } = run;
  const tag = el.localName;
  if (SKIP.test(tag)) return null;
  const cs = win.getComputedStyle(el);
  const display = cs.display;
  if (display === 'none') return hidden(run, el, 'not-displayed');
  // Catches what computed style alone does not: a closed <details>, hidden=until-found.
  if (display !== 'contents' && typeof el.checkVisibility === 'function' && !el.checkVisibility())
    return hidden(run, el, 'not-displayed');
  // hidden="until-found" and friends: the element shows, its content does not.
  if (cs.getPropertyValue('content-visibility') === 'hidden') {
    if (kindOf(tag, display) !== 'inline') run.out.breakAtLeast(1);
    return hidden(run, el, 'not-displayed');
  }
  const filter = filterOf(cs.filter);
  const opacity = parent.opacity * num(cs.opacity, 1) * filter.opacity;
  if (opacity < 0.1) return hidden(run, el, 'transparent');
  if (masksAll(cs.getPropertyValue('mask-image') || cs.getPropertyValue('-webkit-mask-image')))
    return hidden(run, el, 'transparent');
  // (A DOM without a style engine computes no display: go by the tag.)
  const inline = display === 'inline' || (display === '' && !BLOCK_TAGS.test(tag));
  const svg = el.namespaceURI === SVG;
  // The old "text-indent: -9999px" way to hide a block's text (inline boxes ignore it).
  if (!inline && num(cs.textIndent, 0) < -500) return hidden(run, el, 'off-screen');
  const position = cs.position;
  const positioned = position === 'absolute' || position === 'fixed';
  if (positioned && zeroClip(cs.clip)) return hidden(run, el, 'clipped');
  if (clipsAll(cs.clipPath)) return hidden(run, el, 'clipped');
  // Transforms do not apply to inline boxes; SVG scales its own way (the layout check sees it).
  const area = inline || svg ? 1 : areaScale(cs.transform, cs.getPropertyValue('scale'));
  if (area < 1e-6) return hidden(run, el, 'collapsed');
  // Turned away from the reader with its back face hidden.
  if (!inline && cs.getPropertyValue('backface-visibility') === 'hidden' && facesAway(cs.transform))
    return hidden(run, el, 'invisible');
  let clip = positioned ? null : parent.clip; // a positioned box may escape its ancestors' clip
  if (!frame.layout && position !== 'static' && position !== '') {
    // Without layout, only the offsets tell: thousands of pixels off is not a nudge.
    if (num(cs.left, 0) <= -5000 || num(cs.top, 0) <= -5000) return hidden(run, el, 'off-screen');
  }
  // Inline boxes are skipped: width, height and overflow do not apply to them, and their text
  // is only as small as its font (checked below).
  if (frame.layout && !inline && display !== 'contents') {
    const box = run.geo.box(el);
    const [overflowX, overflowY] = overflowAxes(cs.overflowX, cs.overflowY, cs.overflow);
    const clipped = overflowX !== 'visible' || overflowY !== 'visible';
    const reason = boxReason(box, clipped, position, frame);
    if (reason) return hidden(run, el, reason);
    // Overflow that cannot be scrolled (hidden, clip, paint containment) cuts off what is
    // outside; inside a scroller (an app's scrolling pane) everything can be scrolled to.
    const paint = /paint|strict|content/.test(cs.getPropertyValue('contain'));
    clip = clipFor(box, overflowX, overflowY, paint, clip);
  }
  if (isGutterElement(el)) return null;

  const select = cs.getPropertyValue('user-select') || cs.getPropertyValue('-webkit-user-select');
  const space = cs.getPropertyValue('white-space-collapse') || cs.whiteSpace;
  const code = parent.code || CODE_TAGS.test(tag) || MONO.test(cs.fontFamily);

  // What this element's own text looks like against what is behind it.
  const scale = parent.scale * Math.sqrt(area);
  const blur = parent.blur + filter.blur;
  const blend = cs.getPropertyValue('mix-blend-mode');
  // A colour filter or a blend mode changes what the reader sees in ways not followed here.
  const bg =
    filter.other || (blend !== '' && blend !== 'normal') ? null : backgroundOf(cs, parent.bg);
  const fontPx = num(cs.fontSize, 16);
  const ink = inkOf(
    svg,
    svg ? cs.getPropertyValue('fill') : '',
    svg ? cs.getPropertyValue('fill-opacity') : '',
    cs.getPropertyValue('-webkit-text-fill-color'),
    cs.color,
  );
  let reason: Ctx['reason'] = '';
  // Style reads dominate the cost of a big selection: the rarer checks only run when needed.
  if (cs.visibility === 'hidden' || cs.visibility === 'collapse') reason = 'invisible';
  else if (!svg && fontPx * scale < 4) reason = 'tiny';
  else if (clearInk(win, el, cs) || (svg && ink && ink[3] < 0.1)) reason = 'transparent';
  else if (
    bg &&
    ink &&
    ink[3] >= 0.1 &&
    contrast(over(ink, bg), bg) < UNSEEN_CONTRAST &&
    !outlined(cs, bg)
  )
    reason = 'same-colour';
  else if (num(cs.letterSpacing, 0) <= -0.4 * fontPx) reason = 'collapsed';
  else if (blur >= 0.3 * fontPx * scale) reason = 'blurred';
  return {
    mode: whiteSpaceMode(space, tag, parent.mode),
    code,
    unselectable: unselectableFrom(select, parent.unselectable),
    opacity,
    reason,
    kind: kindOf(tag, display),
    bg,
    ink,
    scale,
    blur,
    clip,
    whole: parent.whole,
    slotted: parent.slotted,
  };
}
