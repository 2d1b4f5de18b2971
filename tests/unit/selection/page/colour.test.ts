import { describe, expect, it } from 'vitest';
import {
  alphaOf,
  backgroundOf,
  coloursIn,
  contrast,
  outlined,
  over,
  parseColor,
  ratio,
} from '@/lib/selection/page/colour';

const style = (props: Record<string, string>) => ({
  color: props.color ?? '',
  textShadow: props.textShadow ?? '',
  getPropertyValue: (name: string) => props[name] ?? '',
});

describe('colour', () => {
  it('reads rgb(), hex and the names happy-dom passes through; null for what it cannot', () => {
    expect(parseColor('rgb(10, 20, 30)')).toEqual([10, 20, 30, 1]);
    expect(parseColor('rgba(10, 20, 30, 0.5)')).toEqual([10, 20, 30, 0.5]);
    expect(parseColor('rgb(100% 0% 0% / 50%)')).toEqual([255, 0, 0, 0.5]);
    expect(parseColor('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColor('#00000080')).toEqual([0, 0, 0, 128 / 255]);
    expect(parseColor('transparent')).toEqual([0, 0, 0, 0]);
    expect(parseColor('oklch(0.5 0.1 200)')).toBeNull();
    expect(parseColor('#12345')).toBeNull();
  });

  it('takes the alpha of any syntax, 1 when none is named', () => {
    expect(alphaOf('transparent')).toBe(0);
    expect(alphaOf('rgba(0, 0, 0, 0.05)')).toBe(0.05);
    expect(alphaOf('oklch(0.5 0.1 200 / 20%)')).toBe(0.2);
    expect(alphaOf('red')).toBe(1);
    expect(ratio('50%', 1)).toBe(0.5);
    expect(ratio('junk', 0.3)).toBe(0.3);
  });

  it('composites and measures WCAG contrast', () => {
    expect(over([0, 0, 0, 0.5], [255, 255, 255, 1])).toEqual([127.5, 127.5, 127.5, 1]);
    expect(contrast([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21, 5);
    expect(contrast([254, 254, 254, 1], [255, 255, 255, 1])).toBeLessThan(1.1);
  });

  it('finds what is behind: own opaque colour, else the parent, null for images', () => {
    const white: [number, number, number, number] = [255, 255, 255, 1];
    expect(backgroundOf({ backgroundImage: '', backgroundColor: '' }, white)).toBe(white);
    expect(
      backgroundOf({ backgroundImage: 'none', backgroundColor: 'rgb(0, 0, 0)' }, white),
    ).toEqual([0, 0, 0, 1]);
    expect(backgroundOf({ backgroundImage: 'url(a.png)', backgroundColor: '' }, white)).toBeNull();
    expect(
      backgroundOf({ backgroundImage: 'linear-gradient(#000, #000)', backgroundColor: '' }, white),
    ).toEqual([0, 0, 0, 1]);
    expect(
      backgroundOf({ backgroundImage: '', backgroundColor: 'rgba(0, 0, 0, 0.5)' }, null),
    ).toBeNull();
  });

  it('sees an outline or shadow only when it shows against the background', () => {
    const white: [number, number, number, number] = [255, 255, 255, 1];
    expect(outlined(style({ textShadow: '0 0 2px black' }), white)).toBe(true);
    expect(outlined(style({ textShadow: '0 0 2px white' }), white)).toBe(false);
    expect(
      outlined(
        style({ '-webkit-text-stroke-width': '1px', '-webkit-text-stroke-color': '#000' }),
        white,
      ),
    ).toBe(true);
    expect(coloursIn('1px 1px 0 rgb(0, 0, 0), 2px 2px red')).toHaveLength(2);
  });
});
