/**
 * Reads the selection in one frame of a page, keeping the newlines and indentation that the
 * context menu's `selectionText` collapses, and leaving out what a reader cannot see.
 *
 * `captureSelection` is handed to `scripting.executeScript({ func })`, which sends its source text,
 * not its closure: everything it uses is defined inside its body, and it returns plain data.
 */

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
}

/**
 * Captures the current frame's selection, or null when it has no non-empty visible selection.
 * Runs in the page: self-contained on purpose (see the file comment), hence one long body.
 */
/* eslint-disable no-restricted-globals -- this function runs in the page, not in the extension */
export function captureSelection(): CapturedSelection | null {
  // White-space handling, as CSS `white-space` decides it for each element.
  const PRESERVE = 2;
  const LINES = 1;
  const COLLAPSE = 0;
  interface Ctx {
    mode: number;
    code: boolean;
    unselectable: boolean;
    opacity: number;
    /** This element's own text cannot be seen (its children may set their own styles). */
    invisible: boolean;
    kind: 'inline' | 'block' | 'para' | 'row' | 'cell' | 'br';
  }

  const win = window;
  const doc = document;
  let hiddenTextFound = false;
  let rootInCode = false;
  const hints: string[] = [];

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
    }
    if (trail) pendingSpace = true;
  };

  // --- what the page shows -------------------------------------------------------------------
  const num = (value: string, fallback: number): number => {
    const n = parseFloat(value);
    return Number.isNaN(n) ? fallback : n;
  };
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
  // A frame with no viewport (a 0×0 or display:none iframe) shows nothing: a selection there
  // was made by a script, not by the reader.
  if (win.innerWidth === 0 || win.innerHeight === 0) return null;
  // A DOM without a layout engine reports zero-size boxes everywhere: skip the geometry checks.
  const rootBox = doc.documentElement.getBoundingClientRect();
  const layout = rootBox.width > 0 || rootBox.height > 0;

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
  /** `clip: rect(…)` with no area left (the older "visually hidden" recipe). */
  const zeroClip = (clip: string): boolean => {
    const m = /^rect\((.*)\)$/.exec(clip);
    const sides = (m?.[1] ?? '').split(/[\s,]+/).map((v) => parseFloat(v));
    const [top = NaN, right = NaN, bottom = NaN, left = NaN] = sides;
    return right - left <= 0 || bottom - top <= 0;
  };
  const hasText = (el: Element): boolean => (el.textContent ?? '').trim() !== '';
  const hidden = (el: Element): null => {
    if (hasText(el)) hiddenTextFound = true;
    return null;
  };
  const SKIP =
    /^(script|style|noscript|template|title|desc|head|meta|link|iframe|frame|object|embed|canvas|video|audio|img|picture|source|track|textarea|input|select|option|datalist)$/;
  const BLOCK_TAGS =
    /^(address|article|aside|blockquote|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|li|main|menu|nav|ol|pre|section|summary|table|tbody|thead|tfoot|ul|caption|center|listing|xmp|plaintext)$/;
  const MONO =
    /mono|courier|consolas|menlo|monaco|inconsolata|fira code|source code|jetbrains|cascadia|sfmono/i;

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
    return BLOCK_TAGS.test(tag) ? 'block' : 'inline';
  };

  /** The context for an element's content, or null when nothing in it is visible or wanted. */
  const enter = (el: Element, parent: Ctx): Ctx | null => {
    const tag = el.localName;
    if (SKIP.test(tag)) return null;
    const cs = win.getComputedStyle(el);
    const display = cs.display;
    if (display === 'none') return hidden(el);
    // Catches what computed style alone does not: a closed <details>, hidden=until-found.
    if (display !== 'contents' && typeof el.checkVisibility === 'function' && !el.checkVisibility())
      return hidden(el);
    // hidden="until-found" and friends: the element shows, its content does not.
    if (cs.getPropertyValue('content-visibility') === 'hidden') {
      if (kindOf(el, display) !== 'inline') breakAtLeast(1);
      return hidden(el);
    }
    const opacity = parent.opacity * num(cs.opacity, 1);
    if (opacity < 0.1) return hidden(el);
    const inline = display === 'inline';
    // The old "text-indent: -9999px" way to hide a block's text (inline boxes ignore it).
    if (!inline && num(cs.textIndent, 0) < -500) return hidden(el);
    const position = cs.position;
    const positioned = position === 'absolute' || position === 'fixed';
    if (positioned && (zeroClip(cs.clip) || /^inset\(\s*50%/.test(cs.clipPath))) return hidden(el);
    // Inline boxes are skipped: width, height and overflow do not apply to them, and their text
    // is only as small as its font (checked below).
    if (layout && !inline && display !== 'contents') {
      const box = el.getBoundingClientRect();
      const clipped = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
      // Clipped to nothing, or the 1px "visually hidden" box.
      if (clipped && (box.width <= 1 || box.height <= 1)) return hidden(el);
      // Moved off the page's top or left edge, where no scrolling reaches.
      if (positioned && (box.right + win.scrollX <= 0 || box.bottom + win.scrollY <= 0))
        return hidden(el);
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
    // Style reads dominate the cost of a big selection: the rarer checks only run when needed.
    const invisible =
      cs.visibility === 'hidden' ||
      cs.visibility === 'collapse' ||
      num(cs.fontSize, 16) < 2 ||
      clearInk(el, cs);
    return { mode, code, unselectable, opacity, invisible, kind: kindOf(el, display) };
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
    invisible: false,
    kind: 'block',
  });
  /** The context at `el`, folded down from the root; null when an ancestor hides it. */
  const contextAt = (el: Element): Ctx | null => {
    const chain: Element[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) chain.unshift(e);
    let ctx: Ctx | null = base();
    for (const e of chain) {
      ctx = enter(e, ctx);
      if (!ctx) return null;
    }
    for (let e: Element | null = el; e && e !== doc.body && e !== doc.documentElement;) {
      addHints(e);
      e = e.parentElement;
    }
    return ctx;
  };

  const walk = (node: Node, ctx: Ctx, range: Range): void => {
    if (node.nodeType === 3) {
      if (!range.intersectsNode(node)) return;
      let value = (node as Text).data;
      if (node === range.endContainer) value = value.slice(0, range.endOffset);
      if (node === range.startContainer) value = value.slice(range.startOffset);
      if (!value || ctx.unselectable) return;
      // Invisible whitespace still separates words ("Home About", not "HomeAbout").
      if (ctx.invisible && value.trim()) {
        hiddenTextFound = true;
        return;
      }
      emitText(value, ctx);
      return;
    }
    if (node.nodeType !== 1 || !range.intersectsNode(node)) return;
    const el = node as Element;
    const inner = enter(el, ctx);
    if (!inner) return;
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
  /** An element's content; a table row's cells are tab-separated, counting only cells with text. */
  function walkChildren(el: Element, ctx: Ctx, range: Range): void {
    if (el.localName === 'details' && !el.hasAttribute('open')) {
      // A closed <details> shows its summary only.
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 1 && (c as Element).localName === 'summary') walk(c, ctx, range);
        else if (range.intersectsNode(c) && (c.textContent ?? '').trim()) hiddenTextFound = true;
      }
      return;
    }
    if (ctx.kind !== 'row') {
      for (let c = el.firstChild; c; c = c.nextSibling) walk(c, ctx, range);
      return;
    }
    const start = chars;
    let cellWritten = false;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      const before = chars;
      if (cellWritten && c.nodeType === 1) pendingTab = true;
      walk(c, ctx, range);
      if (chars > before) cellWritten = true;
    }
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
    return result;
  };

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
}
/* eslint-enable no-restricted-globals */
