/**
 * Reads the selection in one frame of a page, keeping newlines and indentation that the context
 * menu's `selectionText` collapses. Injected with `scripting.executeScript({ func })`, so it must
 * be self-contained: no imports, no outside helpers, plain data out.
 */

export interface CapturedSelection {
  text: string;
  /** A language named by the page's markup near the selection (class or data attribute). */
  languageHint?: string;
  url: string;
  title: string;
  /** Inside `pre`/`code`: formatting matters and the language is worth detecting. */
  isCode: boolean;
  /** Text that was selected but not visible to the reader was skipped. */
  hiddenTextFound: boolean;
}

/* eslint-disable no-restricted-globals -- this function runs in the page, not in the extension */
export function captureSelection(): CapturedSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  let hiddenTextFound = false;

  const BLOCK =
    /^(address|article|aside|blockquote|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|thead|tfoot|ul|tr)$/;
  const isGutter = (el: Element): boolean => {
    const cls = typeof el.className === 'string' ? el.className : '';
    if (el.hasAttribute('data-line-number')) return true;
    if (
      /(^|\s)(blob-num|js-line-number|react-line-number|line-numbers?|hljs-ln-numbers|linenos|lineno|gutter|ln-num)(\s|$)/.test(
        cls,
      )
    )
      return true;
    const style = window.getComputedStyle(el);
    return style.userSelect === 'none' && /^\s*\d*\s*$/.test(el.textContent ?? '');
  };
  const isHidden = (el: Element): boolean => {
    const style = window.getComputedStyle(el);
    if (
      style.display === 'none' ||
      style.visibility === 'hidden' ||
      style.visibility === 'collapse'
    )
      return true;
    if ((style.opacity !== '' && Number(style.opacity) === 0) || parseFloat(style.fontSize) === 0)
      return true;
    if (/rgba\(.*,\s*0\)$/.test(style.color) || style.color === 'transparent') return true;
    const rect = el.getBoundingClientRect();
    return (
      el.getClientRects().length > 0 &&
      rect.width === 0 &&
      rect.height === 0 &&
      (el.textContent ?? '').trim() !== ''
    );
  };

  let out = '';
  const walk = (node: Node, inPre: boolean): void => {
    if (!range.intersectsNode(node)) return;
    if (node.nodeType === Node.TEXT_NODE) {
      let value = node.nodeValue ?? '';
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : value.length;
      value = value.slice(start, end);
      out += inPre ? value : value.replace(/[ \t\n\r]+/g, ' ');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return;
    if (isGutter(el)) return;
    if (isHidden(el)) {
      if ((el.textContent ?? '').trim()) hiddenTextFound = true;
      return;
    }
    if (tag === 'br') {
      out += '\n';
      return;
    }
    const pre = inPre || tag === 'pre' || /^pre/.test(window.getComputedStyle(el).whiteSpace);
    const block = BLOCK.test(tag);
    if (block && out && !out.endsWith('\n')) out += '\n';
    const rowStart = out.length;
    // Cells of a row are tab-separated, counting only cells that produced text (not gutters).
    let cellsWritten = 0;
    for (const child of Array.from(el.childNodes)) {
      const isCell = tag === 'tr' && child.nodeType === Node.ELEMENT_NODE;
      const before = out.length;
      if (isCell && cellsWritten > 0) out += '\t';
      walk(child, pre);
      if (!isCell) continue;
      if (out.length > before + (cellsWritten > 0 ? 1 : 0)) cellsWritten++;
      else out = out.slice(0, before);
    }
    // An empty row of a code view is an empty line of code.
    if (tag === 'tr' && out.length === rowStart) out += '\n';
    if (block && !out.endsWith('\n')) out += '\n';
  };

  const root = range.commonAncestorContainer;
  const rootElement = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement;
  if (root.nodeType === Node.TEXT_NODE) {
    const inPre =
      Boolean(rootElement?.closest('pre, code, textarea')) ||
      /^pre/.test(rootElement ? window.getComputedStyle(rootElement).whiteSpace : '');
    walk(root, inPre);
  } else {
    const inPre = Boolean(rootElement?.closest('pre'));
    for (const child of Array.from(root.childNodes)) walk(child, inPre);
  }
  // Prose gets its layout whitespace tidied; code (inside pre/code) is kept byte for byte.
  const verbatim = Boolean(rootElement?.closest('pre, code, textarea, .highlight, .blob-wrapper'));
  const text = verbatim
    ? out.replace(/^\n+|\n+$/g, '')
    : out
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .replace(/^\n+|\s+$/g, '');
  if (!text.trim()) return null;

  const hintFrom = (el: Element | null): string | undefined => {
    for (let e = el; e; e = e.parentElement) {
      const data =
        e.getAttribute('data-lang') ??
        e.getAttribute('data-language') ??
        e.getAttribute('data-code-language');
      if (data) return data;
      const cls = typeof e.className === 'string' ? e.className : '';
      const match = /(?:^|\s)(?:language-|lang-|highlight-source-|brush:\s*)([\w+#-]+)/.exec(cls);
      if (match?.[1]) return match[1];
    }
    return undefined;
  };
  const inner =
    rootElement?.querySelector('[class*="language-"], [class*="lang-"], [data-lang]') ?? null;
  const languageHint = hintFrom(rootElement) ?? hintFrom(inner);
  const isCode = Boolean(
    rootElement?.closest('pre, code') ?? rootElement?.querySelector('pre, code'),
  );
  return {
    text,
    ...(languageHint ? { languageHint } : {}),
    url: location.href,
    title: document.title,
    isCode,
    hiddenTextFound,
  };
}
/* eslint-enable no-restricted-globals */
