/**
 * A tolerant reader for OpenAI-compatible SSE. Some servers (and hostile ones) send events the SDK
 * would choke on: named events with non-JSON data, or one enormous event. This passes through only
 * what a chat stream is made of — JSON `data:` events, `[DONE]` and `error` events — so one odd
 * event cannot end a good reply, and caps any single event's size.
 */

/**
 * The largest single SSE event accepted; a bigger one is dropped so a hostile server cannot exhaust
 * memory.
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
  // A payload of several data lines goes on as several data lines.
  const dataLines = payload
    .split('\n')
    .map((line) => `data: ${line}`)
    .join('\n');
  return `${event === 'error' ? 'event: error\n' : ''}${dataLines}\n\n`;
}

/** A byte stream transform: SSE in, filtered SSE out (LF line ends). */
export function createSseFilter(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = '';
  let lines: string[] = [];
  let eventSize = 0;
  // Kept events of one network chunk leave together: one encode and one read downstream per
  // chunk, not per token.
  let out = '';
  const flushLines = () => {
    const kept = eventSize > MAX_EVENT_BYTES ? null : keepEvent(lines);
    if (kept) out += kept;
    lines = [];
    eventSize = 0;
  };
  const emit = (controller: TransformStreamDefaultController<Uint8Array>) => {
    if (out) controller.enqueue(encoder.encode(out));
    out = '';
  };
  const lineEnd = /\r\n|\r|\n/g;
  // Walks the buffer with an index and cuts it once: slicing it per line made a network chunk
  // holding many events (2,000 tokens/s) cost quadratic time in the worker.
  const consume = () => {
    let start = 0;
    lineEnd.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = lineEnd.exec(buffer)) !== null) {
      const line = buffer.slice(start, match.index);
      start = match.index + match[0].length;
      if (line === '') flushLines();
      else if ((eventSize += line.length) <= MAX_EVENT_BYTES) lines.push(line);
    }
    buffer = start > 0 ? buffer.slice(start) : buffer;
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
      consume();
      buffer += pending;
      emit(controller);
    },
    flush(controller) {
      buffer += decoder.decode();
      consume();
      if (buffer) lines.push(buffer);
      if (lines.length) flushLines();
      emit(controller);
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
