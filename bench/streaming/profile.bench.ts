/**
 * A CPU profile of the panel while it streams one fixture (issue 17): self and total time by
 * function, to see where the main thread goes beyond the floor. Runs only with PARLEY_PROFILE set
 * to a fixture name (8k, tail, math, refs, endless, stop); prints the top functions.
 */
import { it } from 'vitest';
import { decode, encode } from 'gpt-tokenizer/encoding/o200k_base';
import { BenchSession, fixtureTokens } from './session';
import { tailAtBlock } from './tail';
import { chunksOf } from '../support';
import {
  INVALIDATION_CATEGORIES,
  invalidationReport,
  longTaskReport,
  phaseSpread,
  type DebugEvent,
} from './trace';
import {
  endlessBlockFixture,
  mathHeavyFixture,
  referenceDefinitionsFixture,
} from '../fixtures/hostile';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

const which = process.env.PARLEY_PROFILE;
const tokensOf = (text: string) => encode(text).map((t) => decode([t]));

function stream(): { chunks: string[]; rate: number; stopAt?: number } {
  const full = fixtureTokens();
  if (which === 'tail') return { chunks: tailAtBlock(full, 2_000), rate: 1000 };
  if (which === 'math') return { chunks: tokensOf(mathHeavyFixture(40_000)), rate: 1000 };
  if (which === 'refs') return { chunks: tokensOf(referenceDefinitionsFixture()), rate: 1000 };
  if (which === 'endless') return { chunks: chunksOf(endlessBlockFixture(200_000), 64), rate: 500 };
  if (which === 'stop')
    return { chunks: chunksOf(endlessBlockFixture(1_000_000), 256), rate: 250, stopAt: 300_000 };
  return { chunks: full, rate: 1000 };
}

it.skipIf(!which)(
  'profiles the panel streaming one fixture',
  { timeout: 10 * 60_000 },
  async () => {
    const session = await BenchSession.start();
    try {
      const p = await session.openPanel(process.env.PARLEY_PROFILE_FLOOR ? 'floor' : false);
      if (process.env.PARLEY_PROFILE_CSS)
        await p.page.addStyleTag({ content: process.env.PARLEY_PROFILE_CSS });
      await session.stream(p, fixtureTokens().slice(0, 2_000), 2000);
      const s = stream();
      const events: {
        name: string;
        ph: string;
        dur?: number;
        tdur?: number;
        tid: number;
        pid: number;
        args?: { name?: string };
      }[] = [];
      const traced = new Promise<void>((resolve) =>
        p.cdp.on('Tracing.tracingComplete', () => resolve()),
      );
      p.cdp.on('Tracing.dataCollected', (e) =>
        events.push(...(e.value as unknown as typeof events)),
      );
      await p.cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'toplevel',
            'blink',
            '__metadata',
            // PARLEY_PROFILE_INVALIDATION: why style recalculates (slower; CPU figures inflate).
            ...(process.env.PARLEY_PROFILE_INVALIDATION ? INVALIDATION_CATEGORIES : []),
          ],
          recordMode: 'recordAsMuchAsPossible',
        },
      });
      await p.cdp.send('Profiler.enable');
      await p.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await p.cdp.send('Profiler.start');
      const result = await session.stream(p, s.chunks, s.rate, { stopAt: s.stopAt });
      const { profile } = (await p.cdp.send('Profiler.stop')) as unknown as {
        profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
      };
      console.log(
        'DOM',
        await p.page.evaluate(() => {
          const blocks = [...document.querySelectorAll('article[data-message-role="assistant"]')]
            .at(-1)!
            .querySelectorAll('.markdown > *');
          const skipped = [...blocks].filter(
            (b) =>
              !!b.firstElementChild &&
              !b.firstElementChild.checkVisibility({ contentVisibilityAuto: true }),
          ).length;
          const cv = blocks[0] ? getComputedStyle(blocks[0]).contentVisibility : 'none';
          const list = document.querySelector('.message-list')!;
          return JSON.stringify({
            blocks: blocks.length,
            skipped,
            cv,
            elements: document.querySelectorAll('*').length,
            scrollH: list.scrollHeight,
            clientH: list.clientHeight,
            article: [...document.querySelectorAll('article')].at(-1)!.className,
          });
        }),
      );
      await p.cdp.send('Tracing.end');
      await traced;
      const mains = new Set(
        events
          .filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain')
          .map((e) => `${e.pid}:${e.tid}`),
      );
      if (process.env.PARLEY_PROFILE_INVALIDATION)
        console.log(invalidationReport(events as unknown as DebugEvent[], mains));
      console.log(`LONG TASKS\n${longTaskReport(events as unknown as DebugEvent[], mains)}`);
      const byName = new Map<string, { wall: number; cpu: number; count: number }>();
      for (const e of events) {
        if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`)) continue;
        const v = byName.get(e.name) ?? { wall: 0, cpu: 0, count: 0 };
        v.wall += (e.dur ?? 0) / 1000;
        v.cpu += (e.tdur ?? 0) / 1000;
        v.count++;
        byName.set(e.name, v);
      }
      console.log(
        'TRACE (inclusive, main thread)\n' +
          [...byName.entries()]
            .sort((a, b) => b[1].cpu - a[1].cpu)
            .slice(0, 40)
            .map(
              ([k, v]) =>
                `${v.cpu.toFixed(0).padStart(7)} cpu ${v.wall.toFixed(0).padStart(7)} wall ${String(v.count).padStart(6)}x  ${k}`,
            )
            .join('\n'),
      );
      // Per-decile of the stream: how the cost of a frame's lifecycle phases grows with the reply.
      const phases = [
        'UpdateLifecycle',
        'Paint',
        'PrePaint',
        'Layout',
        'UpdateLayoutTree',
        'HitTest',
        'FunctionCall',
        'IntersectionObserverController::computeIntersections',
      ];
      const timed = events.filter(
        (e) =>
          e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && (e as { ts?: number }).ts !== undefined,
      ) as unknown as { name: string; ts: number; tdur?: number }[];
      const lifecycle = timed.filter((e) => e.name === 'WebFrameWidgetImpl::UpdateLifecycle');
      const t0 = lifecycle[0]?.ts ?? 0;
      const t1 = lifecycle.at(-1)?.ts ?? 1;
      const deciles = Array.from({ length: 10 }, () => new Map<string, number>());
      const frames = Array.from({ length: 10 }, () => 0);
      for (const e of timed) {
        const d = Math.min(9, Math.max(0, Math.floor(((e.ts - t0) / (t1 - t0 || 1)) * 10)));
        const key = phases.find((ph) => e.name === ph || e.name === `WebFrameWidgetImpl::${ph}`);
        if (e.name === 'WebFrameWidgetImpl::UpdateLifecycle') frames[d]!++;
        if (key) deciles[d]!.set(key, (deciles[d]!.get(key) ?? 0) + (e.tdur ?? 0) / 1000);
      }
      console.log(
        'PER FRAME BY DECILE (cpu ms / frame)\n' +
          phases
            .map(
              (ph) =>
                `${ph.slice(0, 24).padEnd(24)} ${deciles.map((m, i) => ((m.get(ph) ?? 0) / Math.max(1, frames[i]!)).toFixed(2).padStart(6)).join(' ')}`,
            )
            .join('\n') +
          `\nframes ${frames.join(' ')}`,
      );
      console.log(
        `SPREAD (cpu ms per run)\n${phaseSpread(events as unknown as DebugEvent[], mains, [
          'LocalFrameView::RunPaintLifecyclePhase',
          'CullRectUpdate',
          'Layerize',
          'UpdateLayoutTree',
          'Layout',
          'PrePaint',
          'FunctionCall',
        ])}`,
      );
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const self = new Map<string, number>();
      const total = new Map<string, number>();
      const name = (n: Node) =>
        `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
      profile.samples.forEach((id, i) => {
        const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        const node = byId.get(id)!;
        self.set(name(node), (self.get(name(node)) ?? 0) + ms);
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const k = name(byId.get(at)!);
          if (seen.has(k)) continue;
          seen.add(k);
          total.set(k, (total.get(k) ?? 0) + ms);
        }
      });
      const top = (m: Map<string, number>, count: number) =>
        [...m.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, count)
          .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
          .join('\n');
      console.log(`fixture ${which}: ${s.chunks.length} chunks; stop ${result.stopMs ?? '-'} ms`);
      console.log(`SELF\n${top(self, 45)}`);
      console.log(`TOTAL\n${top(total, 70)}`);
    } finally {
      await session.close();
    }
  },
);
