/**
 * Colours and contrast, as pure functions of computed-style strings: whether text shows against
 * what is painted behind it.
 */
import type { Rgba } from './types';

/** A number from a CSS value, or `fallback` when it does not start with one. */
export const num = (value: string, fallback: number): number => {
  const n = parseFloat(value);
  return Number.isNaN(n) ? fallback : n;
};

/** A number or a percentage (`50%` → 0.5). */
export const ratio = (value: string, fallback: number): number =>
  value.trim().endsWith('%') ? num(value, fallback * 100) / 100 : num(value, fallback);

/** The alpha of any colour syntax (1 when it names none), so unknown syntaxes are not "clear". */
export const alphaOf = (color: string): number => {
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

// Pages repeat a handful of colours thousands of times; parsing is pure, so one cache serves all.
const colourCache = new Map<string, Rgba | null>();

/**
 * rgb()/rgba() (what Chromium computes for every legacy colour), hex and a few names (what
 * happy-dom passes through); null for what cannot be read (oklch(), color-mix()…).
 */
export const parseColor = (value: string): Rgba | null => {
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

/** `top` painted over an opaque `under`: what the reader sees where the two overlap. */
export const over = (top: Rgba, under: Rgba): Rgba => {
  const a = top[3];
  return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (under[i] ?? 0) * (1 - a)).concat(1) as Rgba;
};

/** WCAG contrast ratio of two opaque colours: 1 (identical) to 21 (black on white). */
export const contrast = (x: Rgba, y: Rgba): number => {
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
export const UNSEEN_CONTRAST = 1.1;

/** The colours in a text-shadow or mask value; null stands for one that cannot be read. */
export const coloursIn = (value: string): (Rgba | null)[] => {
  const fns = value.match(/[a-z-]+\([^)]*\)/gi) ?? [];
  const words = value
    .replace(/[a-z-]+\([^)]*\)/gi, ' ')
    .split(/[\s,]+/)
    .filter((w) => /^(#|[a-z])/i.test(w) && w !== 'inset');
  return [...fns.filter((f) => !/gradient\(/i.test(f)), ...words].map(parseColor);
};

/** What is behind an element's content: its own background over what is behind it. */
export const backgroundOf = (
  cs: Pick<CSSStyleDeclaration, 'backgroundImage' | 'backgroundColor'>,
  behind: Rgba | null,
): Rgba | null => {
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

/** An outline or shadow that shows against the background (one that matches it does not). */
export const outlined = (
  cs: Pick<CSSStyleDeclaration, 'getPropertyValue' | 'textShadow' | 'color'>,
  bg: Rgba,
): boolean => {
  const shows = (c: Rgba | null): boolean =>
    !c || (c[3] >= 0.3 && contrast(over(c, bg), bg) >= 1.5);
  const shadow = cs.textShadow;
  if (shadow && shadow !== 'none' && coloursIn(shadow).some(shows)) return true;
  if (num(cs.getPropertyValue('-webkit-text-stroke-width'), 0) <= 0) return false;
  return shows(parseColor(cs.getPropertyValue('-webkit-text-stroke-color') || cs.color));
};
