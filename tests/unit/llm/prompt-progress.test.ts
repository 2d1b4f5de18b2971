/**
 * llama.cpp's prompt progress (issue 14, item 3): asked only of a server whose model list says it
 * is llama.cpp, read from its role-only chunks (the shape of tools/server/server-task.cpp), and
 * forwarded by the generation to the panel as an event that is not a token.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { streamChat, type StreamPart } from '@/lib/llm/client';
import {
  isLlamaCppModelList,
  knownLlamaCpp,
  noteModelList,
  readPromptProgress,
} from '@/lib/llm/prompt-progress';
import { readContextSize } from '@/lib/llm/context-size';
import { startGeneration } from '@/lib/engine/generation';
import { applyEvent, EMPTY_CHAT } from '@/lib/panel/panel-state';
import type { PromptProgressEvent } from '@/lib/protocol';

const never = new AbortController().signal;
const llamaChunk = (progress: object) =>
  JSON.stringify({
    choices: [{ finish_reason: null, index: 0, delta: { role: 'assistant', content: null } }],
    created: 1,
    id: 'chatcmpl-1',
    model: 'tiny',
    system_fingerprint: 'b7000-abcdef',
    object: 'chat.completion.chunk',
    prompt_progress: progress,
  });
const textChunk = (content: string, finish: string | null = null) =>
  JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] });
const sse = (events: string[]) =>
  new Response(events.map((e) => `data: ${e}\n\n`).join(''), {
    headers: { 'content-type': 'text/event-stream' },
  });
const llamaModels = {
  object: 'list',
  data: [{ id: 'tiny', object: 'model', owned_by: 'llamacpp', meta: { n_ctx: 4096 } }],
};

afterEach(() => vi.unstubAllGlobals());

describe('reading prompt_progress', () => {
  it('reads llama.cpp’s fields, rounding its fractional time', () => {
    const chunk = JSON.parse(
      llamaChunk({ total: 2560, cache: 0, processed: 1200, time_ms: 14012.6 }),
    ) as unknown;
    expect(readPromptProgress(chunk)).toEqual({
      processed: 1200,
      total: 2560,
      cache: 0,
      timeMs: 14013,
    });
  });
  it.each([
    [{}],
    [{ prompt_progress: null }],
    [{ prompt_progress: { total: 10, cache: 0, processed: 11, time_ms: 1 } }],
    [{ prompt_progress: { total: 10, cache: 0, processed: '5', time_ms: 1 } }],
    [{ prompt_progress: { total: 10, cache: -1, processed: 5, time_ms: 1 } }],
    [{ prompt_progress: { total: 10, cache: 0, processed: 5 } }],
  ])('ignores %j', (chunk) => {
    expect(readPromptProgress(chunk)).toBeNull();
  });
  it('knows llama.cpp by its model list only', () => {
    expect(isLlamaCppModelList(llamaModels)).toBe(true);
    expect(isLlamaCppModelList({ data: [{ id: 'gpt', owned_by: 'openai' }] })).toBe(false);
    expect(isLlamaCppModelList({ models: [] })).toBe(false);
    expect(isLlamaCppModelList(null)).toBe(false);
  });
});

async function stream(baseUrl: string, events: string[]) {
  const bodies: Record<string, unknown>[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    bodies.push(JSON.parse(init.body) as Record<string, unknown>);
    return sse(events);
  });
  const parts: StreamPart[] = [];
  const config = { apiKey: '', baseUrl, timeoutMs: 1000 };
  for await (const part of streamChat(config, { model: 'tiny', messages: [] }, never)) {
    parts.push(part);
  }
  return { parts, body: bodies[0] };
}

describe('asking for it', () => {
  const events = [
    llamaChunk({ total: 30, cache: 0, processed: 0, time_ms: 0 }),
    llamaChunk({ total: 30, cache: 0, processed: 30, time_ms: 210.5 }),
    textChunk('Hi'),
    textChunk('', 'stop'),
    '[DONE]',
  ];
  it('a server not known to be llama.cpp is never sent return_progress', async () => {
    const { parts, body } = await stream('http://127.0.0.1:1234/v1', events);
    expect(body).not.toHaveProperty('return_progress');
    expect(parts.map((p) => p.type)).toEqual(['text', 'finish']);
  });
  it('once its model list says llama.cpp (the context-size probe), replies ask and read it', async () => {
    const baseUrl = 'http://127.0.0.1:8080/v1';
    const fetchJson = vi.fn(async () => ({ ok: true, json: async () => llamaModels }));
    expect(await readContextSize(fetchJson, { baseUrl, apiKey: '' }, 'tiny', never)).toBe(4096);
    expect(knownLlamaCpp(baseUrl)).toBe(true);
    expect(knownLlamaCpp('http://127.0.0.1:1234/v1')).toBe(false);
    const { parts, body } = await stream(baseUrl, events);
    expect(body).toMatchObject({ return_progress: true, stream: true });
    expect(parts).toEqual([
      { type: 'progress', processed: 0, total: 30, cache: 0, timeMs: 0 },
      { type: 'progress', processed: 30, total: 30, cache: 0, timeMs: 211 },
      { type: 'text', text: 'Hi' },
      { type: 'finish', reason: 'stop' },
    ]);
    // The same server answering another list later (another server on that port) is forgotten.
    noteModelList(baseUrl, { data: [{ id: 'x', owned_by: 'organization_owner' }] });
    expect(knownLlamaCpp(baseUrl)).toBe(false);
  });
});

describe('forwarding it', () => {
  it('the generation emits prompt_progress events; they are not tokens, and the cap stands', async () => {
    const emitted: unknown[] = [];
    // Like the real stream, an abort ends the wait.
    const sleep = (ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    async function* openStream(signal: AbortSignal): AsyncGenerator<StreamPart> {
      yield { type: 'progress', processed: 0, total: 100, cache: 0, timeMs: 0 };
      await sleep(150, signal);
      yield { type: 'progress', processed: 50, total: 100, cache: 0, timeMs: 150 };
      await sleep(2_000, signal);
      yield { type: 'text', text: 'late' };
    }
    const started = Date.now();
    const h = startGeneration(
      { messageId: 'm1', conversationId: 'c1' },
      {
        openStream,
        persist: async () => undefined,
        emit: (e) => emitted.push(e),
        onStorageError: () => undefined,
        isOnline: () => true,
        // A stall limit shorter than the gap between progress chunks: progress is not a token.
        timing: { stallMs: 50, firstTokenMs: 400, flushMs: 20, coalesceMs: 5 },
      },
    );
    expect(await h.done).toEqual({ kind: 'interrupted', reason: 'first_token' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(emitted.filter((e) => (e as { type: string }).type === 'prompt_progress')).toEqual([
      { type: 'prompt_progress', messageId: 'm1', processed: 0, total: 100, cache: 0, timeMs: 0 },
      {
        type: 'prompt_progress',
        messageId: 'm1',
        processed: 50,
        total: 100,
        cache: 0,
        timeMs: 150,
      },
    ]);
  });
  it('the panel keeps the latest progress of a reply', () => {
    const event: PromptProgressEvent = {
      type: 'prompt_progress',
      messageId: 'a1',
      processed: 1200,
      total: 2560,
      cache: 0,
      timeMs: 14_000,
    };
    const { chat, needsSync } = applyEvent(EMPTY_CHAT, event);
    expect(needsSync).toBe(false);
    expect(chat.progress).toEqual({
      messageId: 'a1',
      processed: 1200,
      total: 2560,
      timeMs: 14_000,
    });
  });
});
