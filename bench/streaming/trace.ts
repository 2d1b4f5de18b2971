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
