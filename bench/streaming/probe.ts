/**
 * What the streaming benchmarks install in the panel before it loads (`__parleyBench`, read by
 * bench/panel/bench-probe.ts) and how they turn its records into the figures.
 */
import { mean, median, percentile } from '../support';

export interface Records {
  /** [time, reply length after the delta] for each delta the panel received. */
  received: [number, number][];
  /** Time each fold of queued events began. */
  folds: number[];
  /** [time, reply length] for each React commit of the reply. */
  commits: [number, number][];
  /** Gaps between animation frames, ms. */
  gaps: number[];
  /** [start, duration] of each long task (≥ 50 ms). */
  longTasks: [number, number][];
  composerReadyAt?: number;
}

/** Which renderer a bench panel uses: Parley's, the naive baseline, or the plain-text floor. */
export type Renderer = boolean | 'floor';

/** Runs in the panel page before its scripts (Playwright addInitScript); `true` = naive. */
export function installProbe(renderer: Renderer): void {
  const naive = renderer === true;
  const probe = {
    naive,
    recording: false,
    received: [] as [number, number][],
    folds: [] as number[],
    commits: [] as [number, number][],
    gaps: [] as number[],
    longTasks: [] as [number, number][],
    composerReadyAt: undefined as number | undefined,
  };
  const api = {
    naive,
    floor: renderer === 'floor',
    received: (end: number) => probe.recording && probe.received.push([performance.now(), end]),
    foldStart: () => probe.recording && probe.folds.push(performance.now()),
    committed: (length: number) =>
      probe.recording && probe.commits.push([performance.now(), length]),
  };
  const g = globalThis as unknown as Record<string, unknown>;
  g.__parleyBench = api;
  g.__parleyBenchRecords = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  const frame = () => {
    const now = performance.now();
    if (probe.recording && last) probe.gaps.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const composer = new MutationObserver(() => {
    const box = document.querySelector('textarea[aria-label="Message"], textarea');
    if (box && !(box as HTMLTextAreaElement).disabled) {
      probe.composerReadyAt = performance.now();
      composer.disconnect();
    }
  });
  composer.observe(document, { childList: true, subtree: true });
}

export interface StreamFigures {
  tokens: number;
  longTasks: number;
  longestTaskMs: number;
  frameGapP95: number;
  lagMean: number;
  lagP95: number;
  catchUp: number;
  messagesPerSecond: number;
  /** Median cost of an update (fold start → reply committed) in the last 10% of the reply. */
  lateUpdateMs: number;
  /** The same, for updates between 10% and 20% of the reply: against late, it shows growth. */
  earlyUpdateMs: number;
  updates: number;
}

/** For each received delta: how long until a commit showed at least that much text. */
function lags(r: Records): number[] {
  const out: number[] = [];
  let c = 0;
  for (const [t, end] of r.received) {
    while (c < r.commits.length && (r.commits[c]![0] < t || r.commits[c]![1] < end)) c++;
    const commit = r.commits[c];
    if (commit) out.push(commit[0] - t);
  }
  return out;
}

/** Each commit's cost from the start of the fold that produced it (one per fold). */
function updateCosts(r: Records): { at: number; length: number; ms: number }[] {
  const out: { at: number; length: number; ms: number }[] = [];
  let f = 0;
  let usedFold = -1;
  for (const [t, length] of r.commits) {
    while (f + 1 < r.folds.length && r.folds[f + 1]! <= t) f++;
    const fold = r.folds[f];
    if (fold === undefined || fold > t || f === usedFold) continue;
    usedFold = f;
    out.push({ at: fold, length, ms: t - fold });
  }
  return out;
}

export function figures(r: Records, tokens: number): StreamFigures {
  const lag = lags(r);
  const first = r.received[0]?.[0] ?? 0;
  const last = r.received.at(-1)?.[0] ?? first;
  const finalLength = r.received.at(-1)?.[1] ?? 0;
  // Updates the deltas drove: the reply's final render (actions, rating bar) is not one of them.
  const costs = updateCosts(r).filter((c) => c.at <= last + 1);
  const late = costs.filter((c) => c.length >= finalLength * 0.9);
  const stream = r.longTasks.filter(([start]) => start >= first - 100);
  return {
    tokens,
    longTasks: stream.length,
    longestTaskMs: Math.max(0, ...stream.map(([, d]) => d)),
    frameGapP95: percentile(r.gaps, 95),
    lagMean: mean(lag),
    lagP95: percentile(lag, 95),
    catchUp: lag.at(-1) ?? 0,
    messagesPerSecond: last > first ? r.received.length / ((last - first) / 1000) : 0,
    lateUpdateMs: median(late.map((c) => c.ms)),
    earlyUpdateMs: median(
      costs
        .filter((c) => c.length >= finalLength * 0.1 && c.length < finalLength * 0.2)
        .map((c) => c.ms),
    ),
    updates: costs.length,
  };
}
