import { describe, expect, it } from 'vitest';
import { createBuiltinProvider } from '@/lib/llm/builtin/provider';
import type { LanguageModelStatic } from '@/lib/llm/builtin/prompt-api';
import { describeFailure, type StreamPart } from '@/lib/llm/client';
import { failureToState } from '@/lib/llm/errors';
import {
  createFakeLanguageModel,
  DEFAULT_FAKE_CONTROLS,
  newFakeLmLog,
  type FakeLmControls,
} from '@/tests/hooks/fake-language-model';
import type { ModelMessage } from '@/lib/prompt/messages';

function setup(overrides: Partial<FakeLmControls> = {}, activation = false) {
  const controls: FakeLmControls = { ...DEFAULT_FAKE_CONTROLS, chunkDelayMs: 1, ...overrides };
  const log = newFakeLmLog();
  const lm = createFakeLanguageModel({
    controls: () => controls,
    hasActivation: () => activation,
    log,
  });
  const provider = createBuiltinProvider({ languageModel: lm as unknown as LanguageModelStatic });
  return { controls, log, lm, provider };
}

async function collect(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const p of stream) parts.push(p);
  return parts;
}
const text = (parts: StreamPart[]) => parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
const stateOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return failureToState(describeFailure(error), { receivedText: false, online: true });
};

const sys: ModelMessage = { role: 'system', content: 'Be brief.' };
const q1: ModelMessage = { role: 'user', content: 'Hi' };
const a1: ModelMessage = { role: 'assistant', content: 'Hello from the built-in model.' };
const q2: ModelMessage = { role: 'user', content: 'And then?' };

describe('built-in provider', () => {
  it('streams increments, ends with finish and the session’s own usage', async () => {
    const { provider, log } = setup();
    const parts = await collect(
      provider.streamChat({ model: 'built-in', messages: [sys, q1] }, new AbortController().signal),
    );
    expect(text(parts)).toBe('Hello from the built-in model.');
    expect(parts.some((p) => p.type === 'finish')).toBe(true);
    expect(parts.find((p) => p.type === 'usage')).toMatchObject({ type: 'usage' });
    expect(log.creates[0]?.initialPrompts).toEqual([sys]);
    expect(log.creates[0]?.expectedInputs).toEqual([
      { type: 'text', languages: ['en', 'es', 'ja'] },
    ]);
    expect(log.availability[0]).toMatchObject({
      expectedOutputs: [{ type: 'text', languages: ['en', 'es', 'ja'] }],
    });
    expect(log.prompts).toEqual(['Hi']);
  });

  it('takes only the tail of cumulative chunks (the earliest builds)', async () => {
    const { provider } = setup({ cumulative: true });
    const parts = await collect(
      provider.streamChat({ model: 'built-in', messages: [q1] }, new AbortController().signal),
    );
    expect(text(parts)).toBe('Hello from the built-in model.');
  });

  it('reuses the session while the branch only grows, and re-creates it on a regenerate', async () => {
    const { provider, log } = setup();
    const signal = new AbortController().signal;
    await collect(provider.streamChat({ model: 'built-in', messages: [sys, q1] }, signal));
    await collect(provider.streamChat({ model: 'built-in', messages: [sys, q1, a1, q2] }, signal));
    expect(log.creates).toHaveLength(1);
    expect(log.prompts).toEqual(['Hi', 'And then?']);
    // Regenerate the second answer: the history is shorter than the session's.
    await collect(provider.streamChat({ model: 'built-in', messages: [sys, q1, a1, q2] }, signal));
    expect(log.creates).toHaveLength(2);
    expect(log.creates[1]?.initialPrompts).toEqual([sys, q1, a1]);
    expect(log.destroyed).toBe(1);
  });

  it('re-creates the session after an edit changed an earlier turn', async () => {
    const { provider, log } = setup();
    const signal = new AbortController().signal;
    await collect(provider.streamChat({ model: 'built-in', messages: [sys, q1] }, signal));
    await collect(provider.streamChat({ model: 'built-in', messages: [sys, q1, a1, q2] }, signal));
    const edited = { role: 'user' as const, content: 'And after that?' };
    await collect(
      provider.streamChat({ model: 'built-in', messages: [sys, q1, a1, edited] }, signal),
    );
    expect(log.creates).toHaveLength(2);
    expect(log.creates[1]?.initialPrompts).toEqual([sys, q1, a1]);
    expect(log.destroyed).toBe(1);
  });

  it('Stop aborts the stream as stopped and drops the session', async () => {
    const { provider, log } = setup({ chunkDelayMs: 30 });
    const controller = new AbortController();
    const parts: StreamPart[] = [];
    const run = (async () => {
      for await (const p of provider.streamChat(
        { model: 'built-in', messages: [q1] },
        controller.signal,
      )) {
        parts.push(p);
        controller.abort();
      }
    })();
    expect(await stateOf(run)).toEqual({ kind: 'stopped' });
    expect(text(parts)).toBe('Hello');
    expect(log.destroyed).toBe(1);
  });

  it('maps the Prompt API’s errors onto Parley’s states', async () => {
    const signal = new AbortController().signal;
    const run = (o: Partial<FakeLmControls>, messages: ModelMessage[] = [q1]) =>
      stateOf(collect(setup(o).provider.streamChat({ model: 'built-in', messages }, signal)));
    expect(await run({ availability: 'unavailable' })).toMatchObject({
      kind: 'error',
      code: 'model_not_found',
    });
    // A download from the worker has no user activation.
    expect(await run({ availability: 'downloadable' })).toMatchObject({
      kind: 'error',
      code: 'model_not_found',
      detail: expect.stringContaining('download it in Settings'),
    });
    expect(await run({ contextWindow: 3 }, [{ role: 'user', content: 'x'.repeat(40) }])).toEqual({
      kind: 'error',
      code: 'context_length',
    });
    expect(await run({ failWith: 'NotSupportedError' })).toMatchObject({
      kind: 'error',
      code: 'bad_request',
      detail: expect.stringContaining('language'),
    });
    expect(await run({ failWith: 'UnknownError' })).toMatchObject({
      kind: 'error',
      code: 'server',
    });
  });

  it('a QuotaExceededError carries requested and quota', async () => {
    const { lm } = setup({ contextWindow: 2 });
    const error = await lm
      .create({ initialPrompts: [{ role: 'user', content: 'x'.repeat(20) }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'QuotaExceededError', requested: 5, quota: 2 });
  });

  it('lets a kept session go before its window would overflow, instead of prompting it', async () => {
    const { provider, log } = setup({ contextWindow: 20, legacyNames: true });
    const signal = new AbortController().signal;
    await collect(provider.streamChat({ model: 'built-in', messages: [q1] }, signal));
    const long = { role: 'user' as const, content: 'y'.repeat(40) };
    await collect(provider.streamChat({ model: 'built-in', messages: [q1, a1, long] }, signal));
    expect(log.destroyed).toBe(0);
    // The third question would overflow the kept session (the browser would evict turns on its
    // own): it goes, and a new session is given the history, which here (untrimmed) is too long.
    const third = collect(
      provider.streamChat({ model: 'built-in', messages: [q1, a1, long, a1, q2] }, signal),
    );
    expect(await stateOf(third)).toMatchObject({ kind: 'error', code: 'context_length' });
    expect(log.prompts).toEqual(['Hi', long.content]);
    expect(log.destroyed).toBeGreaterThanOrEqual(1);
  });

  it('runs parallel requests one after another when a second session is refused', async () => {
    const { provider, log } = setup({ maxSessions: 1 });
    const signal = new AbortController().signal;
    const [a, b] = await Promise.all([
      collect(provider.streamChat({ model: 'built-in', messages: [q1] }, signal)),
      collect(provider.streamChat({ model: 'built-in', messages: [q2] }, signal)),
    ]);
    expect(text(a)).toBe(text(b));
    expect(log.creates.length).toBeGreaterThanOrEqual(2);
  });

  it('downloads only with user activation, with progress 0 → 1', async () => {
    const { lm, log } = setup({ availability: 'downloadable', downloadDelayMs: 1 }, true);
    const seen: number[] = [];
    const session = await lm.create({
      monitor: (m) =>
        m.addEventListener('downloadprogress', (e) =>
          seen.push((e as unknown as { loaded: number }).loaded),
        ),
    });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(log.progress).toEqual(seen);
    expect(await lm.availability()).toBe('available');
    session.destroy();
  });

  it('lists one model, has no moderation, and completes titles in a fresh session', async () => {
    const { provider, log } = setup();
    const signal = new AbortController().signal;
    expect(await provider.listModels(signal)).toEqual(['built-in']);
    await expect(provider.moderate('x', signal)).rejects.toMatchObject({ status: 501 });
    expect(await provider.complete({ model: 'built-in', messages: [sys, q1] }, signal)).toBe(
      'Hello from the built-in model.',
    );
    expect(log.destroyed).toBe(1);
  });

  it('is unavailable where there is no LanguageModel', async () => {
    const provider = createBuiltinProvider({ languageModel: undefined });
    expect(
      await stateOf(
        collect(
          provider.streamChat({ model: 'built-in', messages: [q1] }, new AbortController().signal),
        ),
      ),
    ).toMatchObject({ code: 'model_not_found' });
  });

  it('reports the session’s own context window, old names too', async () => {
    const signal = new AbortController().signal;
    expect(await setup({ contextWindow: 6144 }).provider.contextSize('built-in', signal)).toBe(
      6144,
    );
    expect(
      await setup({ contextWindow: 2048, legacyNames: true }).provider.contextSize(
        'built-in',
        signal,
      ),
    ).toBe(2048);
    expect(
      await setup({ availability: 'downloadable' }).provider.contextSize('built-in', signal),
    ).toBeNull();
  });

  it('gives an idle session back after a while', async () => {
    const controls = { ...DEFAULT_FAKE_CONTROLS, chunkDelayMs: 1 };
    const log = newFakeLmLog();
    const lm = createFakeLanguageModel({
      controls: () => controls,
      hasActivation: () => false,
      log,
    });
    const provider = createBuiltinProvider({
      languageModel: lm as unknown as LanguageModelStatic,
      idleMs: 20,
    });
    await collect(
      provider.streamChat({ model: 'built-in', messages: [q1] }, new AbortController().signal),
    );
    expect(log.destroyed).toBe(0);
    await new Promise((r) => setTimeout(r, 40));
    expect(log.destroyed).toBe(1);
  });
});
