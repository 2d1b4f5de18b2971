/**
 * The long-tail figures alone, without a profiler (issue 17): Stop shown on the endless block at
 * 300 KB and the frame-gap p95 while the endless block streams, each beside the same run's idle
 * p95. Runs only with PARLEY_TAIL_QUICK set (the number of repeats). The endless block's main
 * thread time is printed too (CDP TaskDuration; with PARLEY_TAIL_CPU=1 also the thread's CPU time
 * from a trace, which other load on the machine inflates far less than wall-clock gaps).
 */
import { it } from 'vitest';
import { BenchSession, fixtureTokens } from './session';
import { endlessBlockFixture } from '../fixtures/hostile';
import { chunksOf, percentile } from '../support';

const repeats = Number(process.env.PARLEY_TAIL_QUICK ?? 0);
const p95 = (xs: readonly number[]) => percentile(xs, 95);
const trace = process.env.PARLEY_TAIL_CPU === '1';

it.skipIf(!repeats)('measures Stop and the endless block', { timeout: 20 * 60_000 }, async () => {
  const session = await BenchSession.start();
  try {
    const p = await session.openPanel(false);
    await session.stream(p, fixtureTokens().slice(0, 2_000), 2000);
    for (let i = 0; i < repeats; i++) {
      const idle = p95(await session.idleGaps(p, 3_000));
      const stop = await session.stream(p, chunksOf(endlessBlockFixture(1_000_000), 256), 250, {
        stopAt: 300_000,
      });
      const endless = await session.stream(p, chunksOf(endlessBlockFixture(200_000), 64), 500, {
        trace,
      });
      const cpu =
        endless.threadCpuMs === undefined ? '' : `, cpu ${endless.threadCpuMs.toFixed(0)}`;
      console.log(
        `idle p95 ${idle.toFixed(1)} ms; stop ${stop.stopMs?.toFixed(1)} ms; ` +
          `endless p95 ${p95(endless.records.gaps).toFixed(1)} ms ` +
          `(task ${endless.panelTaskMs.toFixed(0)}${cpu} ms)`,
      );
    }
  } finally {
    await session.close();
  }
});
