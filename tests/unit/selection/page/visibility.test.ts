import { describe, expect, it } from 'vitest';
import { COLLAPSE, LINES, PRESERVE } from '@/lib/selection/page/types';
import {
  inkOf,
  kindOf,
  overflowAxes,
  unselectableFrom,
  whiteSpaceMode,
} from '@/lib/selection/page/visibility';

describe('visibility', () => {
  it('takes the layout kind from display, else from the tag', () => {
    expect(kindOf('span', 'inline-block')).toBe('inline');
    expect(kindOf('p', 'block')).toBe('para');
    expect(kindOf('div', 'table-cell')).toBe('cell');
    expect(kindOf('div', 'contents')).toBe('inline');
    expect(kindOf('tr', '')).toBe('row');
    expect(kindOf('section', '')).toBe('block');
    expect(kindOf('br', 'block')).toBe('br');
  });

  it('decides white space from the style, then the tag, then the parent', () => {
    expect(whiteSpaceMode('pre-wrap', 'div', COLLAPSE)).toBe(PRESERVE);
    expect(whiteSpaceMode('pre-line', 'div', PRESERVE)).toBe(LINES);
    expect(whiteSpaceMode('normal', 'pre', PRESERVE)).toBe(COLLAPSE);
    expect(whiteSpaceMode('', 'pre', COLLAPSE)).toBe(PRESERVE);
    expect(whiteSpaceMode('', 'span', LINES)).toBe(LINES);
  });

  it('inherits user-select unless set', () => {
    expect(unselectableFrom('none', false)).toBe(true);
    expect(unselectableFrom('text', true)).toBe(false);
    expect(unselectableFrom('auto', true)).toBe(true);
  });

  it('paints SVG text with its fill and fill-opacity, other text with its colour', () => {
    expect(inkOf(true, 'none', '', '', 'black')).toEqual([0, 0, 0, 0]);
    expect(inkOf(true, '#fff', '50%', '', 'black')).toEqual([255, 255, 255, 0.5]);
    expect(inkOf(false, '#fff', '', '', 'black')).toEqual([0, 0, 0, 1]);
    expect(inkOf(false, '', '', 'transparent', 'black')).toEqual([0, 0, 0, 0]);
  });

  it('splits overflow into axes', () => {
    expect(overflowAxes('hidden', 'auto', '')).toEqual(['hidden', 'auto']);
    expect(overflowAxes('', '', 'clip')).toEqual(['clip', 'clip']);
    expect(overflowAxes('', '', '')).toEqual(['visible', 'visible']);
  });
});
