/**
 * Boxes: the page's own geometry (or a test's), and the decisions made from boxes alone, as
 * pure functions of plain rectangles and the frame's viewport.
 */
import type { BoxLike, FrameLayout, Geometry, HiddenReason } from './types';

/** Boxes measured for at most this many text nodes: a long selection's every line costs a layout walk. */
export const MAX_MEASURED = 20_000;
/** Hit tests (`elementsFromPoint`) per capture, at most. */
export const MAX_PROBES = 120;

/**
 * The page's geometry. Hit testing skips `pointer-events: none`, which is just how an overlay
 * lets the reader select the text beneath it: for the duration of the capture, every element is
 * hit-testable. Nothing is painted meanwhile (the capture is synchronous); `release` removes the sheet.
 */
export function pageGeometry(doc: Document): { geo: Geometry; release: () => void } {
  let unpierce: (() => void) | null = null;
  const pierce = (): void => {
    if (unpierce) return;
    unpierce = () => undefined;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('* { pointer-events: auto !important; }');
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      unpierce = () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      // no constructable sheets here: elements with pointer-events: none stay unseen
    }
  };
  const geo: Geometry = {
    box: (el) => el.getBoundingClientRect(),
    textRects: (text, start, end) => {
      const r = doc.createRange();
      r.setStart(text, start);
      r.setEnd(text, end);
      return Array.from(r.getClientRects());
    },
    elementsAt: (root, x, y) => {
      pierce();
      return (root as Document).elementsFromPoint(x, y);
    },
  };
  return { geo, release: () => (unpierce as (() => void) | null)?.() };
}

/** The overlap of two boxes; `a` null means "no clip yet", so the result is `b`. */
export const intersect = (a: BoxLike | null, b: BoxLike): BoxLike => {
  if (!a) return b;
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  return { left, top, right, bottom, width: right - left, height: bottom - top };
};

/** A box that shows at least partly in the viewport. */
export const inView = (r: BoxLike, frame: FrameLayout): boolean =>
  r.right > 0 && r.bottom > 0 && r.left < frame.innerWidth && r.top < frame.innerHeight;

/**
 * Where an element's overflow (or paint containment) cuts off its content: the new clip, from
 * the one its ancestors set. Inside a scroller everything can be scrolled to, so it clears.
 */
export const clipFor = (
  box: BoxLike,
  overflowX: string,
  overflowY: string,
  paintContained: boolean,
  parentClip: BoxLike | null,
): BoxLike | null => {
  let clip = /auto|scroll/.test(`${overflowX} ${overflowY}`) ? null : parentClip;
  const cutX = paintContained || /hidden|clip/.test(overflowX);
  const cutY = paintContained || /hidden|clip/.test(overflowY);
  if (cutX || cutY) {
    const far = 1e9;
    const left = cutX ? box.left : -far;
    const top = cutY ? box.top : -far;
    const right = cutX ? box.right : far;
    const bottom = cutY ? box.bottom : far;
    clip = intersect(clip, { left, top, right, bottom, width: right - left, height: bottom - top });
  }
  return clip;
};

/**
 * Why an element's box hides its content, or '': clipped to nothing, moved off the page's top or
 * left edge where no scrolling reaches, or fixed outside the viewport.
 */
export const boxReason = (
  box: BoxLike,
  clipped: boolean,
  position: string,
  frame: FrameLayout,
): HiddenReason | '' => {
  // Clipped to nothing, or the 1px "visually hidden" box.
  if (clipped && (box.width <= 1 || box.height <= 1)) return 'clipped';
  const positioned = position === 'absolute' || position === 'fixed';
  if (positioned && (box.right + frame.scrollX <= 0 || box.bottom + frame.scrollY <= 0))
    return 'off-screen';
  // A fixed box outside the viewport never scrolls into it.
  if (position === 'fixed' && !inView(box, frame)) return 'off-screen';
  return '';
};

/** The painted boxes of the first characters of a text's selected part, and how many letters they hold. */
export const sampleRects = (
  geo: Geometry,
  text: Text,
  start: number,
  end: number,
): { rects: readonly BoxLike[]; letters: number } => {
  let s = start;
  while (s < end && /\s/.test(text.data.charAt(s))) s++;
  const e = Math.min(end, s + 64);
  const letters = (text.data.slice(s, e).match(/[\p{L}\p{N}]/gu) ?? []).length;
  return { rects: geo.textRects(text, s, e), letters };
};

/**
 * Why a text's sampled boxes are not seen, or '' when they may be: no boxes, all zero-size, all
 * off the page or outside the clip, too thin, or glyphs piled up. Pure: the boxes are given.
 */
export const rectsReason = (
  rects: readonly BoxLike[],
  letters: number,
  clip: BoxLike | null,
  frame: FrameLayout,
): HiddenReason | '' => {
  if (rects.length === 0) return 'not-displayed';
  const painted = rects.filter((b) => b.width >= 1 && b.height >= 1);
  if (painted.length === 0) return 'collapsed';
  const { scrollX, scrollY, innerWidth, rtl, noScrollX } = frame;
  const off = (b: BoxLike): boolean =>
    b.bottom + scrollY <= 0 ||
    (rtl ? b.left + scrollX >= innerWidth : b.right + scrollX <= 0) ||
    (noScrollX && b.left >= innerWidth);
  if (painted.every(off)) return 'off-screen';
  const outside = (b: BoxLike): boolean =>
    !!clip &&
    (b.right <= clip.left || b.left >= clip.right || b.bottom <= clip.top || b.top >= clip.bottom);
  if (painted.every(outside)) return 'clipped';
  // Along the line and across it, whichever way the text runs (vertical or rotated text).
  const across = Math.max(...painted.map((b) => Math.min(b.width, b.height)));
  if (across < 4) return 'tiny';
  const along = painted.reduce((sum, b) => sum + Math.max(b.width, b.height), 0);
  // Letters are at least ~0.2 of the line's height wide ("iiii"); far less is glyphs piled up.
  if (letters >= 3 && along < letters * across * 0.12) return 'collapsed';
  return '';
};
