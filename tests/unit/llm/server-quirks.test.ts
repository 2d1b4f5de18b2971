/**
 * Local servers' quirks (issue 14, item 5), with the shapes llama.cpp's llama-server and Ollama
 * really send (../shared/tools/llama-server/README.md, Ollama's openai.go).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeFailure, listModels, streamChat, type StreamPart } from '@/lib/llm/client';
import { modelIdsOf } from '@/lib/llm/model-list';
import { failureToState } from '@/lib/llm/errors';
import { createOpenAiCompatibleProvider } from '@/lib/llm/openai-compatible';
import { createModerationProvider } from '@/lib/moderation/providers';
import { moderateTurn } from '@/lib/moderation/turn';
import { DEFAULT_MODERATION_SETTINGS } from '@/lib/model/moderation';

const config = { apiKey: '', baseUrl: 'http://127.0.0.1:8080/v1', timeoutMs: 1000 };
const never = new AbortController().signal;
const sse = (events: string[]) =>
  new Response(events.map((e) => `data: ${e}\n\n`).join(''), {
    headers: { 'content-type': 'text/event-stream' },
  });
const chunk = (delta: object, finish: string | null = null) =>
  JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });

async function run(response: Response) {
  vi.stubGlobal('fetch', async () => response);
  const parts: StreamPart[] = [];
  try {
    for await (const part of streamChat(config, { model: 'm', messages: [] }, never)) {
      parts.push(part);
    }
    return { parts, error: null };
  } catch (error) {
    return { parts, error };
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('streamed replies', () => {
  it('a role-only first chunk with content null adds no text', async () => {
    const { parts, error } = await run(
      sse([
        chunk({ role: 'assistant', content: null }),
        chunk({ content: 'Hi' }),
        chunk({}, 'stop'),
        '[DONE]',
      ]),
    );
    expect(error).toBeNull();
    expect(parts).toEqual([
      { type: 'text', text: 'Hi' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('llama.cpp’s progress chunks (role again, content null) add no text either', async () => {
    const progress = JSON.stringify({
      choices: [{ index: 0, finish_reason: null, delta: { role: 'assistant', content: null } }],
      prompt_progress: { total: 100, cache: 0, processed: 50, time_ms: 20 },
    });
    const { parts } = await run(
      sse([progress, progress, chunk({ content: 'ok' }), chunk({}, 'stop'), '[DONE]']),
    );
    expect(parts.filter((p) => p.type === 'text')).toEqual([{ type: 'text', text: 'ok' }]);
  });

  it('llama.cpp’s error after a 200 (numeric code, no [DONE]): its message, text kept', async () => {
    const { parts, error } = await run(
      sse([
        chunk({ role: 'assistant', content: null }),
        chunk({ content: 'Partial' }),
        JSON.stringify({
          error: { code: 500, message: 'llama_decode failed', type: 'server_error' },
        }),
      ]),
    );
    expect(parts).toEqual([{ type: 'text', text: 'Partial' }]);
    const failure = describeFailure(error);
    expect(failure).toEqual({ kind: 'api', status: 500, message: 'llama_decode failed' });
    expect(failureToState(failure, { receivedText: true, online: true })).toEqual({
      kind: 'error',
      code: 'server',
      detail: 'llama_decode failed',
    });
  });

  it('a 4xx code inside the stream keeps its meaning', async () => {
    const { error } = await run(
      sse([
        JSON.stringify({ error: { code: 400, message: 'bad', type: 'invalid_request_error' } }),
      ]),
    );
    expect(describeFailure(error)).toMatchObject({ kind: 'api', status: 400, message: 'bad' });
  });

  it('Ollama’s string error in the stream is shown as its text', async () => {
    const { error } = await run(
      sse([chunk({ content: 'a' }), '{"error":"model ran out of memory"}']),
    );
    expect(describeFailure(error)).toMatchObject({
      kind: 'api',
      status: 500,
      message: 'model ran out of memory',
    });
  });
});

describe('model lists', () => {
  it('llama.cpp: both an Ollama-style models list and OpenAI data (data wins, no duplicates)', () => {
    const answer = {
      models: [{ name: 'qwen-test', model: 'qwen-test', modified_at: '', size: '', digest: '' }],
      object: 'list',
      data: [{ id: 'qwen-test', object: 'model', owned_by: 'llamacpp', meta: { n_ctx: 4096 } }],
    };
    expect(modelIdsOf(answer)).toEqual(['qwen-test']);
  });

  it('Ollama with no model: data is null, an empty list, not an error', () => {
    expect(modelIdsOf({ object: 'list', data: null })).toEqual([]);
  });

  it('only an Ollama-style models list (/api/tags shape)', () => {
    expect(modelIdsOf({ models: [{ name: 'llama3.2:latest', model: 'llama3.2:latest' }] })).toEqual(
      ['llama3.2:latest'],
    );
  });

  it('anything else is not a model list', () => {
    expect(modelIdsOf('<html>')).toBeNull();
    expect(modelIdsOf({ object: 'list' })).toBeNull();
    expect(modelIdsOf(null)).toBeNull();
  });

  it('listModels reads them through the client', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ object: 'list', data: null }));
    expect(await listModels(config, never)).toEqual([]);
  });
});

describe('moderation on a server without /v1/moderations (404)', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  const turn = (failMode: 'allow' | 'hold', onUnsupported: () => void) => {
    vi.stubGlobal('fetch', async () => new Response('File Not Found', { status: 404 }));
    const settings = { ...DEFAULT_MODERATION_SETTINGS, failMode };
    const provider = createModerationProvider(settings, createOpenAiCompatibleProvider(config));
    const reports: unknown[] = [];
    const moderation = moderateTurn({
      settings,
      provider,
      userMessageId: 'u',
      userText: 'hello',
      assistantMessageId: 'a',
      report: (_id, record) => reports.push(record),
      onUnsupported,
    });
    return { moderation: moderation!, reports };
  };

  it('fail-open: the message goes, unmarked, and the endpoint is remembered once', async () => {
    const onUnsupported = vi.fn();
    const { moderation, reports } = turn('allow', onUnsupported);
    expect(await moderation.inputGate.verdict).toBeNull();
    await settle();
    expect(onUnsupported).toHaveBeenCalledTimes(1);
    expect(reports).toEqual([]);
  });

  it('fail-closed: the message is held as moderation unavailable', async () => {
    const { moderation, reports } = turn('hold', () => undefined);
    expect(await moderation.inputGate.verdict).toEqual({
      kind: 'error',
      code: 'moderation_unavailable',
    });
    expect(reports).toHaveLength(1);
  });
});

describe('llama.cpp error bodies', () => {
  it('a numeric code (its 404 for /v1/moderations) is not taken for an error code', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json(
        { error: { message: 'File Not Found', type: 'not_found_error', code: 404 } },
        { status: 404 },
      ),
    );
    const provider = createOpenAiCompatibleProvider(config);
    const failure = describeFailure(await provider.moderate('x', never).catch((e: unknown) => e));
    expect(failure).toEqual({
      kind: 'api',
      status: 404,
      message: '404 File Not Found',
      type: 'not_found_error',
    });
  });
});
