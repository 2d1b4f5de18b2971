/**
 * Code on the page: line-number gutters to leave out, monospace fonts that mark code, and the
 * languages the page's markup names near the selection.
 */

const GUTTER =
  /(?:^|\s)(?:blob-num|js-line-number|react-line-number|hljs-ln-numbers|hljs-ln-n|linenos|linenodiv|rouge-gutter|line-numbers-rows|cm-gutters?|cm-lineNumbers|CodeMirror-gutters?|CodeMirror-linenumbers?|margin-view-overlays)(?:\s|$)/;
// Generic names also used for layout (`.gutter` in grid systems, Prism's `pre.line-numbers`):
// only a gutter when all they hold is numbers.
const MAYBE_GUTTER = /(?:^|\s)(?:line-?numbers?|lineno|linenumber|gutter|ln-num|line-num)(?:\s|$)/i;

/** Font families that mark text as code where no pre/code element does. */
export const MONO =
  /mono|courier|consolas|menlo|monaco|inconsolata|fira code|source code|jetbrains|cascadia|sfmono/i;

/** Tags whose own text is code (their content keeps the code flag). */
export const CODE_TAGS = /^(pre|code|samp|kbd|xmp|listing)$/;

/**
 * A line-number gutter, by its class (known highlighters' names) or, for generic names, by
 * holding only digits: copying code must not copy its line numbers.
 */
export const isGutter = (
  cls: string,
  attrs: { dataLineNumber: boolean; ariaHidden: boolean },
  /** Read only when the class alone does not decide: textContent walks the whole subtree. */
  text: () => string,
): boolean => {
  if (GUTTER.test(cls)) return true;
  const maybe = MAYBE_GUTTER.test(cls) || attrs.dataLineNumber || attrs.ariaHidden;
  return maybe && /^[\s\d]*$/.test(text());
};

/** `isGutter` read off an element. */
export const isGutterElement = (el: Element): boolean =>
  isGutter(
    el.getAttribute('class') ?? '',
    {
      dataLineNumber: el.hasAttribute('data-line-number'),
      ariaHidden: el.getAttribute('aria-hidden') === 'true',
    },
    () => el.textContent ?? '',
  );

const HINT_ATTRS = [
  'data-lang',
  'data-language',
  'data-code-language',
  'data-tagsearch-lang',
  'data-highlight-language',
];

/** The language names in a class list (`language-go`, `brush: js`, highlight.js's bare names). */
export const hintsInClass = (cls: string): string[] => {
  const out: string[] = [];
  const tokens = cls.split(/\s+/).filter(Boolean);
  // highlight.js (older themes) and Pandoc name the language as a bare class beside their own.
  const companion = tokens.some((t) => t === 'hljs' || t === 'sourceCode');
  tokens.forEach((token, i) => {
    const prefixed =
      /^(?:language|lang|highlight-source|highlight-text|highlight|sourcecode)-(.+)$/i.exec(token);
    if (prefixed?.[1]) out.push(prefixed[1]);
    else if (/^brush:$/i.test(token) && tokens[i + 1]) out.push(tokens[i + 1] ?? '');
    else if (/^brush:./i.test(token)) out.push(token.slice(6));
    else if (companion && !/^(hljs|sourceCode)/.test(token)) out.push(token);
  });
  return out;
};

/** Adds the languages `el` names (data attributes, GitLab's `lang`, its classes) to `hints`. */
export const addHints = (el: Element, hints: string[]): void => {
  if (hints.length >= 12) return;
  for (const name of HINT_ATTRS) {
    const value = el.getAttribute(name);
    if (value) hints.push(value);
  }
  // GitLab puts it in `lang`; elsewhere `lang` is a human language.
  if (/^(pre|code)$/.test(el.localName) && el.getAttribute('lang'))
    hints.push(el.getAttribute('lang') ?? '');
  hints.push(...hintsInClass(el.getAttribute('class') ?? ''));
};

/** The hints, trimmed and without repeats, closest first; undefined when there are none. */
export const joinHints = (hints: readonly string[]): string | undefined => {
  const unique = hints.map((h) => h.trim()).filter((h, i, all) => h && all.indexOf(h) === i);
  return unique.length > 0 ? unique.join(' ') : undefined;
};
