import { describe, expect, it } from 'vitest';
import { startGeneration } from '@/lib/engine/generation';
import { moderateTurn } from '@/lib/moderation/turn';
import { createModerationProvider } from '@/lib/moderation/providers';
import { DEFAULT_MODERATION_SETTINGS, type ModerationSettings } from '@/lib/model/moderation';
import type { StreamPart } from '@/lib/llm/client';
import type { DeltaEvent, PromptProgressEvent, StateEvent } from '@/lib/protocol';
import type { MessageState, ModerationRecord } from '@/lib/model/types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stream(parts: string[], gapMs = 10) {
  let opened = 0;
  let abortedAt = -1;
  return {
    opened: () => opened,
    abortedAt: () => abortedAt,
    open: (signal: AbortSignal) => {
      opened = Date.now();
      return (async function* (): AsyncGenerator<StreamPart> {
        for (const text of parts) {
          await sleep(gapMs);
          if (signal.aborted) {
            abortedAt = Date.now();
            throw new DOMException('aborted', 'AbortError');
          }
          yield { type: 'text', text };
        }
        yield { type: 'finish', reason: 'stop' };
      })();
    },
  };
}

function run(
  settings: Partial<ModerationSettings>,
  flagWords: string[],
  delayMs: number,
  parts: string[],
) {
  const records: [string, ModerationRecord][] = [];
  const moderation = moderateTurn({
    settings: { ...DEFAULT_MODERATION_SETTINGS, ...settings },
    provider: createModerationProvider(
      { ...DEFAULT_MODERATION_SETTINGS, ...settings },
      {
        moderate: async (input) => {
          await sleep(delayMs);
          const hit = flagWords.some((w) => input.includes(w));
          return {
            flagged: hit,
            categories: { violence: hit },
            category_scores: { violence: hit ? 0.9 : 0.01 },
          };
        },
      },
    ),
    userMessageId: 'u',
    userText: 'how to build a bomb',
    assistantMessageId: 'a',
    report: (id, r) => records.push([id, r]),
  });
  if (!moderation) throw new Error('moderation off');
  const s = stream(parts);
  const events: (DeltaEvent | StateEvent | PromptProgressEvent)[] = [];
  const writes: { content: string; state: MessageState }[] = [];
  const startedAt = Date.now();
  const handle = startGeneration(
    { messageId: 'a', conversationId: 'c' },
    {
      openStream: s.open,
      persist: async (u) => void writes.push(u),
      emit: (e) => events.push(e),
      onStorageError: () => undefined,
      isOnline: () => true,
      inputGate: moderation.inputGate,
      onText: moderation.onText,
    },
  );
  return { handle, events, writes, records, startedAt, stream: s, moderation };
}

describe('input gate', () => {
  it('block: a flagged message aborts the generation before any text is shown', async () => {
    const r = run({ mode: 'block' }, ['bomb'], 30, ['Sure, ', 'here ', 'is ', 'how']);
    const state = await r.handle.done;
    expect(state).toEqual({ kind: 'blocked', categories: ['violence'] });
    expect(r.events.filter((e) => e.type === 'delta')).toHaveLength(0);
    expect(r.writes.at(-1)).toEqual({ content: '', state });
    expect(r.records[0]).toEqual([
      'u',
      expect.objectContaining({ flagged: true, action: 'block' }),
    ]);
    expect(r.stream.abortedAt()).toBeGreaterThan(0);
  });

  it('warn: the reply starts at once and streams while a slow check runs, with a notice recorded', async () => {
    const r = run({ mode: 'warn' }, ['bomb'], 300, ['a', 'b', 'c']);
    expect(r.stream.opened() - r.startedAt).toBeLessThan(50);
    const state = await r.handle.done;
    const firstDelta = r.events.find((e) => e.type === 'delta');
    expect(firstDelta).toBeDefined();
    expect(state).toEqual({ kind: 'complete' });
    await sleep(350);
    expect(r.records.find(([id]) => id === 'u')?.[1]).toMatchObject({
      flagged: true,
      action: 'warn',
    });
  });

  it('block, not flagged: held text is released when the check passes', async () => {
    const r = run({ mode: 'block' }, ['nothing-matches'], 50, ['one ', 'two']);
    expect(await r.handle.done).toEqual({ kind: 'complete' });
    expect(
      r.events
        .filter((e) => e.type === 'delta')
        .map((e) => (e as DeltaEvent).text)
        .join(''),
    ).toBe('one two');
  });

  it('hold when unavailable: the reply ends with a clear error and nothing shown', async () => {
    const settings = { ...DEFAULT_MODERATION_SETTINGS, failMode: 'hold' as const };
    const moderation = moderateTurn({
      settings,
      provider: createModerationProvider(settings, {
        moderate: async () => {
          throw Object.assign(new Error('down'), { status: 500 });
        },
      }),
      userMessageId: 'u',
      userText: 'hello',
      assistantMessageId: 'a',
      report: () => undefined,
    });
    const s = stream(['hi']);
    const handle = startGeneration(
      { messageId: 'a', conversationId: 'c' },
      {
        openStream: s.open,
        persist: async () => undefined,
        emit: () => undefined,
        onStorageError: () => undefined,
        isOnline: () => true,
        ...(moderation ? { inputGate: moderation.inputGate } : {}),
      },
    );
    expect(await handle.done).toEqual({ kind: 'error', code: 'moderation_unavailable' });
  });
});

describe('providers', () => {
  it('a 404 means the endpoint has no moderation (unsupported), other failures unavailable', async () => {
    const make = (status: number) =>
      createModerationProvider(DEFAULT_MODERATION_SETTINGS, {
        moderate: async () => {
          throw Object.assign(new Error('x'), { status });
        },
      });
    expect(await make(404).check('x', 'user')).toEqual({ ok: false, reason: 'unsupported' });
    expect(await make(500).check('x', 'user')).toMatchObject({ ok: false, reason: 'unavailable' });
  });
  it('times out a slow endpoint as unavailable', async () => {
    const provider = createModerationProvider(DEFAULT_MODERATION_SETTINGS, {
      timeoutMs: 30,
      moderate: (_input, signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () =>
            reject(new DOMException('timeout', 'TimeoutError')),
          ),
        ),
    });
    expect(await provider.check('x', 'user')).toMatchObject({ ok: false, reason: 'unavailable' });
  });
  it('a Llama Guard model answers through the chat endpoint', async () => {
    const settings: ModerationSettings = {
      ...DEFAULT_MODERATION_SETTINGS,
      provider: 'llama-guard',
    };
    const provider = createModerationProvider(settings, { complete: async () => 'unsafe\nS10' });
    expect(await provider.check('x', 'user')).toEqual({
      ok: true,
      flagged: true,
      categories: ['hate'],
      scores: { hate: 1 },
    });
  });
});
