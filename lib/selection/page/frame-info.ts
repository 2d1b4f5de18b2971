/**
 * The frame itself: its viewport and canvas (read once, before the walk) and what the
 * background needs to pick the frame the user selected in (focus, depth, origin, activation).
 */
import type { FrameLayout, Geometry, Rgba } from './types';

/** The page's canvas is white unless the page opts into dark; an iframe's is transparent. */
export const canvasColour = (isTop: boolean, colorScheme: string): Rgba | null =>
  isTop && !/dark/.test(colorScheme) ? [255, 255, 255, 1] : null;

/** With overflow-x hidden on the viewport (the root's, else the body's), nothing right of it scrolls into view. */
export const viewportClipsX = (rootOverflowX: string, bodyOverflowX: string): boolean => {
  const x = rootOverflowX === 'visible' ? bodyOverflowX : rootOverflowX;
  return x === 'hidden' || x === 'clip';
};

/**
 * A frame with no viewport (a 0×0 or display:none iframe) shows nothing: a selection there was
 * made by a script, not by the reader.
 */
export const hasViewport = (win: Pick<Window, 'innerWidth' | 'innerHeight'>): boolean =>
  win.innerWidth !== 0 && win.innerHeight !== 0;

/**
 * Reads the viewport, canvas and direction once (each read asks the layout). `measured` is true
 * when a test passed its own geometry; otherwise zero-size boxes everywhere mean no layout engine.
 */
export function readFrameLayout(win: Window, geo: Geometry, measured: boolean): FrameLayout {
  const doc = win.document;
  const { innerWidth, innerHeight, scrollX, scrollY } = win;
  const isTop = win === win.top; // `top` itself is readable across origins
  const rootStyle = win.getComputedStyle(doc.documentElement);
  const canvas = canvasColour(isTop, rootStyle.getPropertyValue('color-scheme'));
  const rootBox = geo.box(doc.documentElement);
  const layout = measured || rootBox.width > 0 || rootBox.height > 0;
  const rtl = rootStyle.direction === 'rtl';
  const bodyStyle = doc.body ? win.getComputedStyle(doc.body) : rootStyle;
  const noScrollX = viewportClipsX(rootStyle.overflowX, bodyStyle.overflowX);
  return { innerWidth, innerHeight, scrollX, scrollY, canvas, layout, rtl, noScrollX };
}

/** What tells this frame apart from the others that hold a selection (see to-attachment's rank). */
export interface FrameInfo {
  hasFocus: boolean;
  frameDepth: number;
  crossOrigin: boolean;
  userActivation?: { hasBeenActive: boolean; isActive: boolean };
}

/** Focus, nesting depth, origin and user activation of this frame. */
export function readFrameInfo(win: Window): FrameInfo {
  let frameDepth = 0;
  try {
    for (let w: Window = win; w !== w.parent && frameDepth < 50; w = w.parent) frameDepth++;
  } catch {
    // parent is readable across origins; if a browser says otherwise, depth stays a guess
  }
  let crossOrigin = false;
  try {
    // Reading the top page's address throws unless it is same-origin with this frame.
    void win.top?.location.href;
  } catch {
    crossOrigin = true;
  }
  const info: FrameInfo = { hasFocus: win.document.hasFocus(), frameDepth, crossOrigin };
  const activation = (win.navigator as { userActivation?: UserActivation }).userActivation;
  if (activation) {
    info.userActivation = {
      hasBeenActive: activation.hasBeenActive,
      isActive: activation.isActive,
    };
  }
  return info;
}
