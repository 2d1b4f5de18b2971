/**
 * The first-token wait (issue 14): before the first token a server may read a long prompt in
 * silence while the connection stays open; only the first-token cap applies then, and the stall
 * watchdog applies between tokens after the first one.
 */
import { describe, expect, it } from 'vitest';
import { startGeneration } from '@/lib/engine/generation';
import { createWatchdog, silenceLimitMs } from '@/lib/engine/watchdog';
import type { StreamPart } from '@/lib/llm/client';

type Step = string | { wait: number } | { finish: true };

function run(steps: Step[], timing: { stallMs: number; firstTokenMs: number }, headersMs?: number) {
  return startGeneration(
    { messageId: 'm1', conversationId: 'c1' },
    {
      openStream: (signal) =>
        (async function* (): AsyncGenerator<StreamPart> {
          for (const step of steps) {
            if (typeof step === 'string') yield { type: 'text', text: step };
            else if ('finish' in step) yield { type: 'finish', reason: 'stop' };
            else
              await new Promise<void>((resolve, reject) => {
                const t = setTimeout(resolve, step.wait);
                signal.addEventListener('abort', () => {
                  clearTimeout(t);
                  reject(new DOMException('aborted', 'AbortError'));
                });
              });
          }
        })(),
      persist: async () => undefined,
      emit: () => undefined,
      onStorageError: () => undefined,
      isOnline: () => true,
      timing: { ...timing, flushMs: 40, coalesceMs: 10 },
      ...(headersMs ? { headersTimeoutMs: headersMs } : {}),
    },
  );
}

describe('silenceLimitMs', () => {
  it('is the first-token cap before any part, the stall limit after', () => {
    const limits = { stallMs: 45_000, firstTokenMs: 600_000, headersMs: 60_000 };
    expect(silenceLimitMs(limits, false)).toBe(600_000);
    expect(silenceLimitMs(limits, true)).toBe(45_000);
  });

  it('never waits for the first token less than the stall or headers limits', () => {
    expect(silenceLimitMs({ stallMs: 45_000, firstTokenMs: 1_000, headersMs: 60_000 }, false)).toBe(
      60_000,
    );
    expect(silenceLimitMs({ stallMs: 45_000, firstTokenMs: 1_000 }, false)).toBe(45_000);
  });
});

describe('createWatchdog', () => {
  it('fires once the latest deadline passes, and earlier when re-armed shorter', async () => {
    let fired = 0;
    const dog = createWatchdog(() => fired++);
    dog.arm(60);
    await new Promise((r) => setTimeout(r, 30));
    dog.arm(60); // moved later: not yet at 60 ms
    await new Promise((r) => setTimeout(r, 45));
    expect(fired).toBe(0);
    dog.arm(5); // moved earlier
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toBe(1);
    dog.clear();
  });

  it('clear stops it', async () => {
    let fired = 0;
    const dog = createWatchdog(() => fired++);
    dog.arm(10);
    dog.clear();
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toBe(0);
  });
});

describe('the first-token wait in a generation', () => {
  it('silence before the first token longer than the stall limit still completes', async () => {
    const h = run([{ wait: 400 }, 'late ', 'answer', { finish: true }], {
      stallMs: 100,
      firstTokenMs: 2_000,
    });
    expect(await h.done).toEqual({ kind: 'complete' });
    expect(h.snapshot().content).toBe('late answer');
  });

  it('ends as first_token (its own sentence) once the first-token cap passes', async () => {
    const started = Date.now();
    const h = run([{ wait: 5_000 }, 'never'], { stallMs: 50, firstTokenMs: 300 });
    expect(await h.done).toEqual({ kind: 'interrupted', reason: 'first_token' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('after the first token, the stall limit applies, not the first-token cap', async () => {
    const started = Date.now();
    const h = run(['first ', { wait: 5_000 }, 'never'], { stallMs: 100, firstTokenMs: 3_000 });
    expect(await h.done).toEqual({ kind: 'interrupted', reason: 'stalled' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(h.snapshot().content).toBe('first ');
  });

  it('Stop works while the prompt is being read', async () => {
    const h = run([{ wait: 5_000 }, 'never'], { stallMs: 50, firstTokenMs: 10_000 });
    await new Promise((r) => setTimeout(r, 100));
    const stopped = Date.now();
    h.stop();
    expect(await h.done).toEqual({ kind: 'stopped' });
    expect(Date.now() - stopped).toBeLessThan(500);
  });
});
