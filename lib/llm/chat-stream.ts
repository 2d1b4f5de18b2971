/**
 * A streaming chat completion's body read into reply parts (issue 17): one SSE reader over the
 * bytes (lib/llm/sse-filter), each event's JSON parsed once, and all the text of one network
 * chunk given on as one part, so the engine appends, re-arms its watchdog and moderates once per
 * chunk rather than once per token. Errors the server sends inside the stream are handed to
 * `fail`, which makes the error to throw (lib/llm/client gives it the SDK's error class).
 */
import { createSseReader, type SseItem } from './sse-filter';
import { readPromptProgress } from './prompt-progress';
import type { StreamPart } from './llm-types';

/** The parts of one network chunk's events, and whether the stream said it is over. */
export interface ChunkParts {
  parts: StreamPart[];
  /** An error event's payload (`{"error": …}` or `event: error`): the reply fails after `parts`. */
  error?: unknown;
  /** `[DONE]` came: whatever follows is not read. */
  done: boolean;
}

const record = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * Reads one chunk's events in order; consecutive text deltas become one `text` part. `progress`:
 * the server is llama.cpp and was asked for prompt progress.
 */
export function partsOf(items: readonly SseItem[], progress: boolean): ChunkParts {
  const parts: StreamPart[] = [];
  let text = '';
  const push = (part: StreamPart) => {
    if (text) parts.push({ type: 'text', text });
    text = '';
    parts.push(part);
  };
  const end = (more: Omit<ChunkParts, 'parts'>): ChunkParts => {
    if (text) parts.push({ type: 'text', text });
    return { parts, ...more };
  };
  for (const item of items) {
    if (item.kind === 'done') return end({ done: true });
    const chunk = record(item.value);
    // The SDK's rule, kept: an error event, or any event whose payload has a truthy `error`.
    if (item.error) return end({ error: chunk?.error ?? item.value, done: true });
    if (!chunk) continue;
    if (chunk.error) return end({ error: chunk.error, done: true });
    const read = progress ? readPromptProgress(chunk) : null;
    if (read) push({ type: 'progress', ...read });
    const choice = record(Array.isArray(chunk.choices) ? chunk.choices[0] : null);
    const content = record(choice?.delta)?.content;
    // llama.cpp's role-only first chunk has `content: null`: no text, not "null".
    if (typeof content === 'string') text += content;
    const reason = choice?.finish_reason;
    if (typeof reason === 'string' && reason) push({ type: 'finish', reason });
    const usage = record(chunk.usage);
    if (usage) {
      const count = (v: unknown) => (typeof v === 'number' ? v : undefined);
      push({
        type: 'usage',
        promptTokens: count(usage.prompt_tokens),
        completionTokens: count(usage.completion_tokens),
      });
    }
  }
  return end({ done: false });
}

/**
 * Reads `body` to its end, `[DONE]`, an error event (thrown as `fail(payload)`) or `signal`'s
 * abort, which ends it quietly (the caller knows why it aborted).
 */
export async function* readChatStream(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  options: { progress: boolean; fail: (payload: unknown) => Error },
): AsyncGenerator<StreamPart> {
  const reader = body.getReader();
  const sse = createSseReader();
  // A pending read ends at once on abort, even from a body that ignores the fetch's signal.
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      if (signal.aborted) return;
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        if (signal.aborted) return;
        throw error;
      }
      if (signal.aborted) return;
      const chunk = partsOf(read.done ? sse.end() : sse.push(read.value), options.progress);
      for (const part of chunk.parts) yield part;
      if (chunk.error !== undefined) throw options.fail(chunk.error);
      if (chunk.done || read.done) return;
    }
  } finally {
    signal.removeEventListener('abort', cancel);
    cancel();
  }
}
