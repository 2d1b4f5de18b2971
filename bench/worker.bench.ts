/**
 * M6 in Node (issue 17): the worker's CPU time per 1k tokens for the 8k fixture at 1,000 tok/s,
 * reply moderation on (warn, OpenAI's endpoint shape on the loopback server), through the real
 * lib/llm → lib/engine/generation → lib/moderation path (bench/worker/run.ts says what it leaves
 * out). The server runs in a child process so its own work is not counted. Median of BENCH_RUNS
 * (3) after one warm-up reply; prints one table and writes bench/results/worker.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, it } from 'vitest';
import { decode, encode } from 'gpt-tokenizer/encoding/o200k_base';
import { median, report, type Row } from './support';
import { idleCpuMs, runReply, type WorkerRun } from './worker/run';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RATE = 1000;
let server: ChildProcess;
let url = '';

beforeAll(async () => {
  server = spawn(process.execPath, [path.join(import.meta.dirname, 'worker/server.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: server.stdout! });
  url = await new Promise<string>((resolve) => lines.once('line', resolve));
});
afterAll(() => {
  server?.kill('SIGTERM');
});

const text = readFileSync(path.join(import.meta.dirname, 'fixtures/answer-8k.md'), 'utf8');
const tokens = encode(text).map((t) => decode([t]));

async function series(moderation: boolean, runs: number): Promise<WorkerRun[]> {
  const out: WorkerRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runReply(url, tokens, RATE, moderation);
    if (run.state !== 'complete' || run.chars !== text.length)
      throw new Error(`reply ${run.state} with ${run.chars} of ${text.length} characters`);
    out.push(run);
  }
  return out;
}

it(
  'streams the 8k fixture through the worker path at 1,000 tok/s',
  { timeout: 10 * 60_000 },
  async () => {
    // A whole reply first: the JIT has compiled the path before anything is counted.
    await runReply(url, tokens, RATE, true);
    const on = await series(true, RUNS);
    const off = await series(false, 1);
    const per1k = (runs: WorkerRun[]) => median(runs.map((r) => r.cpuMs)) / (tokens.length / 1000);
    const wall = median(on.map((r) => r.wallMs));
    const idle = await idleCpuMs(2_000);
    const m6 = per1k(on);
    const rows: Row[] = [
      {
        id: 'M6',
        metric: 'worker CPU per 1k tokens, reply moderation on (Node)',
        figure: `${m6.toFixed(1)} ms`,
        target: '≤ 60 ms',
        met: m6 <= 60 ? 'yes' : 'NO',
      },
      { id: '', metric: 'same, moderation off', figure: `${per1k(off).toFixed(1)} ms` },
      {
        id: '',
        metric: 'runner idle CPU over the same wall time, per 1k tokens',
        figure: `${(((idle / 2_000) * wall) / (tokens.length / 1000)).toFixed(1)} ms`,
      },
      {
        id: '',
        metric: 'runs (CPU ms each)',
        figure: on.map((r) => r.cpuMs.toFixed(0)).join(', '),
      },
      {
        id: '',
        metric: 'reply moderation requests / characters sent',
        figure: `${on[0]?.moderationRequests} / ${on[0]?.moderatedChars} (reply ${text.length})`,
      },
      { id: '', metric: 'delta events', figure: `${on[0]?.deltas}` },
      { id: '', metric: 'wall time per reply', figure: `${(wall / 1000).toFixed(1)} s` },
    ];
    report('worker', rows);
  },
);
