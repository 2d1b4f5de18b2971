/**
 * llama.cpp's prompt progress (issue 14, item 3). Asked with `return_progress: true`, llama-server
 * sends, while it reads the prompt, chunks with a role-only delta (`content: null`) and
 * `prompt_progress: {total, cache, processed, time_ms}`. Parley asks only servers known to be
 * llama.cpp: their /v1/models entries say `owned_by: "llamacpp"` (read where the context size is
 * learned, lib/llm/context-size); OpenAI, vLLM or LM Studio may refuse a field they do not know.
 */

/** How far the server has read the prompt: tokens of `total`, `cache` of them from its cache. */
export interface PromptProgress {
  processed: number;
  total: number;
  cache: number;
  timeMs: number;
}

const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1e9 ? Math.round(v) : null;
const record = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** A chunk's `prompt_progress`, checked (each field a count, processed ≤ total), else null. */
export function readPromptProgress(chunk: unknown): PromptProgress | null {
  const p = record(record(chunk)?.prompt_progress);
  if (!p) return null;
  const [processed, total, cache, timeMs] = [p.processed, p.total, p.cache, p.time_ms].map(count);
  if (processed == null || total == null || cache == null || timeMs == null) return null;
  return processed <= total ? { processed, total, cache, timeMs } : null;
}

/** Whether a /v1/models answer is llama.cpp's: its entries are `owned_by: "llamacpp"`. */
export function isLlamaCppModelList(body: unknown): boolean {
  const data = record(body)?.data;
  return Array.isArray(data) && data.some((e) => record(e)?.owned_by === 'llamacpp');
}

// Per base URL, what its last model list said. A restarted worker gets it back from the cache
// of what servers said (lib/engine/context-window) before its first reply, then asks again.
const llamaCpp = new Map<string, boolean>();
const key = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

/** Records what the server at `baseUrl` answered to GET /models (null: it did not answer). */
export function noteModelList(baseUrl: string, body: unknown): void {
  if (body !== null) rememberLlamaCpp(baseUrl, isLlamaCppModelList(body));
}

/** Records whether the server at `baseUrl` is llama.cpp (learned from its list, now or earlier). */
export function rememberLlamaCpp(baseUrl: string, isLlamaCpp: boolean): void {
  llamaCpp.set(key(baseUrl), isLlamaCpp);
}

/** Whether the server at `baseUrl` is known to be llama.cpp, so `return_progress` may be sent. */
export function knownLlamaCpp(baseUrl: string): boolean {
  return llamaCpp.get(key(baseUrl)) === true;
}
