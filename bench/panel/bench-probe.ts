/**
 * The panel's side of the rendering benchmarks (bench/streaming.bench.ts): the probe the bench
 * installs as `__parleyBench` before the panel's scripts run (bench/streaming/probe.ts), and the
 * hook that reports React commits to it. They time what the targets are about: when a
 * delta arrives, when a frame starts folding, when React has committed the text. `naive` swaps in
 * the baseline renderer the bench compares against (./naive-markdown). The panel imports this only
 * behind `import.meta.env.MODE === 'e2e'`, so the production build drops it (tests/tools/
 * scaffolding-check.mjs proves it).
 */
import { useLayoutEffect } from 'react';

export interface BenchProbe {
  naive?: boolean;
  /** Swap in the floor renderer (plain text, stick to the bottom) instead (./floor-text). */
  floor?: boolean;
  /** A delta arrived; the reply now ends at `end` characters. */
  received(end: number): void;
  /** Folding of queued events into the store begins. */
  foldStart(): void;
  /** The streaming reply's text of `length` characters is in the DOM. */
  committed(length: number): void;
}

/** The probe the bench installed before the panel loaded, if any (E2E build only). */
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
