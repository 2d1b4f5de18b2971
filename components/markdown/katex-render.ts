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

// Rendered formulas by display mode and TeX, least recently used first: reopening a chat (or
// scrolling back) reuses them instead of running KaTeX again. Bounded by TeX length, which the
// size of what KaTeX builds follows (a 40×40 matrix is ~3 KB of TeX).
const cache = new Map<string, ReactNode>();
const MAX_CACHE_ENTRIES = 500;
const MAX_CACHE_CHARS = 200_000;
let cachedChars = 0;

function remember(key: string, nodes: ReactNode): void {
  cache.set(key, nodes);
  cachedChars += key.length;
  while (cache.size > MAX_CACHE_ENTRIES || cachedChars > MAX_CACHE_CHARS) {
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
    cachedChars -= oldest.length;
  }
}

/**
 * `tex` rendered by KaTeX as React elements (HTML for the eye, MathML for screen readers), or
 * null when it should stay source text (too long, or KaTeX failed in a way it does not report).
 */
export function renderMath(tex: string, display: boolean): ReactNode | null {
  if (tex.length > MAX_TEX_LENGTH) return null;
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
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
  remember(key, nodes);
  return nodes;
}
