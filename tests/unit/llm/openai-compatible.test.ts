/** The OpenAI-compatible ModelProvider sends each call to its own endpoint with its own key. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenAiCompatibleProvider } from '@/lib/llm/openai-compatible';
import type { StreamPart } from '@/lib/llm/client';

const never = new AbortController().signal;

function stubFetch(respond: (url: string) => Response) {
  const calls: { url: string; auth: string | null }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, auth: new Headers(init.headers).get('authorization') });
    return respond(url);
  });
  return calls;
}
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('OpenAI-compatible provider', () => {
  const provider = createOpenAiCompatibleProvider({
    apiKey: 'sk-bound',
    baseUrl: 'http://127.0.0.1:1/v1',
    timeoutMs: 1000,
  });

  it('streams a chat from /chat/completions', async () => {
    const calls = stubFetch(
      () =>
        new Response(
          [
            `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'Hi' } }] })}`,
            `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}`,
            'data: [DONE]',
          ].join('\n\n') + '\n\n',
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    );
    const parts: StreamPart[] = [];
    for await (const part of provider.streamChat({ model: 'm', messages: [] }, never))
      parts.push(part);
    expect(parts).toEqual([
      { type: 'text', text: 'Hi' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(calls).toEqual([
      { url: 'http://127.0.0.1:1/v1/chat/completions', auth: 'Bearer sk-bound' },
    ]);
  });

  it('completes, lists models and moderates on the same endpoint', async () => {
    const calls = stubFetch((url) => {
      if (url.endsWith('/models')) return json({ data: [{ id: 'b' }, { id: 'a' }] });
      if (url.endsWith('/moderations'))
        return json({
          results: [{ flagged: true, categories: { hate: true }, category_scores: { hate: 0.9 } }],
        });
      return json({ choices: [{ message: { content: 'A title' } }] });
    });
    expect(await provider.complete({ model: 'm', messages: [], maxTokens: 16 }, never)).toBe(
      'A title',
    );
    expect(await provider.listModels(never)).toEqual(['a', 'b']);
    expect(await provider.moderate('text', never)).toEqual({
      flagged: true,
      categories: { hate: true },
      category_scores: { hate: 0.9 },
    });
    expect(calls.map((c) => c.url.replace('http://127.0.0.1:1/v1', ''))).toEqual([
      '/chat/completions',
      '/models',
      '/moderations',
    ]);
    expect(calls.every((c) => c.auth === 'Bearer sk-bound')).toBe(true);
  });
});
