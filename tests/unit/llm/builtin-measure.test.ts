// The built-in model's own numbers (issue 15): the meter's measure through the provider, and a
// context overflow during a reply, against the Web IDL fake.
import { describe, expect, it } from 'vitest';
import { createBuiltinProvider } from '@/lib/llm/builtin/provider';
import type { LanguageModelStatic } from '@/lib/llm/builtin/prompt-api';
import { describeFailure, type StreamPart } from '@/lib/llm/client';
import { failureToState } from '@/lib/llm/errors';
import type { ModelMessage } from '@/lib/prompt/messages';
import {
  createFakeLanguageModel,
  DEFAULT_FAKE_CONTROLS,
  newFakeLmLog,
  type FakeLmControls,
} from '@/tests/hooks/fake-language-model';

function setup(overrides: Partial<FakeLmControls> = {}) {
  const controls: FakeLmControls = { ...DEFAULT_FAKE_CONTROLS, chunkDelayMs: 1, ...overrides };
  const log = newFakeLmLog();
  const lm = createFakeLanguageModel({ controls: () => controls, hasActivation: () => false, log });
  const provider = createBuiltinProvider({ languageModel: lm as unknown as LanguageModelStatic });
  return { controls, log, lm, provider };
}

async function collect(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const p of stream) parts.push(p);
  return parts;
}
const text = (parts: StreamPart[]) => parts.map((p) => (p.type === 'text' ? p.text : '')).join('');

const q1: ModelMessage = { role: 'user', content: 'Hi' };
const a1: ModelMessage = { role: 'assistant', content: 'Hello from the built-in model.' };
const q2: ModelMessage = { role: 'user', content: 'And then?' };

describe('the built-in model’s own numbers', () => {
  it('a contextoverflow during a reply marks the session stale and says it ran out of room', async () => {
    const { provider, lm, log } = setup();
    const create = lm.create.bind(lm);
    // A browser that evicts turns while this reply streams (the fake evicts only on admission).
    let patched = false;
    lm.create = async (options?: Parameters<typeof create>[0]) => {
      const session = await create(options);
      if (patched) return session;
      patched = true;
      const stream = session.promptStreaming.bind(session);
      session.promptStreaming = (input: string, o?: { signal?: AbortSignal }) => {
        queueMicrotask(() => session.dispatchEvent(new Event('contextoverflow')));
        return stream(input, o);
      };
      return session;
    };
    const signal = new AbortController().signal;
    const parts: StreamPart[] = [];
    const error = await (async () => {
      for await (const p of provider.streamChat({ model: 'built-in', messages: [q1] }, signal))
        parts.push(p);
    })().then(
      () => null,
      (e: unknown) => e,
    );
    expect(text(parts)).toBe('Hello from the built-in model.');
    expect(parts.some((p) => p.type === 'finish')).toBe(false);
    const state = failureToState(describeFailure(error), { receivedText: true, online: true });
    expect(state).toMatchObject({ kind: 'error', code: 'context_length' });
    expect((error as Error).message).toMatch(/too long|ran out of room/i);
    // Stale: the follow-up does not reuse it.
    expect(log.destroyed).toBe(1);
    await collect(provider.streamChat({ model: 'built-in', messages: [q1, a1, q2] }, signal));
    expect(log.creates).toHaveLength(2);
  });

  it('measures texts with the session’s own numbers, and not while a reply streams', async () => {
    const { provider, controls, log } = setup({ contextWindow: 300, chunkDelayMs: 20 });
    const signal = new AbortController().signal;
    // The fake counts ceil(length / 4) per text.
    expect(await provider.measureUsage(['Be brief.', 'x'.repeat(41), ''], signal)).toEqual({
      tokens: 3 + 11,
      window: 300,
    });
    expect(log.destroyed).toBe(log.creates.length);
    controls.legacyNames = true;
    controls.contextWindow = 64;
    expect(await provider.measureUsage(['abcd'], signal)).toEqual({ tokens: 1, window: 64 });
    const reply = collect(provider.streamChat({ model: 'built-in', messages: [q1] }, signal));
    await new Promise((r) => setTimeout(r, 5));
    expect(await provider.measureUsage(['abcd'], signal)).toBeNull();
    await reply;
    expect(await provider.measureUsage(['abcd'], signal)).not.toBeNull();
  });
});
