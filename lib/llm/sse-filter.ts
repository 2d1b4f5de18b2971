/**
 * The one reader of OpenAI-compatible SSE (issue 17): network bytes in, the events a chat stream
 * is made of out, parsed once. It is tolerant where servers (and hostile ones) are odd: comments
 * and keep-alives, CR, LF or CRLF line ends split anywhere, UTF-8 split mid-character, several
 * `data:` lines, named events with non-JSON data, bad JSON and one enormous event are all read
 * past, so one odd event cannot end a good reply; any single event's size is capped.
 */

/**
 * The largest single SSE event accepted; a bigger one is dropped so a hostile server cannot exhaust
 * memory.
 */
export const MAX_EVENT_BYTES = 1_000_000;

/** One kept event: a JSON payload (`error` when it came as `event: error`), or `[DONE]`. */
export type SseItem = { kind: 'json'; value: unknown; error: boolean } | { kind: 'done' };

/**
 * Decides for one complete event, given its `event` field (null when absent) and its data lines
 * joined by LF: kept as JSON or `[DONE]`, or dropped (null). Only unnamed, `message` and `error`
 * events are a chat stream's; anything else (pings, a server's own events) is dropped.
 */
export function readEvent(event: string | null, data: string): SseItem | null {
  if (data.length > MAX_EVENT_BYTES) return null;
  if (event !== null && event !== 'error' && event !== 'message') return null;
  if (data === '[DONE]') return { kind: 'done' };
  try {
    return { kind: 'json', value: JSON.parse(data) as unknown, error: event === 'error' };
  } catch {
    return null;
  }
}

/** An incremental SSE reader: each network chunk's bytes in, the events it completed out. */
export interface SseReader {
  push(bytes: Uint8Array): SseItem[];
  /** The body ended: what is left becomes the last event (servers may omit the blank line). */
  end(): SseItem[];
}

const LINE_END = /\r\n|\r|\n/g;

/** A reader for one response body. */
export function createSseReader(): SseReader {
  const decoder = new TextDecoder();
  let buffer = '';
  let event: string | null = null;
  let data: string[] = [];
  let eventSize = 0;
  let out: SseItem[] = [];

  const dispatch = () => {
    if (data.length > 0 && eventSize <= MAX_EVENT_BYTES) {
      const item = readEvent(event, data.length === 1 ? (data[0] ?? '') : data.join('\n'));
      if (item) out.push(item);
    }
    event = null;
    data = [];
    eventSize = 0;
  };
  const line = (text: string) => {
    if (text === '') return dispatch();
    if ((eventSize += text.length) > MAX_EVENT_BYTES || text.charCodeAt(0) === 58 /* : */) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    if (field !== 'data' && field !== 'event') return;
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* space */) value = value.slice(1);
    if (field === 'data') data.push(value);
    else event = value;
  };
  // Walks the buffer with an index and cuts it once: slicing it per line made a network chunk
  // holding many events (2,000 tokens/s) cost quadratic time in the worker.
  const consume = () => {
    let start = 0;
    LINE_END.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = LINE_END.exec(buffer)) !== null) {
      line(buffer.slice(start, match.index));
      start = match.index + match[0].length;
    }
    if (start > 0) buffer = buffer.slice(start);
    // A line that never ends cannot grow without bound: it and its event are dropped.
    if (buffer.length > MAX_EVENT_BYTES) {
      buffer = '';
      eventSize = MAX_EVENT_BYTES + 1;
    }
  };
  const take = () => {
    const items = out;
    out = [];
    return items;
  };

  return {
    push(bytes) {
      buffer += decoder.decode(bytes, { stream: true });
      // A lone \r at the end may be half of \r\n: it waits for the next chunk.
      const pending = buffer.endsWith('\r');
      if (pending) buffer = buffer.slice(0, -1);
      consume();
      if (pending) buffer += '\r';
      return take();
    },
    end() {
      buffer += decoder.decode();
      consume();
      if (buffer) line(buffer);
      buffer = '';
      dispatch();
      return take();
    },
  };
}
