/**
 * The shapes the page-side capture passes around. It runs in the page (bundled into the
 * `capture-selection` unlisted script), so it imports nothing from the extension's other layers.
 */

/**
 * Why a passage was left out (the chip names each: see `HIDDEN_REASON_LABELS` in to-attachment).
 * not-displayed: display:none, a closed <details>, light DOM a shadow tree does not slot…
 */
export type HiddenReason =
  | 'not-displayed'
  | 'invisible'
  | 'transparent'
  | 'same-colour'
  | 'tiny'
  | 'collapsed'
  | 'clipped'
  | 'off-screen'
  | 'covered'
  | 'blurred';

/** A box in viewport pixels, as `getBoundingClientRect` gives it. */
export interface BoxLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/**
 * Where the page is painted. The capture measures the page itself; a unit test (happy-dom has no
 * layout) passes plain boxes instead, so the decisions that depend on layout can be tested.
 */
export interface Geometry {
  box(el: Element): BoxLike;
  /** The boxes of `text.data.slice(start, end)`, one per line fragment. */
  textRects(text: Text, start: number, end: number): readonly BoxLike[];
  /** What is painted at a viewport point, topmost first (`elementsFromPoint`). */
  elementsAt(root: Document | ShadowRoot, x: number, y: number): readonly Element[];
}

/** What one frame reports about its selection (structured-clone safe). */
export interface CapturedSelection {
  /** The selected text laid out as the reader sees it; not yet normalised (see normalize.ts). */
  text: string;
  /**
   * Languages the page's markup names near the selection (class or data attribute), closest
   * first, space-separated and raw (`"language-go hljs"`): `languageFromHint` picks the first known.
   */
  languageHint?: string;
  url: string;
  title: string;
  /** Mostly inside code (pre/code/samp or a monospace font): formatting matters, guess a language. */
  isCode: boolean;
  /** Selected text that a reader could not see (display:none, zero size, transparent…) was skipped. */
  hiddenTextFound: boolean;
  /** This frame's document has focus: where the user most likely selected (see to-attachment). */
  hasFocus?: boolean;
  /** 0 for the top frame, 1 for its iframes…: the deepest focused frame is the one in use. */
  frameDepth?: number;
  /** What was left out, when anything was: passages (runs of hidden text) and why. */
  hidden?: { count: number; reasons: HiddenReason[] };
  /** Set when this frame is not same-origin with the top frame (an embed, an ad). */
  crossOrigin?: true;
  /**
   * This frame's `navigator.userActivation`: only real input sets it (a script's focus() or
   * selection cannot), so a frame never activated did not get its selection from the user.
   */
  userActivation?: { hasBeenActive: boolean; isActive: boolean };
  /** The frame's id, filled in by the background from `executeScript`'s result. */
  frameId?: number;
}

/** A colour as [r, g, b, alpha], channels 0–255, alpha 0–1. */
export type Rgba = [number, number, number, number];

/** White-space handling, as CSS `white-space` decides it for each element. */
export const PRESERVE = 2;
/** `pre-line`: newlines kept, other runs of white space collapsed. */
export const LINES = 1;
/** `normal`: every run of white space is one space. */
export const COLLAPSE = 0;

/** What an element passes down to its content while the walk descends. */
export interface Ctx {
  mode: number;
  code: boolean;
  unselectable: boolean;
  opacity: number;
  /** Why this element's own text cannot be seen, or '' (its children may set their own styles). */
  reason: HiddenReason | '';
  kind: 'inline' | 'block' | 'para' | 'row' | 'cell' | 'br';
  /** What is painted behind this element, from its ancestors; null when it cannot be told. */
  bg: Rgba | null;
  /** The text colour, kept for a second look at what lies behind (see `backdropShows`). */
  ink: Rgba | null;
  /** How much ancestors' transforms scale this element. */
  scale: number;
  /** Blur radius from this element's and its ancestors' filters, in px. */
  blur: number;
  /** Where ancestors with overflow: hidden let anything show, in viewport px; null: nowhere clips. */
  clip: BoxLike | null;
  /**
   * Everything under here is selected: an element the range's ends are not in, or a selected
   * host's shadow tree (a range cannot reach into one). Spares a range test per node.
   */
  whole: boolean;
  /** The `whole` value for nodes assigned to this shadow tree's slots (the host's own). */
  slotted: boolean;
}

/** The frame's viewport and canvas, read once: nothing scrolls while the capture runs. */
export interface FrameLayout {
  innerWidth: number;
  innerHeight: number;
  scrollX: number;
  scrollY: number;
  /** The page's canvas colour: white in a light top frame; null (transparent) in an iframe. */
  canvas: Rgba | null;
  /** A layout engine measured the page (false in a DOM that reports zero-size boxes). */
  layout: boolean;
  rtl: boolean;
  /** The viewport's overflow-x is hidden: nothing right of it can be scrolled to. */
  noScrollX: boolean;
}

/** Bounded work for a huge selection: boxes for the first text nodes, hit tests for fewer. */
export interface Budget {
  measured: number;
  probes: number;
}
