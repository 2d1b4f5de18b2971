/**
 * Reading `promptStreaming()`'s ReadableStream<string> as pieces of new text. Every build with the
 * global `LanguageModel` streams increments; the earliest builds streamed the whole text so far
 * ("Hello", "Hello world"), which read as increments repeats the answer. The second chunk decides:
 * when it starts with the first and is longer, chunks are cumulative and only their tails are new.
 */

/** The new text of each chunk; cancels the stream when the reader stops early or `signal` aborts. */
export async function* readTextChunks(
  stream: ReadableStream<string>,
  signal: AbortSignal,
): AsyncGenerator<string> {
  const reader = stream.getReader();
  let text = '';
  let chunks = 0;
  let cumulative = false;
  let done = false;
  try {
    while (true) {
      if (signal.aborted) throw new DOMException('Stopped.', 'AbortError');
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      const chunk = String(next.value);
      chunks += 1;
      if (chunks === 2 && text && chunk.length > text.length && chunk.startsWith(text)) {
        cumulative = true;
      }
      const piece = cumulative && chunk.startsWith(text) ? chunk.slice(text.length) : chunk;
      text += piece;
      if (piece) yield piece;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
