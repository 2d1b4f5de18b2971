/**
 * The requests Parley builds from the SDK's parts (lib/llm/client): what goes on the wire, and
 * how each way of failing reaches `describeFailure`. fetch is stubbed; the E2E tier runs the
 * same code against the loopback server.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  completeChat,
  describeFailure,
  listModels,
  moderateText,
  streamChat,
  type LlmConfig,
} from '@/lib/llm/client';

const config: LlmConfig = { apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:1/v1/', timeoutMs: 50 };
const never = new AbortController().signal;

function stubFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond(url, init);
  });
  return calls;
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
const sse = (events: string[]) =>
  new Response(events.map((e) => `data: ${e}\n\n`).join(''), {
    headers: { 'content-type': 'text/event-stream' },
  });
const chunk = (delta: object, finish: string | null = null) =>
  JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }] });

async function failureOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    return describeFailure(error);
  }
  throw new Error('did not fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('llm client', () => {
  it('streams text, the finish reason and usage from a chat completion', async () => {
    const calls = stubFetch(() =>
      sse([
        chunk({ role: 'assistant', content: 'Hel' }),
        chunk({ content: 'lo' }),
        chunk({}, 'stop'),
        '[DONE]',
      ]),
    );
    const parts = [];
    for await (const part of streamChat(
      config,
      { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
      never,
    ))
      parts.push(part);
    // One network chunk held both deltas: they arrive as one text part (issue 17).
    expect(parts).toEqual([
      { type: 'text', text: 'Hello' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(calls[0]?.url).toBe('http://127.0.0.1:1/v1/chat/completions');
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer sk-test');
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
  });

  it('sends a placeholder bearer to servers without a key', async () => {
    const calls = stubFetch(() => json({ data: [{ id: 'b' }, { id: 'a' }, { id: 3 }] }));
    expect(await listModels({ ...config, apiKey: '' }, never)).toEqual(['a', 'b']);
    expect((calls[0]?.init.headers as Record<string, string>).Authorization).toBe('Bearer no-key');
    expect(calls[0]?.init.method).toBe('GET');
  });

  it('reads a completion and a moderation result', async () => {
    stubFetch((url) =>
      url.endsWith('/moderations')
        ? json({
            results: [
              { flagged: true, categories: { hate: true }, category_scores: { hate: 0.9 } },
            ],
          })
        : json({ choices: [{ message: { content: 'A title' } }] }),
    );
    expect(await completeChat(config, { model: 'm', messages: [], maxTokens: 5 }, never)).toBe(
      'A title',
    );
    expect(await moderateText(config, 'x', never)).toEqual({
      flagged: true,
      categories: { hate: true },
      category_scores: { hate: 0.9 },
    });
  });

  it('turns an error body into status, code and Retry-After', async () => {
    stubFetch(() =>
      json(
        { error: { message: 'Slow down', type: 'requests', code: 'rate_limit_exceeded' } },
        429,
        { 'retry-after': '2' },
      ),
    );
    expect(await failureOf(() => listModels(config, never))).toEqual({
      kind: 'api',
      status: 429,
      message: expect.stringContaining('Slow down'),
      code: 'rate_limit_exceeded',
      type: 'requests',
      retryAfterMs: 2000,
    });
  });

  it('never passes the key on in an error text, whatever its format', async () => {
    stubFetch(() => new Response('proxy says: key gsk_secret123 is invalid', { status: 401 }));
    const failure = await failureOf(() =>
      listModels({ ...config, apiKey: 'gsk_secret123' }, never),
    );
    expect(JSON.stringify(failure)).not.toContain('gsk_secret123');
  });

  it('Stop reaches an error body that never ends', async () => {
    stubFetch(
      (_url, init) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"error":'));
              init.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
            },
          }),
          { status: 500 },
        ),
    );
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 20);
    const failure = await failureOf(() => listModels({ ...config, timeoutMs: 5_000 }, stop.signal));
    expect(failure).toMatchObject({ kind: 'api', status: 500 });
  });

  it('keeps a non-JSON error page as text, never as markup to render', async () => {
    stubFetch(() => new Response('<html><script>x()</script></html>', { status: 502 }));
    const failure = await failureOf(() => listModels(config, never));
    expect(failure).toMatchObject({ kind: 'api', status: 502 });
  });

  it('times out while waiting for headers, and tells a refused connection apart', async () => {
    stubFetch(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        ),
    );
    expect(await failureOf(() => listModels(config, never))).toEqual({ kind: 'timeout' });
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failureOf(() => listModels(config, never))).toMatchObject({ kind: 'connection' });
  });

  it('says aborted when the caller stops before or while waiting', async () => {
    const stop = new AbortController();
    stop.abort();
    expect(await failureOf(() => listModels(config, stop.signal))).toEqual({ kind: 'aborted' });
    const later = new AbortController();
    stubFetch(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        ),
    );
    setTimeout(() => later.abort(), 5);
    expect(
      await failureOf(() => listModels({ ...config, timeoutMs: 5_000 }, later.signal)),
    ).toEqual({ kind: 'aborted' });
  });

  it('an error event inside the stream is a server failure with the text so far', async () => {
    stubFetch(() =>
      sse([chunk({ content: 'Part' }), JSON.stringify({ error: { message: 'boom' } })]),
    );
    const parts: unknown[] = [];
    const failure = await failureOf(async () => {
      for await (const part of streamChat(config, { model: 'm', messages: [] }, never))
        parts.push(part);
    });
    expect(parts).toEqual([{ type: 'text', text: 'Part' }]);
    expect(failure).toMatchObject({ kind: 'api', status: 500, message: 'boom' });
  });
});
