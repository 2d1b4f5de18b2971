/**
 * Hooks for the rendering benchmarks (bench/streaming.bench.ts), present only in the E2E build
 * and only when the bench installed `__parleyBench` before the panel loaded. They time what the
 * issue's targets are about: when a delta arrives, when a frame starts folding, when React has
 * committed the text. `naive` swaps in the baseline renderer the bench compares against.
 */
import { useLayoutEffect } from 'react';

export interface BenchProbe {
  naive?: boolean;
  /** A delta arrived; the reply now ends at `end` characters. */
  received(end: number): void;
  /** Folding of queued events into the store begins. */
  foldStart(): void;
  /** The streaming reply's text of `length` characters is in the DOM. */
  committed(length: number): void;
}

export const benchProbe: BenchProbe | undefined =
  import.meta.env.MODE === 'e2e'
    ? (globalThis as { __parleyBench?: BenchProbe }).__parleyBench
    : undefined;

/** Reports each commit of a reply to the bench (a no-op without one). */
export function useCommitProbe(length: number): void {
  useLayoutEffect(() => {
    benchProbe?.committed(length);
  });
}
