import { describe, expect, it } from 'vitest';
import { createBuiltinProvider } from '@/lib/llm/builtin/provider';
import type { LanguageModelStatic } from '@/lib/llm/builtin/prompt-api';
import { remoteBuiltinProvider, serveBuiltin, type MiniPort } from '@/lib/llm/builtin/remote';
import { describeFailure, type StreamPart } from '@/lib/llm/client';
import { failureToState } from '@/lib/llm/errors';
import {
  createFakeLanguageModel,
  DEFAULT_FAKE_CONTROLS,
  newFakeLmLog,
  type FakeLmControls,
} from '@/tests/hooks/fake-language-model';

// An in-memory port pair, delivering asynchronously as runtime ports do.
function portPair() {
  type L = (m: unknown) => void;
  const make = () => ({ listeners: [] as L[], gone: [] as (() => void)[] });
  const a = make();
  const b = make();
  const end = (
    self: typeof a,
    other: typeof a,
  ): MiniPort<never, unknown> & { disconnect(): void } => ({
    postMessage: (m: unknown) => {
      const copy = structuredClone(m);
      queueMicrotask(() => other.listeners.forEach((l) => l(copy)));
    },
    onMessage: { addListener: (l: L) => self.listeners.push(l) },
    onDisconnect: { addListener: (l: () => void) => self.gone.push(l) },
    disconnect: () => other.gone.forEach((l) => l()),
  });
  return [end(a, b), end(b, a)] as const;
}

function setup(overrides: Partial<FakeLmControls> = {}) {
  const controls = { ...DEFAULT_FAKE_CONTROLS, chunkDelayMs: 2, ...overrides };
  const log = newFakeLmLog();
  const lm = createFakeLanguageModel({ controls: () => controls, hasActivation: () => false, log });
  const local = createBuiltinProvider({ languageModel: lm as unknown as LanguageModelStatic });
  const [worker, doc] = portPair();
  serveBuiltin(doc as never, () => local);
  const remote = remoteBuiltinProvider(async () => worker as never);
  return { remote, log, worker };
}

async function collect(stream: AsyncIterable<StreamPart>) {
  const parts: StreamPart[] = [];
  for await (const p of stream) parts.push(p);
  return parts;
}

describe('the built-in model over a port (offscreen host)', () => {
  it('streams the reply back and keeps the session across a follow-up', async () => {
    const { remote, log } = setup();
    const signal = new AbortController().signal;
    const parts = await collect(
      remote.streamChat({ model: 'built-in', messages: [{ role: 'user', content: 'Hi' }] }, signal),
    );
    expect(
      parts
        .filter((p) => p.type === 'text')
        .map((p) => (p as { text: string }).text)
        .join(''),
    ).toBe('Hello from the built-in model.');
    expect(parts.some((p) => p.type === 'finish')).toBe(true);
    await collect(
      remote.streamChat(
        {
          model: 'built-in',
          messages: [
            { role: 'user', content: 'Hi' },
            { role: 'assistant', content: 'Hello from the built-in model.' },
            { role: 'user', content: 'More' },
          ],
        },
        signal,
      ),
    );
    expect(log.creates).toHaveLength(1);
    expect(log.prompts).toEqual(['Hi', 'More']);
  });

  it('Stop reaches the document and ends as stopped', async () => {
    const { remote, log } = setup({ chunkDelayMs: 30 });
    const controller = new AbortController();
    const error = await (async () => {
      for await (const p of remote.streamChat(
        { model: 'built-in', messages: [{ role: 'user', content: 'Hi' }] },
        controller.signal,
      ))
        if (p.type === 'text') controller.abort();
    })().catch((e: unknown) => e);
    expect(failureToState(describeFailure(error), { receivedText: true, online: true })).toEqual({
      kind: 'stopped',
    });
    await new Promise((r) => setTimeout(r, 80));
    expect(log.destroyed).toBe(1);
  });

  it('errors keep their meaning across the port', async () => {
    const { remote } = setup({ availability: 'downloadable' });
    const error = await remote
      .complete(
        { model: 'built-in', messages: [{ role: 'user', content: 'Hi' }] },
        new AbortController().signal,
      )
      .catch((e: unknown) => e);
    expect(
      failureToState(describeFailure(error), { receivedText: false, online: true }),
    ).toMatchObject({
      kind: 'error',
      code: 'model_not_found',
      detail: expect.stringContaining('download'),
    });
  });

  it('a closed document fails the reply instead of hanging', async () => {
    const { remote, worker } = setup({ chunkDelayMs: 50 });
    const run = collect(
      remote.streamChat(
        { model: 'built-in', messages: [{ role: 'user', content: 'Hi' }] },
        new AbortController().signal,
      ),
    );
    setTimeout(() => (worker as unknown as { disconnect(): void }).disconnect(), 10);
    // The document's side sees the worker's port close; the worker's side sees the same here.
    await expect(run).rejects.toBeTruthy();
  });

  it('tells the session’s context window across the port', async () => {
    const { remote } = setup({ contextWindow: 3000 });
    expect(await remote.contextSize('built-in', new AbortController().signal)).toBe(3000);
  });

  it('measures with the session’s own numbers across the port', async () => {
    const { remote } = setup({ contextWindow: 1000 });
    expect(
      await remote.measureUsage(['x'.repeat(40), 'abc'], new AbortController().signal),
    ).toEqual({ tokens: 11, window: 1000 });
  });
});
