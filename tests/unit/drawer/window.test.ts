/**
 * Windowing arithmetic for the drawer (issue 12, item 4): which rows render for a scroll
 * position, the spacers standing in for the rest, and keyboard moves that skip headers.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation } from '@/lib/model/types';
import { groupByDay } from '@/lib/drawer/group';
import {
  flattenGroups,
  itemOffsets,
  moveFocus,
  revealScrollTop,
  windowRange,
} from '@/lib/drawer/window';

const DAY = 86_400_000;
const NOW = new Date(2026, 0, 15, 12).getTime();
const conversation = (i: number, updatedAt: number, pinned = false): Conversation => ({
  id: `c${i}`,
  title: `Chat ${i}`,
  createdAt: updatedAt,
  updatedAt,
  model: 'm',
  systemPrompt: '',
  currentLeafId: null,
  ...(pinned ? { pinned } : {}),
});

describe('window range', () => {
  const offsets = itemOffsets(20_000, (i) => (i % 100 === 0 ? 30 : 40));

  it('renders only what meets the viewport plus the overscan, with exact spacers', () => {
    const range = windowRange(offsets, 400_000, 600, 400);
    expect(range.end - range.start).toBeLessThan(50);
    expect(range.before).toBe(offsets[range.start]);
    expect(range.before + range.after + (offsets[range.end]! - offsets[range.start]!)).toBe(
      offsets[20_000],
    );
    expect(offsets[range.start]!).toBeLessThanOrEqual(400_000 - 400);
    expect(offsets[range.end]!).toBeGreaterThanOrEqual(400_000 + 600 + 400);
  });

  it('clamps at both ends and handles an empty list', () => {
    expect(windowRange(offsets, 0, 600, 400)).toMatchObject({ start: 0, before: 0 });
    const end = windowRange(offsets, offsets[20_000]! + 1000, 600, 400);
    expect(end).toMatchObject({ end: 20_000, after: 0 });
    expect(
      windowRange(
        itemOffsets(0, () => 40),
        0,
        600,
        400,
      ),
    ).toEqual({
      start: 0,
      end: 0,
      before: 0,
      after: 0,
    });
  });

  it('reveals an item with the least scrolling', () => {
    const even = itemOffsets(100, () => 40);
    expect(revealScrollTop(even, 50, 0, 400)).toBe(51 * 40 - 400);
    expect(revealScrollTop(even, 5, 1000, 400)).toBe(200);
    expect(revealScrollTop(even, 27, 1000, 400)).toBe(1000);
  });
});

describe('groups as one list', () => {
  const list = [
    conversation(0, NOW, true),
    conversation(1, NOW - 1000),
    conversation(2, NOW - 2000),
    conversation(3, NOW - DAY),
    conversation(4, NOW - 5 * DAY),
  ];
  const items = flattenGroups(groupByDay(list, NOW));

  it('puts each group header before its rows, with places for screen readers', () => {
    expect(items.map((i) => (i.kind === 'header' ? i.label : i.conversation.id))).toEqual([
      'Pinned',
      'c0',
      'Today',
      'c1',
      'c2',
      'Yesterday',
      'c3',
      'Jan 10, 2026',
      'c4',
    ]);
    expect(items[4]).toMatchObject({ kind: 'row', position: 2, groupSize: 2 });
  });

  it('arrow keys, Home/End and paging skip the headers', () => {
    const focusable = (i: number) => items[i]?.kind === 'row';
    const n = items.length;
    expect(moveFocus(focusable, n, 1, 'ArrowDown', 3)).toBe(3);
    expect(moveFocus(focusable, n, 3, 'ArrowUp', 3)).toBe(1);
    expect(moveFocus(focusable, n, 1, 'ArrowUp', 3)).toBe(1);
    expect(moveFocus(focusable, n, 4, 'Home', 3)).toBe(1);
    expect(moveFocus(focusable, n, 1, 'End', 3)).toBe(8);
    expect(moveFocus(focusable, n, 1, 'PageDown', 4)).toBe(4);
    expect(moveFocus(focusable, n, 8, 'PageUp', 3)).toBe(6);
  });

  it('labels 20,000 conversations over 200 days quickly (one date format per day)', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => conversation(i, NOW - i * 864_000));
    const started = performance.now();
    const groups = groupByDay(many, NOW);
    expect(performance.now() - started).toBeLessThan(500);
    expect(groups).toHaveLength(201);
    expect(groupByDay([conversation(1, Number.NaN)], NOW)[0]?.label).toBe('Undated');
  });
});
