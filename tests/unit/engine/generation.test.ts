import { describe, expect, it } from 'vitest';
import { APIError } from 'openai';
import { startGeneration, type GenerationDeps } from '@/lib/engine/generation';
import type { StreamPart } from '@/lib/llm/client';
import type { DeltaEvent, StateEvent } from '@/lib/protocol';
import type { MessageState } from '@/lib/model/types';
import { emptyReply, foldDelta, foldState } from '@/lib/panel/reducer';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Step = string | { wait: number } | { finish: true } | { throw: unknown };

function scripted(...attempts: Step[][]): {
  openStream: GenerationDeps['openStream'];
  opened: () => number;
} {
  let opened = 0;
  return {
    opened: () => opened,
    openStream: (signal) => {
      const steps = attempts[Math.min(opened, attempts.length - 1)] ?? [];
      opened++;
      return (async function* (): AsyncGenerator<StreamPart> {
        for (const step of steps) {
          if (signal.aborted) throw new DOMException('aborted', 'AbortError');
          if (typeof step === 'string') yield { type: 'text', text: step };
          else if ('wait' in step) {
            await new Promise<void>((resolve, reject) => {
              const t = setTimeout(resolve, step.wait);
              signal.addEventListener('abort', () => {
                clearTimeout(t);
                reject(new DOMException('aborted', 'AbortError'));
              });
            });
          } else if ('finish' in step) yield { type: 'finish', reason: 'stop' };
          else throw step.throw;
        }
      })();
    },
  };
}

function harness(
  openStream: GenerationDeps['openStream'],
  persistFails = false,
  headersTimeoutMs?: number,
) {
  const events: (DeltaEvent | StateEvent)[] = [];
  const writes: { content: string; state: MessageState }[] = [];
  const storageErrors: unknown[] = [];
  const handle = startGeneration(
    { messageId: 'm1', conversationId: 'c1' },
    {
      openStream,
      persist: async (u) => {
        if (persistFails) throw new DOMException('full', 'QuotaExceededError');
        writes.push(u);
      },
      emit: (e) => void (e.type !== 'prompt_progress' && events.push(e)),
      onStorageError: (e) => storageErrors.push(e),
      isOnline: () => true,
      timing: { stallMs: 150, flushMs: 40, coalesceMs: 10 },
      ...(headersTimeoutMs ? { headersTimeoutMs } : {}),
    },
  );
  const panelView = () => {
    let view = emptyReply();
    for (const e of events)
      view = (e.type === 'delta' ? foldDelta(view, e) : foldState(view, e)).reply;
    return view;
  };
  return { handle, events, writes, storageErrors, panelView };
}

describe('startGeneration', () => {
  it('streams to complete; the panel folds to the same text the database ends with', async () => {
    const { openStream } = scripted(['Hel', 'lo', ' wor', 'ld', { finish: true }]);
    const h = harness(openStream);
    expect(await h.handle.done).toEqual({ kind: 'complete' });
    expect(h.writes.at(-1)).toEqual({ content: 'Hello world', state: { kind: 'complete' } });
    expect(h.panelView()).toMatchObject({ content: 'Hello world', state: { kind: 'complete' } });
  });

  it('sends the first delta at once and coalesces the rest', async () => {
    const parts: Step[] = [];
    for (let i = 0; i < 50; i++) parts.push('x');
    const { openStream } = scripted([...parts, { finish: true }]);
    const h = harness(openStream);
    await h.handle.done;
    const deltas = h.events.filter((e) => e.type === 'delta');
    expect((deltas[0] as DeltaEvent).text).toBe('x');
    expect(deltas.length).toBeLessThan(10);
    expect(h.panelView().content).toBe('x'.repeat(50));
  });

  it('numbers events with a strictly increasing seq and contiguous offsets', async () => {
    const { openStream } = scripted(['a', { wait: 15 }, 'b', { wait: 15 }, 'c', { finish: true }]);
    const h = harness(openStream);
    await h.handle.done;
    const seqs = h.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    let offset = 0;
    for (const e of h.events) {
      if (e.type !== 'delta') continue;
      expect(e.offset).toBe(offset);
      offset += e.text.length;
    }
  });

  it('writes the growing reply at least every flush window', async () => {
    const steps: Step[] = [];
    for (let i = 0; i < 10; i++) steps.push(`w${i} `, { wait: 20 });
    const { openStream } = scripted([...steps, { finish: true }]);
    const h = harness(openStream);
    await h.handle.done;
    const streamingWrites = h.writes.filter((w) => w.state.kind === 'streaming');
    expect(streamingWrites.length).toBeGreaterThanOrEqual(2);
  });

  it('ends as interrupted(truncated) when the stream ends without a finish reason', async () => {
    const { openStream } = scripted(['partial']);
    const h = harness(openStream);
    expect(await h.handle.done).toEqual({ kind: 'interrupted', reason: 'truncated' });
    expect(h.writes.at(-1)?.content).toBe('partial');
  });

  it('stops on request and keeps the partial reply', async () => {
    const { openStream } = scripted(['one ', { wait: 500 }, 'two', { finish: true }]);
    const h = harness(openStream);
    await wait(30);
    h.handle.stop();
    expect(await h.handle.done).toEqual({ kind: 'stopped' });
    expect(h.writes.at(-1)).toEqual({ content: 'one ', state: { kind: 'stopped' } });
  });

  it('ends a silent stream as interrupted(stalled) with the text kept', async () => {
    const { openStream } = scripted(['before ', { wait: 5000 }, 'never']);
    const h = harness(openStream);
    expect(await h.handle.done).toEqual({ kind: 'interrupted', reason: 'stalled' });
    expect(h.writes.at(-1)?.content).toBe('before ');
  });

  it('after text, a stall is caught one stall window later, not at the longer headers timeout', async () => {
    const { openStream } = scripted(['before ', { wait: 5000 }, 'never']);
    const started = Date.now();
    const h = harness(openStream, false, 3000);
    expect(await h.handle.done).toEqual({ kind: 'interrupted', reason: 'stalled' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('marks a dropped connection after text as interrupted(network)', async () => {
    const { openStream } = scripted(['abc', { throw: new TypeError('network error') }]);
    const h = harness(openStream);
    expect(await h.handle.done).toEqual({ kind: 'interrupted', reason: 'network' });
    expect(h.writes.at(-1)?.content).toBe('abc');
  });

  it('retries a rate limit before any text, honouring Retry-After', async () => {
    const rateLimit = APIError.generate(
      429,
      { error: { message: 'slow down', code: 'rate_limit_exceeded' } },
      'slow down',
      new Headers({ 'retry-after-ms': '20' }),
    );
    const s = scripted([{ throw: rateLimit }], ['ok', { finish: true }]);
    const h = harness(s.openStream);
    expect(await h.handle.done).toEqual({ kind: 'complete' });
    expect(s.opened()).toBe(2);
  });

  it('does not retry an exhausted quota', async () => {
    const quota = APIError.generate(
      429,
      { error: { message: 'quota', code: 'insufficient_quota' } },
      'quota',
      new Headers(),
    );
    const s = scripted([{ throw: quota }], ['never']);
    const h = harness(s.openStream);
    expect(await h.handle.done).toMatchObject({ kind: 'error', code: 'quota' });
    expect(s.opened()).toBe(1);
  });

  it('reports a storage failure once and still streams to the end', async () => {
    const { openStream } = scripted(['a', { wait: 60 }, 'b', { finish: true }]);
    const h = harness(openStream, true);
    expect(await h.handle.done).toEqual({ kind: 'complete' });
    expect(h.storageErrors).toHaveLength(1);
    expect(h.panelView().content).toBe('ab');
  });

  it('snapshots only what it has emitted, with the matching seq', async () => {
    const { openStream } = scripted(['abc', { wait: 100 }, { finish: true }]);
    const h = harness(openStream);
    await wait(30);
    const snap = h.handle.snapshot();
    expect(snap).toMatchObject({ messageId: 'm1', content: 'abc', state: { kind: 'streaming' } });
    expect(snap.seq).toBe(h.events.at(-1)?.seq);
    await h.handle.done;
  });
});
