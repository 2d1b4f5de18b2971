import { describe, expect, it } from 'vitest';
import {
  areaScale,
  clipsAll,
  facesAway,
  filterOf,
  masksAll,
  zeroClip,
} from '@/lib/selection/page/shapes';

describe('shapes', () => {
  it('scales area by transforms and the scale property', () => {
    expect(areaScale('none', '')).toBe(1);
    expect(areaScale('matrix(0, 0, 0, 0, 0, 0)', '')).toBe(0);
    expect(areaScale('matrix(2, 0, 0, 3, 0, 0)', '')).toBe(6);
    expect(areaScale('none', '0.5')).toBe(0.25);
    expect(areaScale('scaleX(0)', '')).toBe(0);
  });

  it('tells a face turned away', () => {
    expect(facesAway('rotateY(180deg)')).toBe(true);
    expect(facesAway('rotateY(0.5turn)')).toBe(true);
    expect(facesAway('rotateY(30deg)')).toBe(false);
    expect(facesAway('matrix3d(-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1)')).toBe(true);
  });

  it('judges clips that leave no area, and leaves unknown shapes alone', () => {
    expect(zeroClip('rect(0px, 0px, 0px, 0px)')).toBe(true);
    expect(zeroClip('rect(0px, 10px, 10px, 0px)')).toBe(false);
    expect(clipsAll('inset(50%)')).toBe(true);
    expect(clipsAll('inset(10%)')).toBe(false);
    expect(clipsAll('circle(0 at 50% 50%)')).toBe(true);
    expect(clipsAll('polygon(0 0, 0 0, 0 0)')).toBe(true);
    expect(clipsAll('polygon(0 0, 10px 0, 0 10px)')).toBe(false);
    expect(clipsAll('path("M 0 0")')).toBe(true);
    expect(clipsAll('url(#clip)')).toBe(false);
  });

  it('reads masks and filters', () => {
    expect(masksAll('linear-gradient(transparent, transparent)')).toBe(true);
    expect(masksAll('linear-gradient(black, transparent)')).toBe(false);
    expect(masksAll('url(mask.svg)')).toBe(false);
    expect(filterOf('opacity(0.5) blur(4px)')).toEqual({ opacity: 0.5, blur: 4, other: false });
    expect(filterOf('invert(1)').other).toBe(true);
  });
});
