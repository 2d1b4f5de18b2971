/**
 * Reads the selection in one frame of a page, keeping the newlines and indentation that the
 * context menu's `selectionText` collapses, and leaving out what a reader cannot see.
 *
 * `captureSelection` is handed to `scripting.executeScript({ func })`, which sends its source text,
 * not its closure: everything it uses is defined inside its body, and it returns plain data.
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

/**
 * Captures the current frame's selection, or null when it has no non-empty visible selection.
 * Runs in the page: self-contained on purpose (see the file comment), hence one long body
 * (~900 lines; its pure helpers are nested functions). `geometry` is for unit tests only.
 */
/* eslint-disable no-restricted-globals -- this function runs in the page, not in the extension */
export function captureSelection(geometry?: Geometry): CapturedSelection | null {
  // White-space handling, as CSS `white-space` decides it for each element.
  const PRESERVE = 2;
  const LINES = 1;
  const COLLAPSE = 0;
  /** A colour as [r, g, b, alpha], channels 0–255, alpha 0–1. */
  type Rgba = [number, number, number, number];
  interface Ctx {
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

  const win = window;
  const doc = document;
  let hiddenTextFound = false;
  let hiddenCount = 0;
  let inHiddenRun = false;
  const reasons: HiddenReason[] = [];
  let rootInCode = false;
  const hints: string[] = [];

  /** One removal: a run of hidden text not broken by visible text is one passage. */
  const noteHidden = (reason: HiddenReason): void => {
    hiddenTextFound = true;
    if (!reasons.includes(reason)) reasons.push(reason);
    if (!inHiddenRun) hiddenCount++;
    inHiddenRun = true;
  };

  // The text is laid out the way Chrome's innerText lays it out, in parts: what precedes the next
  // piece (line breaks, a tab between cells, a space) is decided only when that piece arrives,
  // so nothing leads or trails, and the end of a huge string is never read back.
  const parts: string[] = [];
  let chars = 0;
  let codeChars = 0;
  let trailingNewlines = 0;
  let pendingBreaks = 0;
  let pendingSpace = false;
  let pendingTab = false;

  const push = (s: string, code: boolean): void => {
    parts.push(s);
    chars += s.length;
    if (code) codeChars += s.length;
    let i = s.length - 1;
    while (i >= 0 && s.charCodeAt(i) === 10) i--;
    trailingNewlines = i < 0 ? trailingNewlines + s.length : s.length - 1 - i;
  };
  const flush = (code: boolean): void => {
    if (chars > 0) {
      if (pendingBreaks > trailingNewlines)
        push('\n'.repeat(pendingBreaks - trailingNewlines), false);
      else if (pendingBreaks === 0 && pendingTab) push('\t', false);
      else if (pendingBreaks === 0 && pendingSpace && trailingNewlines === 0) push(' ', code);
    }
    pendingBreaks = 0;
    pendingTab = false;
    pendingSpace = false;
  };
  const breakAtLeast = (n: number): void => {
    pendingBreaks = Math.max(pendingBreaks, n);
    pendingSpace = false;
  };
  const emitText = (raw: string, ctx: Ctx): void => {
    if (ctx.mode === PRESERVE) {
      if (!raw) return;
      flush(ctx.code);
      push(raw, ctx.code);
      if (/\S/.test(raw)) inHiddenRun = false;
      return;
    }
    let s =
      ctx.mode === LINES
        ? raw.replace(/[ \t\f\r]+/g, ' ').replace(/ ?\n ?/g, '\n')
        : raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (!s) return;
    const lead = s.charCodeAt(0) === 32;
    const trail = s.length > 1 && s.charCodeAt(s.length - 1) === 32;
    if (lead) {
      s = s.slice(1);
      pendingSpace = true;
    }
    if (trail) s = s.slice(0, -1);
    if (s) {
      flush(false);
      push(s, false);
      if (/\S/.test(s)) inHiddenRun = false;
    }
    if (trail) pendingSpace = true;
  };

  // --- colours ---------------------------------------------------------------------------------
  const num = (value: string, fallback: number): number => {
    const n = parseFloat(value);
    return Number.isNaN(n) ? fallback : n;
  };
  /** A number or a percentage (`50%` → 0.5). */
  const ratio = (value: string, fallback: number): number =>
    value.trim().endsWith('%') ? num(value, fallback * 100) / 100 : num(value, fallback);
  const alphaOf = (color: string): number => {
    const c = color.trim();
    if (c === 'transparent') return 0;
    const m = /^[a-z-]+\((.*)\)$/i.exec(c);
    if (!m?.[1]) return 1;
    const body = m[1];
    const slash = body.indexOf('/');
    const commas = body.split(',');
    const a = slash >= 0 ? body.slice(slash + 1) : commas.length === 4 ? commas[3] : undefined;
    if (a === undefined) return 1;
    const n = parseFloat(a);
    if (Number.isNaN(n)) return 1;
    return a.trim().endsWith('%') ? n / 100 : n;
  };
  /**
   * rgb()/rgba() (what Chromium computes for every legacy colour), hex and a few names (what
   * happy-dom passes through); null for what cannot be read (oklch(), color-mix()…).
   */
  const colourCache = new Map<string, Rgba | null>();
  const parseColor = (value: string): Rgba | null => {
    let known = colourCache.get(value);
    if (known === undefined) {
      known = readColour(value);
      colourCache.set(value, known);
    }
    return known;
  };
  function readColour(value: string): Rgba | null {
    const c = value.trim().toLowerCase();
    if (c === 'transparent') return [0, 0, 0, 0];
    if (c === 'white') return [255, 255, 255, 1];
    if (c === 'black') return [0, 0, 0, 1];
    const hex = /^#([0-9a-f]{3,8})$/.exec(c)?.[1];
    if (hex) {
      const h = hex.length <= 4 ? [...hex].map((d) => d + d).join('') : hex;
      if (h.length !== 6 && h.length !== 8) return null;
      const at = (i: number): number => parseInt(h.slice(i, i + 2), 16);
      return [at(0), at(2), at(4), h.length === 8 ? at(6) / 255 : 1];
    }
    const body = /^rgba?\(([^)]*)\)$/.exec(c)?.[1];
    if (!body) return null;
    const [r = '', g = '', b = '', a = '1'] = body.split(/[\s,/]+/).filter(Boolean);
    const rgba: Rgba = [ratio(r, NaN) * (r.endsWith('%') ? 255 : 1), 0, 0, ratio(a, NaN)];
    rgba[1] = ratio(g, NaN) * (g.endsWith('%') ? 255 : 1);
    rgba[2] = ratio(b, NaN) * (b.endsWith('%') ? 255 : 1);
    return rgba.some(Number.isNaN) ? null : rgba;
  }
  /** `top` painted over an opaque `under`. */
  const over = (top: Rgba, under: Rgba): Rgba => {
    const a = top[3];
    return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (under[i] ?? 0) * (1 - a)).concat(1) as Rgba;
  };
  /** WCAG contrast ratio of two opaque colours: 1 (identical) to 21 (black on white). */
  const contrast = (x: Rgba, y: Rgba): number => {
    const lum = (c: Rgba): number => {
      const lin = (v: number): number => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
    };
    const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  };
  /** Below this contrast a reader sees no text: #fefefe on white is 1.01, light grey #ccc 1.6. */
  const UNSEEN_CONTRAST = 1.1;
  /** What is behind an element's content: its own background over what is behind it. */
  const backgroundOf = (cs: CSSStyleDeclaration, behind: Rgba | null): Rgba | null => {
    const image = cs.backgroundImage;
    const raw = cs.backgroundColor;
    if (image && image !== 'none') {
      // A gradient from one opaque colour to (nearly) the same is that colour; other images
      // cannot be judged.
      if (/url\(|image\(|element\(|cross-fade/i.test(image)) return null;
      const stops = coloursIn(image.replace(/[a-z-]*gradient\(/gi, ' ').replace(/\)\s*$/, ''));
      const first = stops[0];
      if (!first || first[3] < 0.99) return null;
      const flat = stops.every((c) => c !== null && c[3] >= 0.99 && contrast(c, first) < 1.05);
      return flat ? first : null;
    }
    if (!raw) return behind; // no style engine value: transparent
    const own = parseColor(raw);
    if (!own) return null;
    if (own[3] <= 0.01) return behind;
    if (own[3] >= 0.99) return own;
    return behind ? over(own, behind) : null;
  };
  /** The colours in a text-shadow or mask value; null stands for one that cannot be read. */
  const coloursIn = (value: string): (Rgba | null)[] => {
    const fns = value.match(/[a-z-]+\([^)]*\)/gi) ?? [];
    const words = value
      .replace(/[a-z-]+\([^)]*\)/gi, ' ')
      .split(/[\s,]+/)
      .filter((w) => /^(#|[a-z])/i.test(w) && w !== 'inset');
    return [...fns.filter((f) => !/gradient\(/i.test(f)), ...words].map(parseColor);
  };
  /** An outline or shadow that shows against the background (one that matches it does not). */
  const outlined = (cs: CSSStyleDeclaration, bg: Rgba): boolean => {
    const shows = (c: Rgba | null): boolean =>
      !c || (c[3] >= 0.3 && contrast(over(c, bg), bg) >= 1.5);
    const shadow = cs.textShadow;
    if (shadow && shadow !== 'none' && coloursIn(shadow).some(shows)) return true;
    if (num(cs.getPropertyValue('-webkit-text-stroke-width'), 0) <= 0) return false;
    return shows(parseColor(cs.getPropertyValue('-webkit-text-stroke-color') || cs.color));
  };

  // --- shapes ----------------------------------------------------------------------------------
  /** How much a transform scales area (its 2D determinant); 0 paints nothing. */
  const areaScale = (transform: string, scaleProp: string): number => {
    let det = 1;
    if (transform && transform !== 'none') {
      for (const m of transform.matchAll(/(\w+)\(([^)]*)\)/g)) {
        const v = (m[2] ?? '').split(',').map((x) => ratio(x, NaN));
        const [a = 1, b = 0, c = 0, d = 1] = v;
        if (m[1] === 'matrix') det *= a * d - b * c;
        else if (m[1] === 'matrix3d') det *= a * (v[5] ?? 1) - b * (v[4] ?? 0);
        else if (m[1] === 'scale') det *= a * (v[1] ?? a);
        else if (m[1] === 'scale3d') det *= a * b;
        else if (m[1] === 'scaleX' || m[1] === 'scaleY') det *= a;
      }
    }
    if (scaleProp && scaleProp !== 'none') {
      const [x = 1, y = x] = scaleProp
        .trim()
        .split(/\s+/)
        .map((v) => ratio(v, 1));
      det *= x * y;
    }
    return Number.isNaN(det) ? 1 : Math.abs(det);
  };
  /** A 3D transform that turns the front face away (rotateY(180deg) computes to matrix3d(-1,…,-1,…)). */
  const facesAway = (transform: string): boolean => {
    let z = 1;
    for (const m of transform.matchAll(/(\w+)\(([^)]*)\)/g)) {
      const v = (m[2] ?? '').split(',').map((x) => parseFloat(x));
      if (m[1] === 'matrix3d') z *= v[10] ?? 1;
      else if (m[1] === 'rotateX' || m[1] === 'rotateY') {
        const unit = /turn/.test(m[2] ?? '')
          ? 2 * Math.PI
          : /rad/.test(m[2] ?? '')
            ? 1
            : Math.PI / 180;
        z *= Math.cos((v[0] ?? 0) * unit);
      }
    }
    return z < -1e-6;
  };
  /** `clip: rect(…)` with no area left (the older "visually hidden" recipe). */
  const zeroClip = (clip: string): boolean => {
    const m = /^rect\((.*)\)$/.exec(clip);
    const sides = (m?.[1] ?? '').split(/[\s,]+/).map((v) => parseFloat(v));
    const [top = NaN, right = NaN, bottom = NaN, left = NaN] = sides;
    return right - left <= 0 || bottom - top <= 0;
  };
  /** A clip-path shape that encloses no area (only shapes whose numbers can be read are judged). */
  const clipsAll = (clipPath: string): boolean => {
    // A path that only moves the pen draws nothing.
    if (/^path\(/.test(clipPath.trim())) return !/[LHVCSQTAZ]/i.test(clipPath.slice(5));
    const m = /^(polygon|circle|ellipse|inset)\((.*)\)$/.exec(clipPath.trim());
    if (!m) return false;
    const lengths = (s: string): number[] =>
      s
        .trim()
        .split(/\s+/)
        .map((v) => (/^-?[\d.]+(px|%)?$/.test(v) ? parseFloat(v) : NaN));
    const args = m[2] ?? '';
    if (m[1] === 'polygon') {
      const points = args
        .replace(/^\s*(nonzero|evenodd)\s*,/, '')
        .split(',')
        .map(lengths);
      if (points.some((p) => p.length !== 2 || p.some(Number.isNaN))) return false;
      let area = 0;
      points.forEach(([x1 = 0, y1 = 0], i) => {
        const [x2 = 0, y2 = 0] = points[(i + 1) % points.length] ?? [];
        area += x1 * y2 - x2 * y1;
      });
      return Math.abs(area) < 1e-9;
    }
    if (m[1] !== 'inset') return lengths(args.split(/\bat\b/)[0] ?? '').some((r) => r === 0);
    // inset() in percentages: nothing left once opposite insets meet.
    const sides = args.split(/\bround\b/)[0] ?? '';
    const [t = NaN, r = t, b = t, l = r] = lengths(sides);
    if (!/^[\s\d.%]+$/.test(sides)) return false;
    return t + b >= 100 || l + r >= 100;
  };
  /** A mask made only of fully transparent colours lets nothing through. */
  const masksAll = (mask: string): boolean => {
    if (!mask || mask === 'none' || /url\(|image\(|element\(|cross-fade/i.test(mask)) return false;
    const colours = coloursIn(mask.replace(/[a-z-]*gradient\(/gi, ' ').replace(/\)\s*$/, ''));
    return colours.length > 0 && colours.every((c) => c !== null && c[3] === 0);
  };
  /** The opacity and blur a `filter` applies; `other` when it changes colours we cannot follow. */
  const filterOf = (filter: string): { opacity: number; blur: number; other: boolean } => {
    const out = { opacity: 1, blur: 0, other: false };
    if (!filter || filter === 'none') return out;
    for (const m of filter.matchAll(/([a-z-]+)\(([^)]*)\)/gi)) {
      if (m[1] === 'opacity') out.opacity *= ratio(m[2] ?? '', 1);
      else if (m[1] === 'blur') out.blur += num(m[2] ?? '', 0);
      else out.other = true;
    }
    return out;
  };

  // --- the frame -------------------------------------------------------------------------------
  // A frame with no viewport (a 0×0 or display:none iframe) shows nothing: a selection there
  // was made by a script, not by the reader.
  if (win.innerWidth === 0 || win.innerHeight === 0) return null;
  // Read once: nothing scrolls while the capture runs, and each read asks the layout.
  const { innerWidth, innerHeight, scrollX, scrollY } = win;
  const isTop = win === win.top; // `top` itself is readable across origins
  const rootStyle = win.getComputedStyle(doc.documentElement);
  // The page's canvas is white unless the page opts into dark; an iframe's is transparent.
  const canvas: Rgba | null =
    isTop && !/dark/.test(rootStyle.getPropertyValue('color-scheme')) ? [255, 255, 255, 1] : null;

  // A DOM without a layout engine reports zero-size boxes everywhere: skip the geometry checks.
  let unpierce: (() => void) | null = null;
  /**
   * Hit testing skips `pointer-events: none`, which is just how an overlay lets the reader
   * select the text beneath it: for the duration of the capture, every element is hit-testable.
   * Nothing is painted meanwhile (this runs synchronously), and the sheet is gone at the end.
   */
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
  const geo: Geometry = geometry ?? {
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
  const rootBox = geo.box(doc.documentElement);
  const layout = geometry !== undefined || rootBox.width > 0 || rootBox.height > 0;
  const rtl = rootStyle.direction === 'rtl';
  // With overflow-x hidden on the viewport, nothing right of it can be scrolled to.
  const bodyStyle = doc.body ? win.getComputedStyle(doc.body) : rootStyle;
  const viewportOverflowX =
    rootStyle.overflowX === 'visible' ? bodyStyle.overflowX : rootStyle.overflowX;
  const noScrollX = viewportOverflowX === 'hidden' || viewportOverflowX === 'clip';

  const GUTTER =
    /(?:^|\s)(?:blob-num|js-line-number|react-line-number|hljs-ln-numbers|hljs-ln-n|linenos|linenodiv|rouge-gutter|line-numbers-rows|cm-gutters?|cm-lineNumbers|CodeMirror-gutters?|CodeMirror-linenumbers?|margin-view-overlays)(?:\s|$)/;
  // Generic names also used for layout (`.gutter` in grid systems, Prism's `pre.line-numbers`):
  // only a gutter when all they hold is numbers.
  const MAYBE_GUTTER =
    /(?:^|\s)(?:line-?numbers?|lineno|linenumber|gutter|ln-num|line-num)(?:\s|$)/i;
  const isGutter = (el: Element): boolean => {
    const cls = el.getAttribute('class') ?? '';
    if (GUTTER.test(cls)) return true;
    const maybe =
      MAYBE_GUTTER.test(cls) ||
      el.hasAttribute('data-line-number') ||
      el.getAttribute('aria-hidden') === 'true';
    return maybe && /^[\s\d]*$/.test(el.textContent ?? '');
  };
  const hasText = (el: Element): boolean => (el.textContent ?? '').trim() !== '';
  const hidden = (el: Element, reason: HiddenReason): null => {
    if (hasText(el)) noteHidden(reason);
    return null;
  };
  const SKIP =
    /^(script|style|noscript|template|title|desc|head|meta|link|iframe|frame|object|embed|canvas|video|audio|img|picture|source|track|textarea|input|select|option|datalist)$/;
  const BLOCK_TAGS =
    /^(address|article|aside|blockquote|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|li|main|menu|nav|ol|pre|section|summary|table|tbody|thead|tfoot|ul|caption|center|listing|xmp|plaintext)$/;
  const MONO =
    /mono|courier|consolas|menlo|monaco|inconsolata|fira code|source code|jetbrains|cascadia|sfmono/i;
  const SVG = 'http://www.w3.org/2000/svg';

  // --- shadow trees, as rendered ---------------------------------------------------------------
  const extensionDom = (
    globalThis as {
      chrome?: { dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null } };
    }
  ).chrome?.dom;
  /** An element's shadow root; a closed one too where the extension may read it (web components). */
  const shadowOf = (el: Element): ShadowRoot | null => {
    if (el.shadowRoot) return el.shadowRoot;
    if (!el.localName.includes('-')) return null;
    try {
      const firefox = (el as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
      return extensionDom?.openOrClosedShadowRoot?.(el) ?? firefox ?? null;
    } catch {
      return null;
    }
  };
  /** The light-DOM children a shadow tree shows through its slots (the rest are not rendered). */
  const slottedIn = (root: ShadowRoot): Set<Node> => {
    const shown = new Set<Node>();
    for (const slot of root.querySelectorAll('slot'))
      for (const n of slot.assignedNodes()) shown.add(n);
    return shown;
  };
  /** The parent in the rendered (flat) tree: a slotted node's slot, a shadow root's host. */
  const flatParent = (el: Element): Element | null => {
    if (el.assignedSlot) return el.assignedSlot;
    const p = el.parentNode;
    if (p?.nodeType === 11) return (p as ShadowRoot).host;
    return p?.nodeType === 1 ? (p as Element) : null;
  };

  /**
   * Transparent text, unless it shows another way: a gradient clipped to the text (on it or an
   * ancestor, as gradient headings do), an outline, a shadow.
   */
  const clearInk = (el: Element, cs: CSSStyleDeclaration): boolean => {
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
  const kindOf = (el: Element, display: string): Ctx['kind'] => {
    const tag = el.localName;
    if (tag === 'br') return 'br';
    if (display === 'table-row') return 'row';
    if (display === 'table-cell') return 'cell';
    if (display === 'contents') return 'inline';
    if (display) {
      if (display.startsWith('inline') || display.startsWith('ruby') || display === 'math')
        return 'inline';
      return tag === 'p' ? 'para' : 'block';
    }
    // No computed display (a DOM without a style engine): go by the tag.
    if (tag === 'tr') return 'row';
    if (tag === 'td' || tag === 'th') return 'cell';
    if (tag === 'p') return 'para';
    if (tag === 'slot') return 'inline';
    return BLOCK_TAGS.test(tag) ? 'block' : 'inline';
  };
  const intersect = (a: BoxLike | null, b: BoxLike): BoxLike => {
    if (!a) return b;
    const left = Math.max(a.left, b.left);
    const top = Math.max(a.top, b.top);
    const right = Math.min(a.right, b.right);
    const bottom = Math.min(a.bottom, b.bottom);
    return { left, top, right, bottom, width: right - left, height: bottom - top };
  };

  /** The context for an element's content, or null when nothing in it is visible or wanted. */
  const enter = (el: Element, parent: Ctx): Ctx | null => {
    const tag = el.localName;
    if (SKIP.test(tag)) return null;
    const cs = win.getComputedStyle(el);
    const display = cs.display;
    if (display === 'none') return hidden(el, 'not-displayed');
    // Catches what computed style alone does not: a closed <details>, hidden=until-found.
    if (display !== 'contents' && typeof el.checkVisibility === 'function' && !el.checkVisibility())
      return hidden(el, 'not-displayed');
    // hidden="until-found" and friends: the element shows, its content does not.
    if (cs.getPropertyValue('content-visibility') === 'hidden') {
      if (kindOf(el, display) !== 'inline') breakAtLeast(1);
      return hidden(el, 'not-displayed');
    }
    const filter = filterOf(cs.filter);
    const opacity = parent.opacity * num(cs.opacity, 1) * filter.opacity;
    if (opacity < 0.1) return hidden(el, 'transparent');
    if (masksAll(cs.getPropertyValue('mask-image') || cs.getPropertyValue('-webkit-mask-image')))
      return hidden(el, 'transparent');
    // (A DOM without a style engine computes no display: go by the tag.)
    const inline = display === 'inline' || (display === '' && !BLOCK_TAGS.test(tag));
    const svg = el.namespaceURI === SVG;
    // The old "text-indent: -9999px" way to hide a block's text (inline boxes ignore it).
    if (!inline && num(cs.textIndent, 0) < -500) return hidden(el, 'off-screen');
    const position = cs.position;
    const positioned = position === 'absolute' || position === 'fixed';
    if (positioned && zeroClip(cs.clip)) return hidden(el, 'clipped');
    if (clipsAll(cs.clipPath)) return hidden(el, 'clipped');
    // Transforms do not apply to inline boxes; SVG scales its own way (the layout check sees it).
    const area = inline || svg ? 1 : areaScale(cs.transform, cs.getPropertyValue('scale'));
    if (area < 1e-6) return hidden(el, 'collapsed');
    // Turned away from the reader with its back face hidden.
    if (
      !inline &&
      cs.getPropertyValue('backface-visibility') === 'hidden' &&
      facesAway(cs.transform)
    )
      return hidden(el, 'invisible');
    let clip = positioned ? null : parent.clip; // a positioned box may escape its ancestors' clip
    if (!layout && position !== 'static' && position !== '') {
      // Without layout, only the offsets tell: thousands of pixels off is not a nudge.
      if (num(cs.left, 0) <= -5000 || num(cs.top, 0) <= -5000) return hidden(el, 'off-screen');
    }
    // Inline boxes are skipped: width, height and overflow do not apply to them, and their text
    // is only as small as its font (checked below).
    if (layout && !inline && display !== 'contents') {
      const box = geo.box(el);
      const [overflowX = 'visible', overflowY = overflowX] = (
        cs.overflowX ? `${cs.overflowX} ${cs.overflowY}` : cs.overflow || 'visible'
      ).split(' ');
      const clipped = overflowX !== 'visible' || overflowY !== 'visible';
      // Clipped to nothing, or the 1px "visually hidden" box.
      if (clipped && (box.width <= 1 || box.height <= 1)) return hidden(el, 'clipped');
      // Moved off the page's top or left edge, where no scrolling reaches.
      if (positioned && (box.right + scrollX <= 0 || box.bottom + scrollY <= 0))
        return hidden(el, 'off-screen');
      // A fixed box outside the viewport never scrolls into it.
      const outsideView =
        box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth || box.top >= innerHeight;
      if (position === 'fixed' && outsideView) return hidden(el, 'off-screen');
      // Overflow that cannot be scrolled (hidden, clip, paint containment) cuts off what is
      // outside; inside a scroller (an app's scrolling pane) everything can be scrolled to.
      if (/auto|scroll/.test(`${overflowX} ${overflowY}`)) clip = null;
      const paint = /paint|strict|content/.test(cs.getPropertyValue('contain'));
      const cutX = paint || /hidden|clip/.test(overflowX);
      const cutY = paint || /hidden|clip/.test(overflowY);
      if (cutX || cutY) {
        const far = 1e9;
        const left = cutX ? box.left : -far;
        const top = cutY ? box.top : -far;
        const right = cutX ? box.right : far;
        const bottom = cutY ? box.bottom : far;
        clip = intersect(clip, {
          left,
          top,
          right,
          bottom,
          width: right - left,
          height: bottom - top,
        });
      }
    }
    if (isGutter(el)) return null;

    const select = cs.getPropertyValue('user-select') || cs.getPropertyValue('-webkit-user-select');
    // What Chrome itself leaves out of a copy: prompts, copy buttons, line numbers.
    const unselectable =
      select === 'none'
        ? true
        : select === 'text' || select === 'all' || select === 'contain'
          ? false
          : parent.unselectable;
    const space = cs.getPropertyValue('white-space-collapse') || cs.whiteSpace;
    let mode = parent.mode;
    if (space === 'preserve' || space === 'break-spaces' || /^pre(-wrap)?$/.test(space))
      mode = PRESERVE;
    else if (space === 'preserve-breaks' || space === 'pre-line') mode = LINES;
    else if (space === 'collapse' || space === 'normal' || space === 'nowrap') mode = COLLAPSE;
    else if (/^(pre|listing|xmp|plaintext)$/.test(tag)) mode = PRESERVE;
    const code =
      parent.code || /^(pre|code|samp|kbd|xmp|listing)$/.test(tag) || MONO.test(cs.fontFamily);

    // What this element's own text looks like against what is behind it.
    const scale = parent.scale * Math.sqrt(area);
    const blur = parent.blur + filter.blur;
    const blend = cs.getPropertyValue('mix-blend-mode');
    // A colour filter or a blend mode changes what the reader sees in ways not followed here.
    const bg =
      filter.other || (blend !== '' && blend !== 'normal') ? null : backgroundOf(cs, parent.bg);
    const fontPx = num(cs.fontSize, 16);
    // SVG text is painted with its fill (and fill-opacity), not its colour.
    const fill = svg ? cs.getPropertyValue('fill') : '';
    const paint: Rgba | null =
      fill === 'none'
        ? [0, 0, 0, 0]
        : parseColor(fill || cs.getPropertyValue('-webkit-text-fill-color') || cs.color);
    const fillOpacity = svg ? ratio(cs.getPropertyValue('fill-opacity') || '1', 1) : 1;
    const ink: Rgba | null = paint && [paint[0], paint[1], paint[2], paint[3] * fillOpacity];
    let reason: Ctx['reason'] = '';
    // Style reads dominate the cost of a big selection: the rarer checks only run when needed.
    if (cs.visibility === 'hidden' || cs.visibility === 'collapse') reason = 'invisible';
    else if (!svg && fontPx * scale < 4) reason = 'tiny';
    else if (clearInk(el, cs) || (svg && ink && ink[3] < 0.1)) reason = 'transparent';
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
      mode,
      code,
      unselectable,
      opacity,
      reason,
      kind: kindOf(el, display),
      bg,
      ink,
      scale,
      blur,
      clip,
      whole: parent.whole,
      slotted: parent.slotted,
    };
  };

  // --- what is painted where (layout only) -----------------------------------------------------
  // Bounded work for a huge selection: boxes for the first text nodes, hit tests for fewer.
  const MAX_MEASURED = 20_000;
  const MAX_PROBES = 120;
  let measured = 0;
  let probes = 0;
  /** The painted boxes of the first characters of a text's selected part (a long node's every line would cost a layout walk). */
  const sampleRects = (
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
  const inView = (r: BoxLike): boolean =>
    r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  /** The elements painted above `target` (topmost first) and below it, at one point. */
  const stackAt = (
    target: Element,
    x: number,
    y: number,
  ): { above: readonly Element[]; below: readonly Element[] } | null => {
    probes++;
    const stack = geo.elementsAt(target.getRootNode() as Document | ShadowRoot, x, y);
    const i = stack.findIndex((e) => e === target || e.contains(target));
    return i < 0 ? null : { above: stack.slice(0, i), below: stack.slice(i + 1) };
  };
  /** Paints an opaque box that stays where it is: a fixed or sticky bar scrolls off the text. */
  const opaqueCover = (el: Element): boolean => {
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
  const covered = (target: Element, r: BoxLike): boolean => {
    for (const f of [0.2, 0.5, 0.8]) {
      if (probes >= MAX_PROBES) return false;
      const at = stackAt(target, r.left + r.width * f, r.top + r.height / 2);
      if (!at || !at.above.some(opaqueCover)) return false;
    }
    return true;
  };
  /**
   * Text the same colour as its ancestors' background may sit over something else (a sibling
   * image in a hero banner, a grid cell stacked on another): look at what is painted below it.
   */
  const backdropShows = (text: Text, start: number, end: number, ctx: Ctx): boolean => {
    const target = text.parentElement;
    if (!layout || !target || probes >= MAX_PROBES) return false;
    const r = sampleRects(text, start, end).rects.find((b) => b.width >= 1 && b.height >= 1);
    if (!r || !inView(r)) return false;
    const at = stackAt(target, r.left + r.width / 2, r.top + r.height / 2);
    for (const e of at?.below ?? []) {
      const cs = win.getComputedStyle(e);
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
  const paintedReason = (text: Text, start: number, end: number, ctx: Ctx): HiddenReason | '' => {
    if (!layout || measured >= MAX_MEASURED) return '';
    measured++;
    const { rects, letters } = sampleRects(text, start, end);
    if (rects.length === 0) return 'not-displayed';
    const painted = rects.filter((b) => b.width >= 1 && b.height >= 1);
    if (painted.length === 0) return 'collapsed';
    const off = (b: BoxLike): boolean =>
      b.bottom + scrollY <= 0 ||
      (rtl ? b.left + scrollX >= innerWidth : b.right + scrollX <= 0) ||
      (noScrollX && b.left >= innerWidth);
    if (painted.every(off)) return 'off-screen';
    const clip = ctx.clip;
    const outside = (b: BoxLike): boolean =>
      !!clip &&
      (b.right <= clip.left ||
        b.left >= clip.right ||
        b.bottom <= clip.top ||
        b.top >= clip.bottom);
    if (painted.every(outside)) return 'clipped';
    // Along the line and across it, whichever way the text runs (vertical or rotated text).
    const across = Math.max(...painted.map((b) => Math.min(b.width, b.height)));
    if (across < 4) return 'tiny';
    const along = painted.reduce((sum, b) => sum + Math.max(b.width, b.height), 0);
    // Letters are at least ~0.2 of the line's height wide ("iiii"); far less is glyphs piled up.
    if (letters >= 3 && along < letters * across * 0.12) return 'collapsed';
    const target = text.parentElement;
    const first = painted.find(inView);
    if (target && first && probes < MAX_PROBES && covered(target, first)) return 'covered';
    return '';
  };

  // --- language named by the page --------------------------------------------------------------
  const HINT_ATTRS = [
    'data-lang',
    'data-language',
    'data-code-language',
    'data-tagsearch-lang',
    'data-highlight-language',
  ];
  const addHints = (el: Element): void => {
    if (hints.length >= 12) return;
    for (const name of HINT_ATTRS) {
      const value = el.getAttribute(name);
      if (value) hints.push(value);
    }
    // GitLab puts it in `lang`; elsewhere `lang` is a human language.
    if (/^(pre|code)$/.test(el.localName) && el.getAttribute('lang'))
      hints.push(el.getAttribute('lang') ?? '');
    const tokens = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    // highlight.js (older themes) and Pandoc name the language as a bare class beside their own.
    const companion = tokens.some((t) => t === 'hljs' || t === 'sourceCode');
    tokens.forEach((token, i) => {
      const prefixed =
        /^(?:language|lang|highlight-source|highlight-text|highlight|sourcecode)-(.+)$/i.exec(
          token,
        );
      if (prefixed?.[1]) hints.push(prefixed[1]);
      else if (/^brush:$/i.test(token) && tokens[i + 1]) hints.push(tokens[i + 1] ?? '');
      else if (/^brush:./i.test(token)) hints.push(token.slice(6));
      else if (companion && !/^(hljs|sourceCode)/.test(token)) hints.push(token);
    });
  };

  const base = (): Ctx => ({
    mode: COLLAPSE,
    code: false,
    unselectable: false,
    opacity: 1,
    reason: '',
    kind: 'block',
    bg: canvas,
    ink: null,
    scale: 1,
    blur: 0,
    clip: null,
    whole: false,
    slotted: false,
  });
  /** The context at `el`, folded down the rendered tree from the root; null when hidden. */
  const contextAt = (el: Element): Ctx | null => {
    const chain: Element[] = [];
    for (let e: Element | null = el; e && chain.length < 1000; e = flatParent(e)) chain.unshift(e);
    let ctx: Ctx | null = base();
    for (const e of chain) {
      // A host's light-DOM child that no slot shows is not rendered at all.
      const host = e.parentElement;
      const root = host ? shadowOf(host) : null;
      if (root && !slottedIn(root).has(e)) return null;
      ctx = enter(e, ctx);
      if (!ctx) return null;
    }
    for (let e: Element | null = el; e && e !== doc.body && e !== doc.documentElement;) {
      addHints(e);
      e = e.parentElement;
    }
    return ctx;
  };

  /** The range's start (and end) container and its ancestors: only these are partly selected. */
  let startSide = new Set<Node>();
  let endSide = new Set<Node>();
  const inRange = (node: Node, ctx: Ctx, range: Range): boolean =>
    ctx.whole || range.intersectsNode(node);

  const walk = (node: Node, ctx: Ctx, range: Range): void => {
    if (node.nodeType === 3) {
      if (!inRange(node, ctx, range)) return;
      const data = (node as Text).data;
      const end = node === range.endContainer ? range.endOffset : data.length;
      const start = node === range.startContainer ? range.startOffset : 0;
      const value = data.slice(start, end);
      if (!value || ctx.unselectable) return;
      // Invisible whitespace still separates words ("Home About", not "HomeAbout").
      if (/\S/.test(value)) {
        let reason = ctx.reason;
        if (reason === 'same-colour' && backdropShows(node as Text, start, end, ctx)) reason = '';
        if (!reason) reason = paintedReason(node as Text, start, end, ctx);
        if (reason) {
          noteHidden(reason);
          return;
        }
      }
      emitText(value, ctx);
      return;
    }
    if (node.nodeType !== 1 || !inRange(node, ctx, range)) return;
    const el = node as Element;
    const inner = enter(el, ctx);
    if (!inner) return;
    if (!ctx.whole && !startSide.has(el) && !endSide.has(el)) inner.whole = true;
    addHints(el);
    if (inner.kind === 'br') {
      if (inner.unselectable) return;
      pendingSpace = false;
      flush(inner.code);
      if (chars > 0) push('\n', false);
      return;
    }
    if (inner.kind === 'inline') {
      walkChildren(el, inner, range);
      return;
    }
    breakAtLeast(inner.kind === 'para' ? 2 : inner.kind === 'cell' ? 0 : 1);
    walkChildren(el, inner, range);
    if (inner.kind === 'cell') pendingSpace = false;
    else breakAtLeast(inner.kind === 'para' ? 2 : 1);
  };
  /**
   * An element's rendered content: a shadow host's shadow tree (its slots showing what is
   * assigned to them), else its children. A table row's cells are tab-separated, counting only
   * cells with text.
   */
  function walkChildren(el: Element, ctx: Ctx, range: Range): void {
    if (el.localName === 'details' && !el.hasAttribute('open')) {
      // A closed <details> shows its summary only.
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 1 && (c as Element).localName === 'summary') walk(c, ctx, range);
        else if (inRange(c, ctx, range) && (c.textContent ?? '').trim())
          noteHidden('not-displayed');
      }
      return;
    }
    let first: Node | null = el.firstChild;
    let assigned: readonly Node[] | null = null;
    let inner = ctx;
    const root = shadowOf(el);
    if (root) {
      const shown = slottedIn(root);
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (!shown.has(c) && inRange(c, ctx, range) && (c.textContent ?? '').trim())
          noteHidden('not-displayed');
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
    const each = (visit: (c: Node, cctx: Ctx) => void): void => {
      if (assigned) for (const c of assigned) visit(c, inner);
      else if (inner.whole) for (let c = first; c; c = c.nextSibling) visit(c, inner);
      else {
        // An element the range starts or ends in: its children in order are before the start,
        // inside (wholly selected: no range test, which costs a walk over earlier siblings) or
        // after the end; only a child holding an end is tested.
        const all = { ...inner, whole: true };
        let started = !startSide.has(el);
        let i = 0;
        for (let c = first; c; c = c.nextSibling, i++) {
          if (el === range.startContainer && i === range.startOffset) started = true;
          if (el === range.endContainer && i === range.endOffset) break;
          if (startSide.has(c) || endSide.has(c)) {
            visit(c, inner);
            if (startSide.has(c)) started = true;
            if (endSide.has(c)) break;
          } else if (started) visit(c, all);
        }
      }
    };
    if (ctx.kind !== 'row') {
      each((c, cctx) => walk(c, cctx, range));
      return;
    }
    const start = chars;
    let cellWritten = false;
    each((c, cctx) => {
      const before = chars;
      if (cellWritten && c.nodeType === 1) pendingTab = true;
      walk(c, cctx, range);
      if (chars > before) cellWritten = true;
    });
    pendingTab = false;
    // A row with nothing in it is still a line: an empty line of code in a table view.
    if (chars === start && chars > 0) pendingBreaks = Math.max(pendingBreaks, trailingNewlines) + 1;
  }

  // --- the selection ---------------------------------------------------------------------------
  const finish = (text: string, isCode: boolean): CapturedSelection | null => {
    const trimmed = text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
    if (!trimmed.trim()) return null;
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
    const unique = hints.map((h) => h.trim()).filter((h, i, all) => h && all.indexOf(h) === i);
    const result: CapturedSelection = {
      text: trimmed,
      url: location.href,
      title: doc.title,
      isCode,
      hiddenTextFound,
      hasFocus: doc.hasFocus(),
      frameDepth,
    };
    if (unique.length > 0) result.languageHint = unique.join(' ');
    if (hiddenCount > 0) result.hidden = { count: hiddenCount, reasons };
    if (crossOrigin) result.crossOrigin = true;
    const activation = (navigator as { userActivation?: UserActivation }).userActivation;
    if (activation) {
      result.userActivation = {
        hasBeenActive: activation.hasBeenActive,
        isActive: activation.isActive,
      };
    }
    return result;
  };

  const read = (): CapturedSelection | null => {
    // A selection inside a text field (GitHub's code view selects in a transparent textarea) is
    // not in the document's selection: read the field itself. Never a password field.
    let active: Element | null = doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active && (active.localName === 'textarea' || active.localName === 'input')) {
      const field = active as HTMLTextAreaElement | HTMLInputElement;
      const type = field.localName === 'input' ? (field as HTMLInputElement).type : 'textarea';
      let start: number | null = null;
      let end: number | null = null;
      try {
        start = field.selectionStart;
        end = field.selectionEnd;
      } catch {
        // input types without a text selection (number, email) throw
      }
      if (type !== 'password' && start !== null && end !== null && end > start) {
        // The field's own styles do not count: GitHub's selection textarea is transparent on purpose.
        const ctx = field.parentElement ? contextAt(field.parentElement) : base();
        if (!ctx) return null;
        addHints(field);
        const isCode = ctx.code || MONO.test(win.getComputedStyle(field).fontFamily);
        return finish(field.value.slice(start, end), isCode);
      }
    }

    const selection = win.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    for (let i = 0; i < selection.rangeCount; i++) {
      const range = selection.getRangeAt(i);
      if (range.collapsed) continue;
      breakAtLeast(1);
      startSide = new Set();
      endSide = new Set();
      for (let n: Node | null = range.startContainer; n; n = n.parentNode) startSide.add(n);
      for (let n: Node | null = range.endContainer; n; n = n.parentNode) endSide.add(n);
      const root = range.commonAncestorContainer;
      const rootElement =
        root.nodeType === 1
          ? (root as Element)
          : (root.parentElement ?? (root.nodeType === 9 ? doc.documentElement : null));
      if (!rootElement) continue;
      const ctx = contextAt(rootElement);
      if (!ctx) continue;
      if (ctx.code) rootInCode = true;
      if (root.nodeType === 3) walk(root, ctx, range);
      else walkChildren(rootElement, ctx, range);
    }
    // Code when selected inside code, or when most of it is laid-out code (a pre in an article);
    // inline `code` words in a sentence do not make the sentence code.
    return finish(parts.join(''), rootInCode || (chars > 0 && codeChars * 2 >= chars));
  };
  try {
    return read();
  } finally {
    (unpierce as (() => void) | null)?.();
  }
}
/* eslint-enable no-restricted-globals */
