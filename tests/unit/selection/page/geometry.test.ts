import { describe, expect, it } from 'vitest';
import { boxReason, clipFor, intersect, rectsReason } from '@/lib/selection/page/geometry';
import { canvasColour, hasViewport, viewportClipsX } from '@/lib/selection/page/frame-info';
import type { BoxLike, FrameLayout } from '@/lib/selection/page/types';

const box = (left: number, top: number, width: number, height: number): BoxLike => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});
const frame: FrameLayout = {
  innerWidth: 800,
  innerHeight: 600,
  scrollX: 0,
  scrollY: 0,
  canvas: [255, 255, 255, 1],
  layout: true,
  rtl: false,
  noScrollX: false,
};

describe('geometry', () => {
  it('intersects clips, a missing one being no clip', () => {
    expect(intersect(null, box(0, 0, 10, 10))).toEqual(box(0, 0, 10, 10));
    expect(intersect(box(0, 0, 10, 10), box(5, 5, 10, 10))).toEqual(box(5, 5, 5, 5));
  });

  it('clips on the axes overflow cuts, and a scroller clears its ancestors’ clip', () => {
    const cut = clipFor(box(10, 10, 100, 50), 'hidden', 'visible', false, null);
    expect(cut).toMatchObject({ left: 10, right: 110, top: -1e9, bottom: 1e9 });
    expect(clipFor(box(0, 0, 5, 5), 'auto', 'auto', false, box(0, 0, 1, 1))).toBeNull();
    expect(clipFor(box(0, 0, 5, 5), 'visible', 'visible', true, null)).toEqual(box(0, 0, 5, 5));
  });

  it('hides boxes clipped to a pixel, moved off the top-left, or fixed outside the view', () => {
    expect(boxReason(box(0, 0, 1, 1), true, 'absolute', frame)).toBe('clipped');
    expect(boxReason(box(-9999, 0, 100, 20), false, 'absolute', frame)).toBe('off-screen');
    expect(boxReason(box(0, 900, 100, 20), false, 'fixed', frame)).toBe('off-screen');
    expect(boxReason(box(0, 900, 100, 20), false, 'static', frame)).toBe('');
  });

  it('judges sampled text boxes', () => {
    expect(rectsReason([], 3, null, frame)).toBe('not-displayed');
    expect(rectsReason([box(0, 0, 0, 0)], 3, null, frame)).toBe('collapsed');
    expect(rectsReason([box(-500, 0, 100, 18)], 3, null, frame)).toBe('off-screen');
    expect(rectsReason([box(900, 0, 100, 18)], 3, null, { ...frame, noScrollX: true })).toBe(
      'off-screen',
    );
    expect(rectsReason([box(0, 0, 100, 18)], 3, box(200, 0, 50, 50), frame)).toBe('clipped');
    expect(rectsReason([box(0, 0, 100, 2)], 3, null, frame)).toBe('tiny');
    expect(rectsReason([box(0, 0, 20, 18)], 64, null, frame)).toBe('collapsed');
    expect(rectsReason([box(0, 0, 80, 18)], 10, null, frame)).toBe('');
  });
});

describe('frame-info', () => {
  it('paints a light top frame white and leaves iframes and dark pages unknown', () => {
    expect(canvasColour(true, 'normal')).toEqual([255, 255, 255, 1]);
    expect(canvasColour(true, 'light dark')).toBeNull();
    expect(canvasColour(false, '')).toBeNull();
  });

  it('reads the viewport’s overflow-x from the root, else the body', () => {
    expect(viewportClipsX('hidden', 'visible')).toBe(true);
    expect(viewportClipsX('visible', 'clip')).toBe(true);
    expect(viewportClipsX('auto', 'hidden')).toBe(false);
    expect(hasViewport({ innerWidth: 0, innerHeight: 10 })).toBe(false);
  });
});
