/**
 * KaTeX's HTML as React elements, through an allow-list: KaTeX's output is parsed into an inert
 * document (never attached, so nothing in it runs or loads) and walked. Only the tags KaTeX emits
 * for layout (span, MathML, svg/path/line) survive, with only layout attributes; anything that can
 * run code or fetch (on*, href, src, url() in styles, img, a, mglyph) is dropped. No HTML sink.
 */
import { createElement, type CSSProperties, type ReactNode } from 'react';

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

const TAGS: Record<string, ReadonlySet<string>> = {
  [HTML_NS]: new Set(['span']),
  [SVG_NS]: new Set(['svg', 'path', 'line']),
  [MATHML_NS]: new Set(
    [
      'math semantics annotation mrow mi mn mo ms mtext mspace msup msub msubsup mfrac msqrt',
      'mroot mover munder munderover mtable mtr mtd mlabeledtr mpadded mphantom mstyle menclose',
      'merror mmultiscripts mprescripts none',
    ]
      .join(' ')
      .split(' '),
  ),
};

/** Attribute names kept, mapped to React's prop name where it differs. */
const ATTRIBUTES: Record<string, Record<string, string>> = {
  [HTML_NS]: { class: 'className', style: 'style', 'aria-hidden': 'aria-hidden', title: 'title' },
  [SVG_NS]: {
    class: 'className',
    style: 'style',
    width: 'width',
    height: 'height',
    viewbox: 'viewBox',
    preserveaspectratio: 'preserveAspectRatio',
    d: 'd',
    x1: 'x1',
    y1: 'y1',
    x2: 'x2',
    y2: 'y2',
    'stroke-width': 'strokeWidth',
    xmlns: 'xmlns',
  },
  [MATHML_NS]: Object.fromEntries(
    [
      'xmlns display encoding mathvariant stretchy fence separator lspace rspace displaystyle',
      'scriptlevel columnalign rowalign columnlines rowlines rowspacing columnspacing width height',
      'depth voffset accent accentunder linethickness largeop movablelimits symmetric minsize',
      'maxsize mathcolor mathbackground mathsize notation linebreak form',
    ]
      .join(' ')
      .split(' ')
      .map((name) => [name, name]),
  ),
};

/** CSS properties KaTeX sets; none of them can fetch anything. */
const STYLE_PROPERTIES = new Set([
  'background-color',
  'border-bottom-width',
  'border-color',
  'border-right-style',
  'border-right-width',
  'border-style',
  'border-top-width',
  'border-width',
  'bottom',
  'color',
  'height',
  'left',
  'margin',
  'margin-left',
  'margin-right',
  'margin-top',
  'min-width',
  'padding-left',
  'position',
  'text-shadow',
  'top',
  'vertical-align',
  'width',
]);
const SAFE_FUNCTIONS = new Set(['calc', 'rgb', 'rgba', 'hsl', 'hsla']);

/** A style attribute as a React style object, keeping allow-listed properties with plain values. */
export function parseStyle(style: string): CSSProperties {
  const result: Record<string, string> = {};
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!STYLE_PROPERTIES.has(name) || !value) continue;
    if (!/^[\w\s#%.,+\-*/()]*$/.test(value)) continue;
    const functions = [...value.matchAll(/([a-z-]+)\s*\(/gi)].map((m) =>
      (m[1] ?? '').toLowerCase(),
    );
    if (functions.some((f) => !SAFE_FUNCTIONS.has(f))) continue;
    result[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return result as CSSProperties;
}

/**
 * One node and its subtree. The vocabulary follows from the enclosing `<math>` or `<svg>`, the way
 * the HTML parser assigns namespaces (not every DOM implementation records them).
 */
function convert(node: Node, key: number, parentNs: string): ReactNode {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeType !== 1) return null;
  const el = node as Element;
  const tag = el.localName.toLowerCase();
  const ns = tag === 'math' ? MATHML_NS : tag === 'svg' ? SVG_NS : parentNs;
  if (!TAGS[ns]?.has(tag)) return null;
  const allowed = ATTRIBUTES[ns] ?? {};
  const props: Record<string, unknown> = { key };
  for (const attr of Array.from(el.attributes)) {
    const prop = allowed[attr.name.toLowerCase()];
    if (!prop) continue;
    props[prop] = prop === 'style' ? parseStyle(attr.value) : attr.value;
  }
  const children = Array.from(el.childNodes).map((child, i) => convert(child, i, ns));
  return createElement(tag, props, ...children);
}

/** React elements for KaTeX's HTML output; anything outside the allow-list is left out. */
export function katexHtmlToReact(html: string): ReactNode {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return Array.from(doc.body.childNodes).map((child, i) => convert(child, i, HTML_NS));
}
