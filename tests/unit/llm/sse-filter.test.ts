import { describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { createSseFilter, keepEvent, MAX_EVENT_BYTES, tolerantFetch } from '@/lib/llm/sse-filter';

async function through(chunks: string[]): Promise<string> {
  const encoder = new TextEncoder();
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
  return new Response(input.pipeThrough(createSseFilter())).text();
}

const chunk = (content: string) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

describe('keepEvent', () => {
  it.each([
    [['data: {"a":1}'], 'data: {"a":1}\n\n'],
    [['data: [DONE]'], 'data: [DONE]\n\n'],
    [['event: error', 'data: {"error":{}}'], 'event: error\ndata: {"error":{}}\n\n'],
    [['event: ping', 'data: not json'], null],
    [['event: ping', 'data: {"a":1}'], null],
    [['data: not json'], null],
    [[': comment'], null],
    // Several data lines stay several data lines (one "data: a\nb" would corrupt the event).
    [['data: {"a":', 'data: 1}'], 'data: {"a":\ndata: 1}\n\n'],
  ] as const)('%j → %j', (lines, expected) => {
    expect(keepEvent(lines)).toBe(expected);
  });
});

describe('createSseFilter', () => {
  it('drops odd events, keeps the stream, across CRLF and split chunks', async () => {
    const raw = `: hello\r\n\r\nevent: ping\r\ndata: nope\r\n\r\n${chunk('Hé')}${chunk('llo')}data: [DONE]\n\n`;
    const pieces = raw.match(/[\s\S]{1,3}/g) ?? [];
    expect(await through(pieces)).toBe(`${chunk('Hé')}${chunk('llo')}data: [DONE]\n\n`);
  });
  it('drops one oversized event and keeps going', async () => {
    const huge = `data: {"x":"${'a'.repeat(MAX_EVENT_BYTES + 10)}"}\n\n`;
    expect(await through([chunk('a'), huge, chunk('b')])).toBe(chunk('a') + chunk('b'));
  });
});

describe('tolerantFetch with the SDK', () => {
  it('a stream with a non-JSON named event still reads to the end', async () => {
    const body = `${chunk('one ')}event: ping\ndata: keep-alive\n\n${chunk('two')}data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;
    const fakeFetch = async () =>
      new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const client = new OpenAI({
      apiKey: 'k',
      baseURL: 'http://x.test/v1',
      fetch: tolerantFetch(fakeFetch as unknown as typeof fetch),
      maxRetries: 0,
    });
    const stream = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    let text = '';
    let finish: string | null = null;
    for await (const c of stream) {
      text += c.choices[0]?.delta?.content ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('one two');
    expect(finish).toBe('stop');
  });
});
