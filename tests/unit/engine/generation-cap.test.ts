import { describe, expect, it } from 'vitest';
import { startGeneration, type GenerationDeps } from '@/lib/engine/generation';
import { fitToCap, REPLY_CAP_CHARS } from '@/lib/engine/reply-cap';
import type { StreamPart } from '@/lib/llm/client';
import type { DeltaEvent, PromptProgressEvent, StateEvent } from '@/lib/protocol';
import type { MessageState } from '@/lib/model/types';
import { INTERRUPT_MESSAGES } from '@/lib/llm/errors';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A model that never stops: `size`-character chunks every `everyMs` until aborted. */
function endless(size: number, everyMs = 0) {
  const seen = { signal: null as AbortSignal | null };
  const openStream: GenerationDeps['openStream'] = (signal) => {
    seen.signal = signal;
    return (async function* (): AsyncGenerator<StreamPart> {
      while (!signal.aborted) {
        yield { type: 'text', text: 'x'.repeat(size - 1) + '\n' };
        await wait(everyMs);
      }
    })();
  };
  return { openStream, seen };
}

function run(
  openStream: GenerationDeps['openStream'],
  options: { persistMs?: number; capChars?: number } = {},
) {
  const events: (DeltaEvent | StateEvent | PromptProgressEvent)[] = [];
  const writes: { content: string; state: MessageState }[] = [];
  let writing = 0;
  let overlapped = false;
  const handle = startGeneration(
    { messageId: 'm1', conversationId: 'c1' },
    {
      openStream,
      persist: async (u) => {
        overlapped ||= writing > 0;
        writing++;
        if (options.persistMs) await wait(options.persistMs);
        writes.push(u);
        writing--;
      },
      emit: (e) => events.push(e),
      onStorageError: () => undefined,
      isOnline: () => true,
      timing: { stallMs: 5_000, flushMs: 20, coalesceMs: 5 },
      ...(options.capChars ? { capChars: options.capChars } : {}),
    },
  );
  return { handle, events, writes, overlapped: () => overlapped };
}

describe('reply cap', () => {
  it('ends an endless reply at 2 MB as interrupted(too_long), text kept and stored', async () => {
    const model = endless(100_000);
    const h = run(model.openStream);
    expect(await h.handle.done).toEqual({ kind: 'interrupted', reason: 'too_long' });
    const last = h.writes.at(-1);
    expect(last?.state).toEqual({ kind: 'interrupted', reason: 'too_long' });
    expect(last?.content.length).toBe(REPLY_CAP_CHARS);
    expect(REPLY_CAP_CHARS).toBe(2_000_000);
    // The request itself is let go, not left streaming into the void.
    expect(model.seen.signal?.aborted).toBe(true);
    const final = h.events.at(-1);
    expect(final).toMatchObject({ type: 'state', content: last?.content });
  });

  it('says why in one sentence', () => {
    expect(INTERRUPT_MESSAGES.too_long).toBe(
      'The reply was stopped at 2 MB: that is longer than Parley keeps.',
    );
  });

  it('a reply of exactly the cap that then finishes is complete', async () => {
    const openStream: GenerationDeps['openStream'] = () =>
      (async function* (): AsyncGenerator<StreamPart> {
        yield { type: 'text', text: 'a'.repeat(60) };
        yield { type: 'text', text: 'b'.repeat(40) };
        yield { type: 'finish', reason: 'stop' };
      })();
    const h = run(openStream, { capChars: 100 });
    expect(await h.handle.done).toEqual({ kind: 'complete' });
    expect(h.writes.at(-1)?.content.length).toBe(100);
  });

  it('never cuts a character in half at the cap', () => {
    expect(fitToCap(8, 'ab😀cd', 11)).toEqual({ text: 'ab', over: true });
    expect(fitToCap(8, 'ab😀cd', 12)).toEqual({ text: 'ab😀', over: true });
    expect(fitToCap(0, 'abc', 3)).toEqual({ text: 'abc', over: false });
    expect(fitToCap(5, 'abc', 3)).toEqual({ text: '', over: true });
  });
});

describe('flushes under slow storage', () => {
  it('never queues writes behind each other, and Stop ends the reply within one write', async () => {
    // Storage slower than the flush window (a multi-MB record took longer than 250 ms).
    const model = endless(1_000, 1);
    const h = run(model.openStream, { persistMs: 60 });
    await wait(400);
    const stoppedAt = performance.now();
    h.handle.stop();
    const terminal = await new Promise<number>((resolve) => {
      const poll = () => {
        const last = h.events.at(-1);
        if (last?.type === 'state' && last.state.kind === 'stopped') resolve(performance.now());
        else setTimeout(poll, 2);
      };
      poll();
    });
    expect(await h.handle.done).toEqual({ kind: 'stopped' });
    // At most the write in flight and the final one: not 400 ms / 20 ms of queued rewrites.
    expect(terminal - stoppedAt).toBeLessThan(100);
    expect(h.writes.length).toBeLessThanOrEqual(9);
    expect(h.overlapped()).toBe(false);
    expect(h.writes.at(-1)?.state).toEqual({ kind: 'stopped' });
  });
});

describe('Stop where the user saw it', () => {
  it('ends the reply at the length the panel had shown, not at text the user never saw', async () => {
    const model = endless(1_000, 1);
    const h = run(model.openStream);
    await wait(100);
    // The panel showed 5,000 characters (it was behind the stream) when the user pressed Stop.
    h.handle.stop(5_000);
    expect(await h.handle.done).toEqual({ kind: 'stopped' });
    expect(h.writes.at(-1)?.content.length).toBe(5_000);
    expect(h.events.at(-1)).toMatchObject({ type: 'state', state: { kind: 'stopped' } });
    expect((h.events.at(-1) as StateEvent).content?.length).toBe(5_000);
  });

  it('keeps the whole text when the panel had shown all of it (or did not say)', async () => {
    const model = endless(1_000, 1);
    const h = run(model.openStream);
    await wait(50);
    h.handle.stop();
    await h.handle.done;
    const kept = h.writes.at(-1)?.content.length ?? 0;
    expect(kept).toBeGreaterThan(1_000);
    const again = run(endless(1_000, 1).openStream);
    await wait(50);
    again.handle.stop(10_000_000);
    await again.handle.done;
    expect(again.writes.at(-1)?.content.length).toBeGreaterThan(1_000);
  });
});
