/**
 * M6 inside the built extension (issue 17): the service worker's busy time from a CDP CPU profile
 * (100 µs samples, idle excluded) while the 8k fixture streams at 1,000 tok/s into a panel, with
 * the default settings (reply moderation on: warn, against the loopback /v1/moderations). It
 * includes everything the worker does for a reply: fetch, SSE, generation, IndexedDB writes,
 * port messages and moderation. Median of BENCH_RUNS (3); writes bench/results/worker-extension.json.
 * bench/worker.bench.ts measures the same path in Node without storage and ports.
 */
import { afterAll, beforeAll, it } from 'vitest';
import { median, report } from './support';
import { BenchSession, fixtureTokens } from './streaming/session';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
let session: BenchSession;

beforeAll(async () => {
  session = await BenchSession.start();
});
afterAll(async () => {
  await session?.close();
});

it(
  'profiles the service worker while the 8k fixture streams',
  { timeout: 10 * 60_000 },
  async () => {
    const tokens = fixtureTokens();
    const p = await session.openPanel(false);
    // One short reply first: the worker's code is compiled and its database open.
    await session.stream(p, tokens.slice(0, 1_000), 1000);
    const busy: number[] = [];
    for (let i = 0; i < RUNS; i++) busy.push((await session.stream(p, tokens, 1000)).workerBusyMs);
    const m6 = median(busy) / (tokens.length / 1000);
    report('worker-extension', [
      {
        id: 'M6',
        metric: 'service worker busy time per 1k tokens @ 1000 tok/s, reply moderation on',
        figure: `${m6.toFixed(1)} ms`,
        target: '≤ 60 ms',
        met: m6 <= 60 ? 'yes' : 'NO',
        runs: busy.map((ms) => (ms / (tokens.length / 1000)).toFixed(1)).join(', '),
      },
    ]);
  },
);
