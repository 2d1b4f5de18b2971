/**
 * A tolerant reader for OpenAI-compatible SSE. Some servers (and hostile ones) send events the SDK
 * would choke on: named events with non-JSON data, or one enormous event. This passes through only
 * what a chat stream is made of — JSON `data:` events, `[DONE]` and `error` events — so one odd
 * event cannot end a good reply, and caps any single event's size.
 */

export const MAX_EVENT_BYTES = 1_000_000;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Decides for one complete event (its lines without the blank terminator). */
export function keepEvent(lines: readonly string[]): string | null {
  let event: string | null = null;
  const data: string[] = [];
  for (const line of lines) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  const payload = data.join('\n');
  if (payload.length > MAX_EVENT_BYTES) return null;
  if (event !== null && event !== 'error' && event !== 'message') return null;
  if (payload !== '[DONE]' && !isJson(payload)) return null;
  return `${event === 'error' ? 'event: error\n' : ''}data: ${payload}\n\n`;
}

/** A byte stream transform: SSE in, filtered SSE out (LF line ends). */
export function createSseFilter(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = '';
  let lines: string[] = [];
  let eventSize = 0;
  const flushLines = (controller: TransformStreamDefaultController<Uint8Array>) => {
    const kept = eventSize > MAX_EVENT_BYTES ? null : keepEvent(lines);
    if (kept) controller.enqueue(encoder.encode(kept));
    lines = [];
    eventSize = 0;
  };
  const consume = (controller: TransformStreamDefaultController<Uint8Array>) => {
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      const width = buffer.startsWith('\r\n', newline) ? 2 : 1;
      buffer = buffer.slice(newline + width);
      if (line === '') flushLines(controller);
      else if ((eventSize += line.length) <= MAX_EVENT_BYTES) lines.push(line);
    }
    // A line that never ends cannot grow without bound.
    if (buffer.length > MAX_EVENT_BYTES) {
      buffer = '';
      eventSize = MAX_EVENT_BYTES + 1;
    }
  };
  return new TransformStream({
    transform(chunk, controller) {
      buffer += decoder.decode(chunk, { stream: true });
      // A lone \r at the end may be half of \r\n: wait for the next chunk.
      const pending = buffer.endsWith('\r') ? '\r' : '';
      if (pending) buffer = buffer.slice(0, -1);
      consume(controller);
      buffer += pending;
    },
    flush(controller) {
      buffer += decoder.decode();
      consume(controller);
      if (buffer) lines.push(buffer);
      if (lines.length) flushLines(controller);
    },
  });
}

/** Wraps fetch so event-stream responses go through the filter; everything else is untouched. */
export function tolerantFetch(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (!response.body || !type.includes('text/event-stream')) return response;
    return new Response(response.body.pipeThrough(createSseFilter()), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
