/**
 * Per network chunk, not per token (issue 17): a reply whose chunks each hold many SSE events is
 * appended and shown to moderation once per chunk, through the real client and SSE reader.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startGeneration } from '@/lib/engine/generation';
import { streamChat } from '@/lib/llm/client';

const encoder = new TextEncoder();
const event = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('generation over network chunks', () => {
  it('one append and one onText per chunk, whatever the number of tokens in it', async () => {
    const tokens = Array.from({ length: 200 }, (_, i) => `t${i} é🌍 `);
    // 200 tokens in 8 network chunks of 25 events; the last chunk also holds finish and [DONE].
    const chunks = Array.from({ length: 8 }, (_, c) =>
      tokens
        .slice(c * 25, c * 25 + 25)
        .map((t) => event({ content: t }))
        .join(''),
    );
    chunks[7] += `${event({}, 'stop')}data: [DONE]\n\n`;
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            async pull(controller) {
              const next = chunks.shift();
              if (next === undefined) return controller.close();
              await new Promise((r) => setTimeout(r, 1));
              controller.enqueue(encoder.encode(next));
            },
          }),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    );
    const seen: number[] = [];
    const handle = startGeneration(
      { messageId: 'm', conversationId: 'c' },
      {
        openStream: (signal) =>
          streamChat(
            { apiKey: 'k', baseUrl: 'http://x.test/v1', timeoutMs: 5_000 },
            { model: 'm', messages: [] },
            signal,
          ),
        persist: async () => undefined,
        emit: () => undefined,
        onStorageError: () => undefined,
        isOnline: () => true,
        onText: (content) => seen.push(content.length),
      },
    );
    expect(await handle.done).toEqual({ kind: 'complete' });
    expect(handle.snapshot().content).toBe(tokens.join(''));
    expect(seen).toEqual(
      Array.from({ length: 8 }, (_, c) => tokens.slice(0, (c + 1) * 25).join('').length),
    );
  });
});
