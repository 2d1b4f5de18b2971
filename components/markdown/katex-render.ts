/**
 * KaTeX, its stylesheet and its fonts: loaded only when a message holds math (a dynamic import
 * from math.tsx), so the side panel's initial JS stays within budget. Fonts are bundled with the
 * extension (the CSP allows `font-src 'self'` only). Untrusted TeX gets no `\href`, `\url`,
 * `\includegraphics` or `\html*` (trust: false), bounded macro expansion and sizes, and errors
 * render as red source text instead of throwing.
 */
import katex from 'katex';
import type { ReactNode } from 'react';
import { katexHtmlToReact } from './katex-to-react';
import { installKatexStyle } from './katex-style';

installKatexStyle(document);

/** Longer input is shown as source: KaTeX's cost grows with it and nobody reads such formulas. */
export const MAX_TEX_LENGTH = 4000;

const cache = new Map<string, ReactNode>();
const MAX_CACHE = 500;

/**
 * `tex` rendered by KaTeX as React elements (HTML for the eye, MathML for screen readers), or
 * null when it should stay source text (too long, or KaTeX failed in a way it does not report).
 */
export function renderMath(tex: string, display: boolean): ReactNode | null {
  if (tex.length > MAX_TEX_LENGTH) return null;
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let html: string;
  try {
    html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: false,
      trust: false,
      output: 'htmlAndMathml',
      strict: 'ignore',
      maxExpand: 1000,
      maxSize: 50,
    });
  } catch {
    return null;
  }
  const nodes = katexHtmlToReact(html);
  if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value as string);
  cache.set(key, nodes);
  return nodes;
}
