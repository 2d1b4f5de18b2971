/**
 * The one SSE reader (issue 17): what it keeps and drops (the rules the SDK-facing filter had),
 * and that any chunking of the bytes, split mid-character or mid-CRLF, reads the same as the whole.
 */
import { describe, expect, it } from 'vitest';
import { createSseReader, MAX_EVENT_BYTES, readEvent, type SseItem } from '@/lib/llm/sse-filter';

const encoder = new TextEncoder();

function readAll(pieces: readonly Uint8Array[]): SseItem[] {
  const reader = createSseReader();
  return [...pieces.flatMap((p) => reader.push(p)), ...reader.end()];
}
const readText = (chunks: readonly string[]) => readAll(chunks.map((c) => encoder.encode(c)));

const chunkJson = (content: string) => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});
const chunk = (content: string) => `data: ${JSON.stringify(chunkJson(content))}\n\n`;
const json = (value: unknown, error = false): SseItem => ({ kind: 'json', value, error });

/** A small deterministic PRNG, so a failing chunking can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('readEvent', () => {
  it.each([
    [null, '{"a":1}', json({ a: 1 })],
    [null, '[DONE]', { kind: 'done' }],
    ['error', '{"error":{}}', json({ error: {} }, true)],
    ['message', '{"a":1}', json({ a: 1 })],
    ['ping', 'not json', null],
    ['ping', '{"a":1}', null],
    [null, 'not json', null],
    // Several data lines arrive joined by LF and parse as one payload.
    [null, '{"a":\n1}', json({ a: 1 })],
  ] as const)('event %j, data %j → %j', (event, data, expected) => {
    expect(readEvent(event, data)).toEqual(expected);
  });
});

describe('createSseReader', () => {
  it('drops odd events, keeps the stream, across CRLF and split chunks', () => {
    const raw = `: hello\r\n\r\nevent: ping\r\ndata: nope\r\n\r\n${chunk('Hé')}${chunk('llo')}data: [DONE]\n\n`;
    const pieces = raw.match(/[\s\S]{1,3}/g) ?? [];
    expect(readText(pieces)).toEqual([
      json(chunkJson('Hé')),
      json(chunkJson('llo')),
      { kind: 'done' },
    ]);
  });

  it('reads several data lines, comments inside an event and fields it does not use', () => {
    const raw =
      'id: 7\nretry: 10\ndata: {"a":\n: between\ndata:1}\n\nevent: error\ndata: {"error":"x"}\n\n';
    expect(readText([raw])).toEqual([json({ a: 1 }), json({ error: 'x' }, true)]);
  });

  it('drops one oversized event and keeps going', () => {
    const huge = `data: {"x":"${'a'.repeat(MAX_EVENT_BYTES + 10)}"}\n\n`;
    expect(readText([chunk('a'), huge, chunk('b')])).toEqual([
      json(chunkJson('a')),
      json(chunkJson('b')),
    ]);
  });

  it('drops a line that never ends once it passes the cap, then reads on', () => {
    const reader = createSseReader();
    const endless = `data: ${'a'.repeat(MAX_EVENT_BYTES / 4)}`;
    for (let i = 0; i < 5; i++) expect(reader.push(encoder.encode(endless))).toEqual([]);
    expect(reader.push(encoder.encode(`\n\n${chunk('after')}`))).toEqual([
      json(chunkJson('after')),
    ]);
  });

  it('gives the last event at the end of the body even without its blank line', () => {
    expect(readText([`${chunk('a')}data: [DONE]`])).toEqual([
      json(chunkJson('a')),
      { kind: 'done' },
    ]);
    expect(readText([`data: {"b":2}\r`])).toEqual([json({ b: 2 })]);
  });

  it('hands over every event a network chunk completed at once, and none it did not', () => {
    const reader = createSseReader();
    const two = chunk('one') + chunk('two');
    const half = chunk('three');
    expect(reader.push(encoder.encode(two + half.slice(0, 20)))).toHaveLength(2);
    expect(reader.push(encoder.encode(half.slice(20)))).toEqual([json(chunkJson('three'))]);
  });

  it('any chunking of the bytes reads the same as the whole body', () => {
    const parts = [
      'Ünïcödé 🌍',
      ' survives\n',
      '"quotes" and \\ back',
      '日本語のテキスト',
      '👩‍👩‍👧 end',
    ];
    const body = [
      ': keep-alive\r\n\r\n',
      ...parts.map((p, i) => (i % 2 ? chunk(p).replaceAll('\n', '\r\n') : chunk(p))),
      'event: ping\rdata: not json\r\r',
      `data: {"broken json\n\n`,
      'event: error\ndata: {"error":{"message":"late"}}\n\n',
      'data: [DONE]\n\n',
    ].join('');
    const bytes = encoder.encode(body);
    const whole = readAll([bytes]);
    expect(whole).toHaveLength(parts.length + 2);
    expect(whole.slice(0, parts.length)).toEqual(parts.map((p) => json(chunkJson(p))));
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < bytes.length;) {
        // Mostly tiny pieces (1–4 bytes: inside characters and CRLFs), now and then a big one.
        const size = next() < 0.8 ? 1 + Math.floor(next() * 4) : 1 + Math.floor(next() * 200);
        pieces.push(bytes.subarray(at, at + size));
        at += size;
      }
      expect(readAll(pieces), `seed ${seed}`).toEqual(whole);
    }
  });
});
