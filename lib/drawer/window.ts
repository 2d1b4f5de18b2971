/**
 * Windowing for long lists (the Conversations drawer holds 20,000 rows after a big import): which
 * items to render for a scroll position, from per-kind row heights measured in the page. Pure, so
 * the arithmetic is tested without a DOM.
 */
import type { Conversation } from '../model/types';
import type { DayGroup } from './group';

/**
 * One line of the drawer's flattened list: a day header or a conversation row, so windowing sees
 * one array.
 */
export type DrawerItem =
  | { kind: 'header'; label: string; group: number }
  | {
      kind: 'row';
      conversation: Conversation;
      group: number;
      /** 1-based place in its group, and the group's size: aria-posinset / aria-setsize. */
      position: number;
      groupSize: number;
    };

/** The groups as one list: each group's header, then its rows. */
export function flattenGroups(groups: readonly DayGroup[]): DrawerItem[] {
  const items: DrawerItem[] = [];
  groups.forEach((group, g) => {
    items.push({ kind: 'header', label: group.label, group: g });
    group.conversations.forEach((conversation, i) =>
      items.push({
        kind: 'row',
        conversation,
        group: g,
        position: i + 1,
        groupSize: group.conversations.length,
      }),
    );
  });
  return items;
}

/** Where each item starts (px) from the list's top; the last entry is the total height. */
export function itemOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + heightOf(i);
  return offsets;
}

/**
 * Which items of the list are rendered: the visible ones plus overscan, so long lists stay fast.
 */
export interface WindowRange {
  /** First item rendered, and one past the last. */
  start: number;
  end: number;
  /** Space (px) standing in for the items before `start` and after `end`. */
  before: number;
  after: number;
}

/** The first index whose item ends after `y` (binary search over the offsets). */
function indexAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items that meet the viewport widened by `overscan` px on each side. */
export function windowRange(
  offsets: Float64Array,
  scrollTop: number,
  viewport: number,
  overscan: number,
): WindowRange {
  const count = offsets.length - 1;
  const total = offsets[count] ?? 0;
  if (count <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const start = indexAt(offsets, Math.max(0, scrollTop - overscan));
  const end = Math.min(count, indexAt(offsets, scrollTop + viewport + overscan) + 1);
  return { start, end, before: offsets[start]!, after: total - offsets[end]! };
}

/** The scroll position that shows item `index` whole, moving as little as possible. */
export function revealScrollTop(
  offsets: Float64Array,
  index: number,
  scrollTop: number,
  viewport: number,
): number {
  const top = offsets[index] ?? 0;
  const bottom = offsets[index + 1] ?? top;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return scrollTop;
}

/** The keys the drawer's list handles itself for roving focus. */
export type NavigationKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp';

/**
 * The focusable item a key moves to from `from`, skipping items that are not focusable (headers);
 * `page` is how many items a PageUp/PageDown moves. Returns `from` when there is nowhere to go.
 */
export function moveFocus(
  focusable: (index: number) => boolean,
  count: number,
  from: number,
  key: NavigationKey,
  page: number,
): number {
  const seek = (start: number, step: 1 | -1) => {
    for (let i = start; i >= 0 && i < count; i += step) if (focusable(i)) return i;
    return -1;
  };
  const target =
    key === 'ArrowDown'
      ? seek(from + 1, 1)
      : key === 'ArrowUp'
        ? seek(from - 1, -1)
        : key === 'Home'
          ? seek(0, 1)
          : key === 'End'
            ? seek(count - 1, -1)
            : key === 'PageDown'
              ? seek(Math.min(count - 1, from + page), -1)
              : seek(Math.max(0, from - page), 1);
  return target < 0 ? from : target;
}
