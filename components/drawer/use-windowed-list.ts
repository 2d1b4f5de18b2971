/**
 * Renders only the items of a long list that are in view (plus an overscan), with spacers for the
 * rest: the drawer stays one commit of a few dozen rows whether it holds 20 conversations or
 * 20,000. Heights are measured per kind of item in the page (fonts and themes vary), so the
 * spacers match what the rows would take.
 */
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import {
  itemOffsets,
  moveFocus,
  revealScrollTop,
  windowRange,
  type NavigationKey,
  type WindowRange,
} from '@/lib/drawer/window';

const OVERSCAN_PX = 400;
// Before the first measurement: about what a row of the drawer takes at the default font size.
const DEFAULT_HEIGHT = 32;
const KEYS: readonly string[] = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'];

export interface WindowedList {
  containerRef: RefObject<HTMLDivElement | null>;
  range: WindowRange;
  onScroll: () => void;
  /** Moves focus between rows with the arrow keys, Home/End and PageUp/PageDown. */
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * `kinds[i]` names the kind of item i ("header", "row"); items of one kind share a height. Each
 * rendered item carries `data-window-index`; focusable ones hold a `[data-window-focus]` element.
 */
export function useWindowedList(kinds: readonly string[], focusableKind: string): WindowedList {
  const containerRef = useRef<HTMLDivElement>(null);
  const [heights, setHeights] = useState<Record<string, number>>({});
  const [view, setView] = useState({ top: 0, height: 800 });
  const offsets = useMemo(
    () => itemOffsets(kinds.length, (i) => heights[kinds[i] ?? ''] ?? DEFAULT_HEIGHT),
    [kinds, heights],
  );
  const range = useMemo(
    () => windowRange(offsets, view.top, view.height, OVERSCAN_PX),
    [offsets, view],
  );
  // What the scroll and key handlers read between renders.
  const latest = useRef({ offsets, range });
  useLayoutEffect(() => {
    latest.current = { offsets, range };
  });
  const pendingFocus = useRef<number | null>(null);

  // Scrolling re-renders only when the set of rendered items changes.
  const onScroll = useCallback(() => {
    const el = containerRef.current;
    if (!el) return;
    const next = windowRange(latest.current.offsets, el.scrollTop, el.clientHeight, OVERSCAN_PX);
    const { start, end } = latest.current.range;
    if (next.start !== start || next.end !== end)
      setView({ top: el.scrollTop, height: el.clientHeight });
  }, []);

  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() =>
      setView((v) =>
        v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
      ),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Learn the real height of each kind from the rendered items (the distance from one to the
  // next, margins and gaps included); the observer answers once for each item it starts watching.
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const measured = measurePitches(el);
      setHeights((old) =>
        Object.entries(measured).some(([kind, h]) => Math.abs((old[kind] ?? 0) - h) > 1)
          ? { ...old, ...measured }
          : old,
      );
    });
    for (const item of el.querySelectorAll('[data-window-index]')) observer.observe(item);
    return () => observer.disconnect();
  }, [range]);

  // A row reached with the keyboard may have been scrolled in just now: focus it once rendered.
  useLayoutEffect(() => {
    const focus = pendingFocus.current;
    const item = containerRef.current?.querySelector<HTMLElement>(`[data-window-index="${focus}"]`);
    if (focus === null || !item) return;
    // Rendered now: focus it (a row being renamed has nothing to focus, and the request ends).
    pendingFocus.current = null;
    item.querySelector<HTMLElement>('[data-window-focus]')?.focus();
  });

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const el = containerRef.current;
      const from = (event.target as HTMLElement).closest<HTMLElement>('[data-window-index]');
      if (!el || !from || !KEYS.includes(event.key)) return;
      if (!(event.target as HTMLElement).matches('[data-window-focus]')) return;
      const index = Number(from.dataset.windowIndex);
      const page = Math.max(
        1,
        Math.floor(el.clientHeight / (heights[focusableKind] ?? DEFAULT_HEIGHT)),
      );
      const to = moveFocus(
        (i) => kinds[i] === focusableKind,
        kinds.length,
        index,
        event.key as NavigationKey,
        page,
      );
      event.preventDefault();
      if (to === index) return;
      pendingFocus.current = to;
      const top = revealScrollTop(latest.current.offsets, to, el.scrollTop, el.clientHeight);
      el.scrollTop = top;
      setView({ top, height: el.clientHeight });
    },
    [kinds, focusableKind, heights],
  );

  return { containerRef, range, onScroll, onKeyDown };
}

function measurePitches(el: HTMLElement): Record<string, number> {
  const items = [...el.querySelectorAll<HTMLElement>('[data-window-index]')];
  const tops = items.map((item) => item.getBoundingClientRect().top);
  const pitches: Record<string, number[]> = {};
  for (let i = 0; i + 1 < items.length; i++) {
    const pitch = tops[i + 1]! - tops[i]!;
    if (pitch > 0) (pitches[items[i]!.dataset.windowKind ?? ''] ??= []).push(pitch);
  }
  return Object.fromEntries(Object.entries(pitches).map(([kind, list]) => [kind, median(list)]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
