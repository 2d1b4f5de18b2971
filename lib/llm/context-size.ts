/**
 * The context size a server says it has (issue 14, item 6), read where each kind of server says
 * it: llama.cpp in /v1/models (`data[].meta.n_ctx`) or /props; Ollama in /api/show; LM Studio in
 * its own model list (/api/v0/models). OpenAI says nothing: its models are in the known table
 * (lib/prompt/budget). Environment-free: the fetch is passed in.
 */

import { noteModelList } from './prompt-progress';

/** The little of `fetch` this needs: a JSON GET or POST. */
export type JsonFetch = (
  url: string,
  init: {
    method: 'GET' | 'POST';
    headers: Record<string, string>;
    body?: string;
    signal: AbortSignal;
  },
) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

const record = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const size = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 256 && v <= 100_000_000 ? v : null;

/** llama.cpp's /v1/models: the entry for `model` (any, since it serves one) with `meta.n_ctx`. */
export function fromOpenAiModels(body: unknown, model: string): number | null {
  const data = record(body)?.data;
  if (!Array.isArray(data)) return null;
  const entries = data.map(record).filter((e) => e !== null);
  const entry = entries.find((e) => e.id === model) ?? (entries.length === 1 ? entries[0] : null);
  return size(record(entry?.meta)?.n_ctx);
}

/** llama.cpp's /props: `default_generation_settings.n_ctx` (the slot's context). */
export function fromLlamaProps(body: unknown): number | null {
  return size(record(record(body)?.default_generation_settings)?.n_ctx);
}

/**
 * Ollama's /api/show: `num_ctx` in the parameters when the model file sets it (what Ollama
 * uses), else the model's own `<architecture>.context_length`.
 */
export function fromOllamaShow(body: unknown): number | null {
  const show = record(body);
  const numCtx = typeof show?.parameters === 'string' && /\bnum_ctx\s+(\d+)/.exec(show.parameters);
  if (numCtx) return size(Number(numCtx[1]));
  const info = record(show?.model_info);
  const arch = info?.['general.architecture'];
  return typeof arch === 'string' ? size(info?.[`${arch}.context_length`]) : null;
}

/** LM Studio's /api/v0/models: the loaded context of `model`, else the most it could load. */
export function fromLmStudioModels(body: unknown, model: string): number | null {
  const data = record(body)?.data;
  if (!Array.isArray(data)) return null;
  const entry = data.map(record).find((e) => e?.id === model);
  return size(entry?.loaded_context_length) ?? size(entry?.max_context_length);
}

/**
 * Asks the server at `baseUrl` how many tokens `model` may hold, trying each kind of server's
 * own answer in turn; null when none says (OpenAI, or a server that keeps it to itself).
 */
export async function readContextSize(
  fetch: JsonFetch,
  endpoint: { baseUrl: string; apiKey: string },
  model: string,
  signal: AbortSignal,
): Promise<number | null> {
  const base = endpoint.baseUrl.replace(/\/+$/, '');
  const root = base.replace(/\/v1$/, '');
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (endpoint.apiKey) headers.Authorization = `Bearer ${endpoint.apiKey}`;
  const get = async (url: string, body?: object): Promise<unknown> => {
    try {
      const init = body
        ? {
            method: 'POST' as const,
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
            signal,
            redirect: 'error' as const,
          }
        : { method: 'GET' as const, headers, signal, redirect: 'error' as const };
      const response = await fetch(url, init);
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    }
  };
  const attempts: (() => Promise<number | null>)[] = [
    async () => {
      const models = await get(`${base}/models`);
      // llama.cpp's list also says it is llama.cpp: replies then ask for prompt progress.
      noteModelList(base, models);
      return fromOpenAiModels(models, model);
    },
    async () => fromLlamaProps(await get(`${root}/props`)),
    async () => fromOllamaShow(await get(`${root}/api/show`, { model })),
    async () => fromLmStudioModels(await get(`${root}/api/v0/models`), model),
  ];
  for (const attempt of attempts) {
    if (signal.aborted) return null;
    const found = await attempt();
    if (found) return found;
  }
  return null;
}

/**
 * The share of a server's context Parley plans with. Parley counts with o200k; a local model's
 * own tokenizer counts more (o200k counted 18,782 where Qwen2's counted 24,126), so a server
 * that is not OpenAI's gets a ~30% margin.
 */
export const TOKENIZER_MARGIN = 1.3;

/** The context window to plan with, in Parley's count, for a server that said `serverTokens`. */
export function plannedWindow(serverTokens: number, openAi: boolean): number {
  return openAi ? serverTokens : Math.floor(serverTokens / TOKENIZER_MARGIN);
}

/** The sizes in a server's refusal for context length, when it says them (llama.cpp does). */
export interface ContextRefusal {
  requestTokens?: number;
  contextTokens?: number;
}

/**
 * Reads a refusal for context length from the server's message: llama.cpp's "request (24126
 * tokens) exceeds the available context size (4096 tokens)", OpenAI's "maximum context length
 * is 8192 tokens… you requested 9000 tokens". Null when the message is about something else.
 */
export function parseContextRefusal(message: string | undefined): ContextRefusal | null {
  if (!message) return null;
  const llama =
    /request \((\d+) tokens\) exceeds the available context size \((\d+) tokens\)/i.exec(message);
  if (llama) return { requestTokens: Number(llama[1]), contextTokens: Number(llama[2]) };
  const openAi = /maximum context length is (\d+) tokens/i.exec(message);
  if (openAi) {
    const asked = /requested (\d+) tokens/i.exec(message);
    return {
      contextTokens: Number(openAi[1]),
      ...(asked ? { requestTokens: Number(asked[1]) } : {}),
    };
  }
  return /context (size|length|window)/i.test(message) ? {} : null;
}
