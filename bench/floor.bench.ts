/**
 * Rendering at the physical floor (issue 17): Parley's panel against the floor renderer (the same
 * stream into the same panel as plain text, stuck to the bottom) and an idle panel, measured in
 * the same run, on the 8k answer, the same 2k tail, the two hostile shapes (hundreds of reference
 * definitions; one endless paragraph) and a math-heavy answer. CPU is the renderer main thread's
 * thread time from a trace, beside CDP's TaskDuration. Prints one table and writes
 * bench/results/floor.json; asserts nothing about time.
 */
import { afterAll, beforeAll, it } from 'vitest';
import { decode, encode } from 'gpt-tokenizer/encoding/o200k_base';
import { chunksOf, percentile, report, type Row } from './support';
import { BenchSession, fixtureTokens, type Panel, type StreamResult } from './streaming/session';
import { figures, type StreamFigures } from './streaming/probe';
import { tailAtBlock } from './streaming/tail';
import {
  endlessBlockFixture,
  mathHeavyFixture,
  referenceDefinitionsFixture,
} from './fixtures/hostile';

const RATE = 1000;
const tokensOf = (text: string) => encode(text).map((t) => decode([t]));

interface Stream {
  name: string;
  chunks: string[];
  rate: number;
  /** Tokens in the stream (o200k), for per-1k figures. */
  tokens: number;
}

const full = fixtureTokens();
const streams: Stream[] = [
  { name: '8k answer', chunks: full, rate: RATE, tokens: full.length },
  ...[
    ['reference definitions (400 + 400)', referenceDefinitionsFixture()],
    ['math-heavy 8k', mathHeavyFixture(40_000)],
  ].map(([name, text]) => {
    const chunks = tokensOf(text as string);
    return { name: name as string, chunks, rate: RATE, tokens: chunks.length };
  }),
  (() => {
    const text = endlessBlockFixture(200_000);
    // 64 characters a chunk at 500 chunks/s: 32 KB/s, as fast a paragraph as a server sends.
    return {
      name: 'one endless block (200 KB)',
      chunks: chunksOf(text, 64),
      rate: 500,
      tokens: encode(text).length,
    };
  })(),
];
const tail = tailAtBlock(full, 2_000);

let session: BenchSession;
beforeAll(async () => {
  session = await BenchSession.start();
});
afterAll(async () => {
  await session?.close();
});

const rows: Row[] = [];
const n = (v: number, digits = 1) => +v.toFixed(digits);
function row(
  id: string,
  metric: string,
  measured: string,
  baseline: string,
  target: string,
  met: boolean,
) {
  rows.push({
    id,
    metric,
    measured,
    'floor / baseline': baseline,
    target,
    met: met ? 'yes' : 'NO',
  });
}

interface Measured {
  result: StreamResult;
  figures: StreamFigures;
}
async function run(p: Panel, s: Stream, trace = true): Promise<Measured> {
  const result = await session.stream(p, s.chunks, s.rate, { trace });
  return { result, figures: figures(result.records, s.chunks.length) };
}

it(
  'measures Parley against the floor renderer and an idle panel',
  { timeout: 40 * 60_000 },
  async () => {
    const byKind: Record<'ours' | 'floor', Map<string, Measured>> = {
      ours: new Map(),
      floor: new Map(),
    };
    let idleP95 = 0;
    let tailRun: Measured | undefined;
    let stopMs = 0;
    for (const kind of ['ours', 'floor'] as const) {
      const p = await session.openPanel(kind === 'floor' ? 'floor' : false);
      await session.stream(p, full.slice(0, 2_000), 2000); // warm-up: lazy chunks, JIT, highlighter
      if (kind === 'ours') idleP95 = percentile(await session.idleGaps(p, 3_000), 95);
      for (const s of streams) byKind[kind].set(s.name, await run(p, s));
      if (kind === 'ours') {
        tailRun = await run(p, { name: 'tail', chunks: tail, rate: RATE, tokens: tail.length });
        const endless = chunksOf(endlessBlockFixture(1_000_000), 256);
        stopMs = (await session.stream(p, endless, 250, { stopAt: 300_000 })).stopMs ?? 0;
      }
      await p.page.close();
    }

    row('M2', 'idle panel frame-gap p95', `${n(idleP95)} ms`, '', '', true);
    for (const s of streams) {
      const ours = byKind.ours.get(s.name)!;
      const floor = byKind.floor.get(s.name)!;
      const per1k = (m: Measured, v: number | undefined) => (v ?? 0) / (s.tokens / 1000);
      const cpu = per1k(ours, ours.result.threadCpuMs);
      const floorCpu = per1k(floor, floor.result.threadCpuMs);
      const task = per1k(ours, ours.result.panelTaskMs);
      const floorTask = per1k(floor, floor.result.panelTaskMs);
      const tag = `[${s.name}]`;
      row(
        'M2',
        `long tasks ≥ 50 ms ${tag}`,
        `${ours.figures.longTasks} (longest ${n(ours.figures.longestTaskMs)} ms)`,
        `${floor.figures.longTasks}`,
        '0',
        ours.figures.longTasks === 0,
      );
      row(
        'M2',
        `frame-gap p95 ${tag}`,
        `${n(ours.figures.frameGapP95)} ms`,
        `idle ${n(idleP95)} ms; floor ${n(floor.figures.frameGapP95)} ms`,
        '≤ idle + 3 ms',
        ours.figures.frameGapP95 <= idleP95 + 3,
      );
      row(
        'M4',
        `main-thread CPU per 1k tokens (trace) ${tag}`,
        `${n(cpu)} ms`,
        `${n(floorCpu)} ms (× ${n(cpu / Math.max(0.01, floorCpu), 2)})`,
        '≤ 1.3 × floor',
        cpu <= 1.3 * floorCpu,
      );
      row(
        'M4',
        `TaskDuration per 1k tokens ${tag}`,
        `${n(task)} ms`,
        `${n(floorTask)} ms (× ${n(task / Math.max(0.01, floorTask), 2)})`,
        '≤ 1.3 × floor',
        task <= 1.3 * floorTask,
      );
      const growth = ours.figures.lateUpdateMs / Math.max(0.01, ours.figures.earlyUpdateMs);
      const id = s.name.startsWith('math') ? 'M12' : 'M5';
      const limit = id === 'M12' ? 1.2 : 1.1;
      row(
        id,
        `update cost late / early ${tag}`,
        `${n(ours.figures.lateUpdateMs, 2)} / ${n(ours.figures.earlyUpdateMs, 2)} ms = × ${n(growth, 2)}`,
        `floor × ${n(floor.figures.lateUpdateMs / Math.max(0.01, floor.figures.earlyUpdateMs), 2)}`,
        `≤ ${limit}`,
        growth <= limit,
      );
    }
    const late8k = byKind.ours.get('8k answer')!.figures.lateUpdateMs;
    const late2k = tailRun!.figures.lateUpdateMs;
    const ratio = late8k / Math.max(0.01, late2k);
    row(
      'M5',
      'update cost late in 8k / late in 2k (same tail)',
      `${n(late8k, 2)} / ${n(late2k, 2)} ms = × ${n(ratio, 2)}`,
      '',
      '≤ 1.1',
      ratio <= 1.1,
    );
    row(
      'M2',
      'Stop shown after click, endless block at 300 KB',
      `${n(stopMs)} ms`,
      `idle frame ${n(idleP95)} ms`,
      '≤ 1 frame',
      stopMs <= Math.max(idleP95, 17) + 1,
    );
    report('floor', rows);
    console.log(
      `rates: ${RATE} tok/s (endless block: 64-char chunks at 500/s); tail: ${tail.length} tokens`,
    );
  },
);
