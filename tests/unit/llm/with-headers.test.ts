/**
 * Every request of a provider carries the custom headers of its own origin (issue 14): chat,
 * models, title and moderation alike, and a second origin gets none of them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOpenAiCompatibleProvider } from '@/lib/llm/openai-compatible';
import { withEndpointHeaders } from '@/lib/llm/with-headers';
import { headersFor } from '@/lib/custom-headers';
import { originOf } from '@/lib/credentials';

const ring = [{ origin: 'https://a.example', slot: 'header:X-Title' as const, value: 'secret-v' }];
const factory = withEndpointHeaders(createOpenAiCompatibleProvider, async (baseUrl) =>
  headersFor(ring, originOf(baseUrl)),
);
const never = new AbortController().signal;

function stub() {
  const seen: { url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    seen.push({ url, headers: init.headers as Record<string, string> });
    if (url.endsWith('/models')) return Response.json({ data: [{ id: 'm' }] });
    if (url.endsWith('/moderations')) {
      return Response.json({ results: [{ flagged: false, categories: {}, category_scores: {} }] });
    }
    const body = (await new Request(url, init).json()) as { stream?: boolean };
    if (body.stream) {
      return new Response(
        'data: {"choices":[{"delta":{"content":"hi"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n',
        {
          headers: { 'content-type': 'text/event-stream' },
        },
      );
    }
    return Response.json({ choices: [{ message: { content: 'title' } }] });
  });
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('withEndpointHeaders', () => {
  it('adds the origin’s headers to chat, models, completion and moderation', async () => {
    const seen = stub();
    const provider = factory({ apiKey: 'k', baseUrl: 'https://a.example/v1', timeoutMs: 1000 });
    for await (const _ of provider.streamChat({ model: 'm', messages: [] }, never)) void _;
    await provider.listModels(never);
    await provider.complete({ model: 'm', messages: [] }, never);
    await provider.moderate('x', never);
    expect(seen).toHaveLength(4);
    for (const { headers } of seen) {
      expect(headers['X-Title']).toBe('secret-v');
      expect(headers.Authorization).toBe('Bearer k');
    }
  });

  it('a second origin gets none of them', async () => {
    const seen = stub();
    const provider = factory({ apiKey: '', baseUrl: 'https://b.example/v1', timeoutMs: 1000 });
    await provider.listModels(never);
    expect(JSON.stringify(seen)).not.toContain('secret-v');
  });

  it('a value the server echoes in an error is redacted', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ error: { message: 'bad header secret-v' } }, { status: 400 }),
    );
    const provider = factory({ apiKey: '', baseUrl: 'https://a.example/v1', timeoutMs: 1000 });
    const error = (await provider.listModels(never).catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain('secret-v');
  });
});
