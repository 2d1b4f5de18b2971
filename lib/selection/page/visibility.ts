/**
 * How an element's computed style shapes its content: its layout kind, white-space mode,
 * selectability and text colour. Pure functions of style strings, unit-tested with plain values.
 */
import { parseColor, ratio } from './colour';
import { COLLAPSE, LINES, PRESERVE, type Ctx, type Rgba } from './types';

/** Elements whose content is never selected text a reader sees (scripts, media, form fields). */
export const SKIP =
  /^(script|style|noscript|template|title|desc|head|meta|link|iframe|frame|object|embed|canvas|video|audio|img|picture|source|track|textarea|input|select|option|datalist)$/;

/** Block-level tags, for a DOM without a style engine (no computed display). */
export const BLOCK_TAGS =
  /^(address|article|aside|blockquote|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|li|main|menu|nav|ol|pre|section|summary|table|tbody|thead|tfoot|ul|caption|center|listing|xmp|plaintext)$/;

/** The SVG namespace: SVG text is painted with its fill, and scales its own way. */
export const SVG = 'http://www.w3.org/2000/svg';

/** How an element breaks the text around it, from its display (or its tag without one). */
export const kindOf = (tag: string, display: string): Ctx['kind'] => {
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

/** The white-space mode for an element's text, from `white-space(-collapse)`, else its tag, else inherited. */
export const whiteSpaceMode = (space: string, tag: string, parentMode: number): number => {
  if (space === 'preserve' || space === 'break-spaces' || /^pre(-wrap)?$/.test(space))
    return PRESERVE;
  if (space === 'preserve-breaks' || space === 'pre-line') return LINES;
  if (space === 'collapse' || space === 'normal' || space === 'nowrap') return COLLAPSE;
  if (/^(pre|listing|xmp|plaintext)$/.test(tag)) return PRESERVE;
  return parentMode;
};

/** `user-select: none` leaves text out of a copy, as Chrome does (prompts, copy buttons, line numbers). */
export const unselectableFrom = (select: string, parent: boolean): boolean =>
  select === 'none'
    ? true
    : select === 'text' || select === 'all' || select === 'contain'
      ? false
      : parent;

/** The colour text is painted in: SVG's fill (times fill-opacity), else the text fill colour. */
export const inkOf = (
  svg: boolean,
  fill: string,
  fillOpacity: string,
  textFill: string,
  color: string,
): Rgba | null => {
  const f = svg ? fill : '';
  const paint: Rgba | null = f === 'none' ? [0, 0, 0, 0] : parseColor(f || textFill || color);
  const opacity = svg ? ratio(fillOpacity || '1', 1) : 1;
  return paint && [paint[0], paint[1], paint[2], paint[3] * opacity];
};

/** The overflow on each axis, from the longhands or the `overflow` shorthand. */
export const overflowAxes = (
  overflowX: string,
  overflowY: string,
  overflow: string,
): [string, string] => {
  const [x = 'visible', y = x] = (
    overflowX ? `${overflowX} ${overflowY}` : overflow || 'visible'
  ).split(' ');
  return [x, y];
};
