/**
 * The panel renderer's main-thread CPU time from a Chromium trace (issue 17): CDP's TaskDuration
 * counts wall time of tasks, a trace's `tdur` counts the thread's CPU time, which is what a noisy
 * shared machine distorts least. Sums the top-level tasks on the busiest CrRendererMain thread
 * (the extension's pages share one renderer process; the bench has one panel open at a time).
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const TOP_LEVEL = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** A running trace of the page's renderer. */
export class ThreadTrace {
  private events: TraceEvent[] = [];
  private done: Promise<void>;

  private constructor(private cdp: CDPSession) {
    let finish = () => {};
    this.done = new Promise((resolve) => (finish = resolve));
    cdp.on('Tracing.dataCollected', (e) => {
      for (const event of e.value as unknown as TraceEvent[]) this.events.push(event);
    });
    cdp.on('Tracing.tracingComplete', () => finish());
  }

  /** Starts tracing the toplevel tasks (with thread time) of the page's renderer. */
  static async start(cdp: CDPSession): Promise<ThreadTrace> {
    const trace = new ThreadTrace(cdp);
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: ['toplevel', '__metadata'],
        recordMode: 'recordAsMuchAsPossible',
      },
    });
    return trace;
  }

  /** Stops; returns the main thread's CPU time and wall time in tasks, ms. */
  async stop(): Promise<{ cpuMs: number; wallMs: number }> {
    await this.cdp.send('Tracing.end');
    await this.done;
    const mains = new Set(
      this.events
        .filter(
          (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
        )
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const byThread = new Map<string, { cpu: number; wall: number }>();
    for (const e of this.events) {
      const thread = `${e.pid}:${e.tid}`;
      if (e.ph !== 'X' || !TOP_LEVEL.has(e.name) || !mains.has(thread)) continue;
      const sum = byThread.get(thread) ?? { cpu: 0, wall: 0 };
      sum.cpu += e.tdur ?? 0;
      sum.wall += e.dur ?? 0;
      byThread.set(thread, sum);
    }
    const busiest = [...byThread.values()].sort((a, b) => b.wall - a.wall)[0] ?? {
      cpu: 0,
      wall: 0,
    };
    return { cpuMs: busiest.cpu / 1000, wallMs: busiest.wall / 1000 };
  }
}

/** A trace event with the fields the invalidation report reads. */
export interface DebugEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

/** Categories that make Blink record why it recalculated style, and each selector's cost. */
export const INVALIDATION_CATEGORIES = [
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'disabled-by-default-blink.debug',
];

type Data = Record<string, unknown>;
const describe = (d: Data) =>
  [
    d.reason,
    d.nodeName,
    d.changedClass && `class ${String(d.changedClass)}`,
    d.changedAttribute && `attr ${String(d.changedAttribute)}`,
    d.changedPseudo && `pseudo ${String(d.changedPseudo)}`,
    d.changedId && `id ${String(d.changedId)}`,
    d.extraData,
    d.invalidationSet && `set ${JSON.stringify(d.invalidationSet).slice(0, 80)}`,
    d.invalidationList && `list ${JSON.stringify(d.invalidationList).slice(0, 120)}`,
    d.selectors && `selectors ${JSON.stringify(d.selectors).slice(0, 120)}`,
  ]
    .filter(Boolean)
    .join(' | ');

const top = (m: Map<string, number>, count: number, digits = 0) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, v]) => `${v.toFixed(digits).padStart(9)}  ${k}`)
    .join('\n');

/**
 * Why style was recalculated (issue 17: style recalc grew per frame over a math-heavy reply): the
 * invalidation-tracking events by reason and node, elements recalculated per style update by
 * tenth of the stream, and the selectors that cost most (SelectorStats).
 */
export function invalidationReport(events: DebugEvent[], mains: Set<string>): string {
  const main = events.filter((e) => mains.has(`${e.pid}:${e.tid}`));
  const byKind = new Map<string, Map<string, number>>();
  for (const e of main) {
    if (!e.name.endsWith('InvalidationTracking')) continue;
    const data = (e.args?.data ?? {}) as Data;
    const m = byKind.get(e.name) ?? new Map<string, number>();
    m.set(describe(data), (m.get(describe(data)) ?? 0) + 1);
    byKind.set(e.name, m);
  }
  const out: string[] = [];
  for (const [kind, m] of byKind) out.push(`${kind}\n${top(m, 15)}`);
  const trees = main.filter((e) => e.name === 'UpdateLayoutTree' && e.ph === 'X' && e.ts);
  const t0 = trees[0]?.ts ?? 0;
  const span = (trees.at(-1)?.ts ?? 1) - t0 || 1;
  const sums = Array.from({ length: 10 }, () => ({ n: 0, elements: 0, ms: 0 }));
  for (const e of trees) {
    const d = sums[Math.min(9, Math.floor(((e.ts! - t0) / span) * 10))]!;
    const a = (e.args ?? {}) as Data;
    const count = a.elementCount ?? (a.data as Data | undefined)?.elementCount ?? 0;
    d.n++;
    d.elements += Number(count);
    d.ms += (e.tdur ?? 0) / 1000;
  }
  out.push(
    'UpdateLayoutTree by tenth: elements / update, ms / update\n' +
      sums
        .map((d) => `${(d.elements / (d.n || 1)).toFixed(0)}/${(d.ms / (d.n || 1)).toFixed(2)}`)
        .join('  '),
  );
  const selectors = new Map<string, number>();
  const attempts = new Map<string, number>();
  for (const e of main) {
    if (e.name !== 'SelectorStats') continue;
    const stats = (e.args?.selector_stats ?? {}) as { selector_timings?: Data[] };
    for (const s of stats.selector_timings ?? []) {
      const key = String(s.selector);
      selectors.set(key, (selectors.get(key) ?? 0) + Number(s.elapsed ?? 0) / 1000);
      attempts.set(key, (attempts.get(key) ?? 0) + Number(s.match_attempts ?? 0));
    }
  }
  if (selectors.size) {
    out.push(`SELECTORS by ms\n${top(selectors, 25, 1)}`);
    out.push(`SELECTORS by match attempts\n${top(attempts, 15)}`);
  }
  return out.join('\n');
}

/**
 * Each main-thread task of 50 ms or more: when it began (ms into the trace), how long it ran, and
 * the events inside it that took longest (inclusive, so nested ones count in their parents too).
 */
export function longTaskReport(events: DebugEvent[], mains: Set<string>): string {
  const main = events.filter((e) => mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.ts);
  const t0 = main.reduce((min, e) => Math.min(min, e.ts!), Infinity);
  const long = main.filter((e) => TOP_LEVEL.has(e.name) && (e.dur ?? 0) >= 50_000);
  return long
    .map((task) => {
      const inside = new Map<string, number>();
      for (const e of main) {
        if (e === task || e.ts! < task.ts! || e.ts! + (e.dur ?? 0) > task.ts! + task.dur!) continue;
        inside.set(e.name, (inside.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      }
      const parts = [...inside.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`);
      return `${((task.ts! - t0) / 1000).toFixed(0).padStart(6)} ms +${(task.dur! / 1000).toFixed(0)} ms (cpu ${((task.tdur ?? 0) / 1000).toFixed(0)})  ${parts.join(', ')}`;
    })
    .join('\n');
}

/**
 * How each phase's CPU time spreads over its runs (median, p90, p99, max, and the share of the
 * total spent in its slowest tenth): a steady per-frame cost and a few large repaints need
 * different fixes.
 */
export function phaseSpread(events: DebugEvent[], mains: Set<string>, names: string[]): string {
  return names
    .map((name) => {
      const runs = events
        .filter((e) => e.ph === 'X' && e.name === name && mains.has(`${e.pid}:${e.tid}`))
        .map((e) => (e.tdur ?? 0) / 1000)
        .sort((a, b) => a - b);
      const at = (q: number) => runs[Math.min(runs.length - 1, Math.floor(q * runs.length))] ?? 0;
      const total = runs.reduce((s, v) => s + v, 0);
      const slowest = runs.slice(Math.floor(runs.length * 0.9)).reduce((s, v) => s + v, 0);
      return `${name.padEnd(40)} n ${runs.length} p50 ${at(0.5).toFixed(2)} p90 ${at(0.9).toFixed(2)} p99 ${at(0.99).toFixed(1)} max ${at(1).toFixed(1)} total ${total.toFixed(0)} slowest tenth ${((slowest / (total || 1)) * 100).toFixed(0)}%`;
    })
    .join('\n');
}
