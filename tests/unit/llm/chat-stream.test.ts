/**
 * A streamed chat body read into reply parts (issue 17): one text part per network chunk, the
 * finish reason and usage in order, error events after the text before them, `[DONE]` and Stop.
 */
import { describe, expect, it } from 'vitest';
import { partsOf, readChatStream } from '@/lib/llm/chat-stream';
import type { StreamPart } from '@/lib/llm/client';

const encoder = new TextEncoder();
const event = (delta: object, finish: string | null = null, extra: object = {}) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;

/** A body that sends each string as one network chunk; `open` leaves it unended. */
function body(chunks: readonly string[], open = false) {
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      if (!open) controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

const fail = (payload: unknown) => Object.assign(new Error('server failed'), { payload });

async function read(
  chunks: readonly string[],
  signal = new AbortController().signal,
  progress = false,
) {
  const parts: StreamPart[] = [];
  let error: unknown;
  try {
    for await (const part of readChatStream(body(chunks).stream, signal, { progress, fail }))
      parts.push(part);
  } catch (e) {
    error = e;
  }
  return { parts, error };
}

describe('partsOf', () => {
  it('joins the text of consecutive deltas and keeps finish and usage in order', () => {
    const value = (delta: object, finish: string | null = null, extra = {}) => ({
      kind: 'json' as const,
      error: false,
      value: { choices: [{ delta, finish_reason: finish }], ...extra },
    });
    expect(
      partsOf(
        [
          value({ role: 'assistant', content: null }),
          value({ content: 'Hel' }),
          value({ content: 'lo' }),
          value({}, 'stop'),
          { kind: 'json', error: false, value: { choices: [], usage: { prompt_tokens: 3 } } },
        ],
        false,
      ),
    ).toEqual({
      parts: [
        { type: 'text', text: 'Hello' },
        { type: 'finish', reason: 'stop' },
        { type: 'usage', promptTokens: 3, completionTokens: undefined },
      ],
      done: false,
    });
  });
});

describe('readChatStream', () => {
  it('gives one text part per network chunk, however many tokens it holds', async () => {
    const chunks = [0, 1, 2].map((c) =>
      Array.from({ length: 10 }, (_, t) => event({ content: `${c}.${t} ` })).join(''),
    );
    const { parts } = await read([...chunks, event({}, 'stop'), 'data: [DONE]\n\n']);
    expect(parts.map((p) => p.type)).toEqual(['text', 'text', 'text', 'finish']);
    expect(parts[1]).toEqual({
      type: 'text',
      text: Array.from({ length: 10 }, (_, t) => `1.${t} `).join(''),
    });
  });

  it('a stream with a non-JSON named event still reads to the end', async () => {
    const { parts, error } = await read([
      `${event({ content: 'one ' })}event: ping\ndata: keep-alive\n\n${event({ content: 'two' })}`,
      `${event({}, 'stop')}data: [DONE]\n\n`,
    ]);
    expect(error).toBeUndefined();
    expect(parts).toEqual([
      { type: 'text', text: 'one two' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('an error event gives the text before it, then fails with its payload', async () => {
    const { parts, error } = await read([
      `${event({ content: 'Part' })}data: {"error":{"code":500,"message":"llama_decode failed"}}\n\n`,
    ]);
    expect(parts).toEqual([{ type: 'text', text: 'Part' }]);
    expect(error).toMatchObject({ payload: { code: 500, message: 'llama_decode failed' } });
    const ollama = await read([`data: {"error":"model crashed"}\n\n`]);
    expect(ollama.error).toMatchObject({ payload: 'model crashed' });
    const named = await read([`event: error\ndata: {"message":"overloaded"}\n\n`]);
    expect(named.error).toMatchObject({ payload: { message: 'overloaded' } });
  });

  it('stops reading at [DONE] and lets the rest of the body go', async () => {
    const b = body(
      [`${event({ content: 'done' })}data: [DONE]\n\n${event({ content: 'late' })}`],
      true,
    );
    const parts: StreamPart[] = [];
    for await (const p of readChatStream(b.stream, new AbortController().signal, {
      progress: false,
      fail,
    }))
      parts.push(p);
    expect(parts).toEqual([{ type: 'text', text: 'done' }]);
    expect(b.cancelled()).toBe(true);
  });

  it('ends quietly on abort, even from a body that never ends', async () => {
    const stop = new AbortController();
    const b = body([event({ content: 'first' })], true);
    const parts: StreamPart[] = [];
    setTimeout(() => stop.abort(), 20);
    for await (const p of readChatStream(b.stream, stop.signal, { progress: false, fail }))
      parts.push(p);
    expect(parts).toEqual([{ type: 'text', text: 'first' }]);
    expect(b.cancelled()).toBe(true);
  });

  it('reads prompt progress only when asked, and a role-only null content as no text', async () => {
    const progress = event({ role: 'assistant', content: null }, null, {
      prompt_progress: { total: 10, cache: 0, processed: 5, time_ms: 1 },
    });
    const asked = await read([progress, event({ content: 'x' })], undefined, true);
    expect(asked.parts).toEqual([
      { type: 'progress', processed: 5, total: 10, cache: 0, timeMs: 1 },
      { type: 'text', text: 'x' },
    ]);
    const notAsked = await read([progress, event({ content: 'x' })]);
    expect(notAsked.parts).toEqual([{ type: 'text', text: 'x' }]);
  });
});
