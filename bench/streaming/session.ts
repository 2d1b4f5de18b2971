/**
 * One Chromium with the E2E build, the loopback server, and panels opened with the bench probe;
 * streams the fixture at a rate and collects the records plus CDP figures for panel and worker.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { decode, encode } from 'gpt-tokenizer/encoding/o200k_base';
import { startMockServer, type MockServer } from '../../tests/server/mock-openai.mjs';
import { launchParley, type Parley } from '../../tests/e2e/support/launch';
import { PanelPage } from '../../tests/e2e/support/panel';
import { installProbe, type Records, type Renderer } from './probe';
import { ThreadTrace } from './trace';

/** The fixture as the tokens a model would stream (o200k boundaries, one SSE event each). */
export function fixtureTokens(): string[] {
  const text = readFileSync(path.join(import.meta.dirname, '../fixtures/answer-8k.md'), 'utf8');
  return encode(text).map((t) => decode([t]));
}

export interface Panel {
  page: Page;
  panel: PanelPage;
  cdp: CDPSession;
}

export class BenchSession {
  private constructor(
    readonly parley: Parley,
    readonly server: MockServer,
  ) {}

  static async start(): Promise<BenchSession> {
    const server = await startMockServer();
    const parley = await launchParley();
    const page = await parley.openPanel();
    await new PanelPage(page).configure(server.baseURL);
    await page.close();
    return new BenchSession(parley, server);
  }

  async close(): Promise<void> {
    await this.parley.close();
    await this.server.close();
  }

  /**
   * A fresh panel page with the probe; `true` swaps in the whole-message baseline renderer,
   * 'floor' the plain-text floor.
   */
  async openPanel(renderer: Renderer): Promise<Panel> {
    const page = await this.parley.context.newPage();
    await page.addInitScript(installProbe, renderer);
    await page.goto(`chrome-extension://${this.parley.extensionId}/sidepanel.html`);
    const panel = new PanelPage(page);
    await panel.composer.waitFor();
    const cdp = await this.parley.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return { page, panel, cdp };
  }

  /**
   * Streams `tokens` at `rate` tokens/s into a new chat; returns what the probe recorded. `trace`
   * also takes the renderer's main-thread CPU time from a trace; `stopAt` clicks Stop once the
   * reply is that many characters long and measures until the panel shows it stopped.
   */
  async stream(
    p: Panel,
    tokens: string[],
    rate: number,
    options: { trace?: boolean; stopAt?: number } = {},
  ): Promise<StreamResult> {
    await p.page.getByRole('button', { name: 'New chat' }).click();
    await p.page.evaluate(() => {
      const r = (
        globalThis as unknown as { __parleyBenchRecords: Records & { recording: boolean } }
      ).__parleyBenchRecords;
      Object.assign(r, { received: [], folds: [], commits: [], gaps: [], longTasks: [] });
      r.recording = true;
    });
    const before = await taskDuration(p.cdp);
    const worker = await WorkerProfiler.start(p.cdp, this.parley.extensionId);
    const trace = options.trace ? await ThreadTrace.start(p.cdp) : undefined;
    this.server.enqueue({ chunks: tokens, tokensPerSecond: rate });
    await p.panel.send(`bench ${tokens.length} tokens at ${rate}/s`);
    const stopMs =
      options.stopAt === undefined ? undefined : await clickStopAt(p.page, options.stopAt);
    // Polled every 250 ms from here: a locator wait would poll inside the panel every frame and
    // land in the figures.
    await p.page.waitForFunction(
      (stopped) =>
        [...document.querySelectorAll('article[data-message-role="assistant"]')]
          .at(-1)
          ?.getAttribute('data-state') === (stopped ? 'stopped' : 'complete'),
      options.stopAt !== undefined,
      { polling: 250, timeout: 60_000 + (tokens.length / rate) * 2_000 },
    );
    await p.page.waitForTimeout(300);
    const cpu = await trace?.stop();
    const workerBusyMs = await worker.stop();
    const panelTaskMs = (await taskDuration(p.cdp)) - before;
    const records = await p.page.evaluate(() => {
      const r = (
        globalThis as unknown as { __parleyBenchRecords: Records & { recording: boolean } }
      ).__parleyBenchRecords;
      r.recording = false;
      return {
        received: r.received,
        folds: r.folds,
        commits: r.commits,
        gaps: r.gaps,
        longTasks: r.longTasks,
      };
    });
    this.server.reset();
    return { records, panelTaskMs, workerBusyMs, threadCpuMs: cpu?.cpuMs, stopMs };
  }

  /** Frame gaps of an idle panel (nothing streaming) over `ms`: the frame-gap baseline. */
  async idleGaps(p: Panel, ms: number): Promise<number[]> {
    await p.page.evaluate(() => {
      const r = (
        globalThis as unknown as { __parleyBenchRecords: Records & { recording: boolean } }
      ).__parleyBenchRecords;
      r.gaps = [];
      r.recording = true;
    });
    await p.page.waitForTimeout(ms);
    return p.page.evaluate(() => {
      const r = (
        globalThis as unknown as { __parleyBenchRecords: Records & { recording: boolean } }
      ).__parleyBenchRecords;
      r.recording = false;
      return r.gaps;
    });
  }
}

/** What one stream into a bench panel measured. */
export interface StreamResult {
  records: Records;
  /** CDP TaskDuration over the stream, ms. */
  panelTaskMs: number;
  workerBusyMs: number;
  /** The renderer main thread's CPU time from a trace, ms (with `trace`). */
  threadCpuMs?: number;
  /** Stop clicked → the reply shown stopped, ms (with `stopAt`). */
  stopMs?: number;
}

/** Waits until the reply is `chars` long, clicks Stop, and times until it shows as stopped. */
async function clickStopAt(page: Page, chars: number): Promise<number> {
  await page.waitForFunction(
    (n) =>
      ([...document.querySelectorAll('article[data-message-role="assistant"]')].at(-1)?.textContent
        ?.length ?? 0) >= n,
    chars,
    { polling: 250, timeout: 120_000 },
  );
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const article = [...document.querySelectorAll('article[data-message-role="assistant"]')].at(
          -1,
        )!;
        const button = [...document.querySelectorAll('button')].find(
          (b) =>
            b.getAttribute('aria-label') === 'Stop generating' ||
            b.textContent === 'Stop generating',
        )!;
        const start = performance.now();
        const check = () => {
          if (article.getAttribute('data-state') !== 'streaming')
            resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        button.click();
        requestAnimationFrame(check);
      }),
  );
}

/** The page's main-thread task time so far, ms (CDP Performance TaskDuration). */
export async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Used JS heap after a full garbage collection, bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/**
 * The worker's busy time from a CPU profile: workers have no Performance domain, so sample it
 * with the Profiler (100 µs) through a session attached from the page's CDP connection.
 */
class WorkerProfiler {
  private nextId = 1;
  private waiting = new Map<number, (result: unknown) => void>();

  private constructor(
    private cdp: CDPSession,
    private sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.result);
    });
  }

  static async start(cdp: CDPSession, extensionId: string): Promise<WorkerProfiler> {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.includes(extensionId),
    );
    if (!target) throw new Error('No service worker to profile');
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    })) as { sessionId: string };
    const profiler = new WorkerProfiler(cdp, sessionId);
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
    await profiler.send('Profiler.start');
    return profiler;
  }

  private send(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    const done = new Promise<unknown>((resolve) => this.waiting.set(id, resolve));
    void this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return done;
  }

  /** Stops and returns the time the worker spent doing anything but waiting, ms. */
  async stop(): Promise<number> {
    const { profile } = (await this.send('Profiler.stop')) as {
      profile: {
        nodes: { id: number; callFrame: { functionName: string } }[];
        samples: number[];
        timeDeltas: number[];
      };
    };
    await this.cdp.send('Target.detachFromTarget', { sessionId: this.sessionId });
    const idle = new Set(
      profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
    );
    let busyUs = 0;
    // timeDeltas[i] is the time before sample i; charge it to the sample it leads to.
    profile.samples.forEach((node, i) => {
      if (!idle.has(node)) busyUs += profile.timeDeltas[i] ?? 0;
    });
    return busyUs / 1000;
  }
}
