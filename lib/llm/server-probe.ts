/**
 * One GET to a model server and what its answer says: a model list (OpenAI's `data`, Ollama's
 * `models`, llama.cpp's both) and, from the list's shape, which kind of server it is. Pure over
 * an injected fetch, shared by "Find local servers" and "Test connection" (issue 14).
 */
import type { LocalServerKind } from '../model/local-servers';

/** The fetch the worker passes in (the global one); tests pass a fake. */
export type ProbeFetch = (url: string, init: RequestInit) => Promise<Response>;

/** How one GET went: no connection, no answer in time, or the status with the body as JSON. */
export type ProbeAnswer =
  | { kind: 'network' }
  | { kind: 'timeout' }
  | {
      kind: 'answer';
      status: number;
      /** The body parsed as JSON; `undefined` when it is empty or not JSON. */
      json: unknown;
      /** The body was empty (Ollama's origin refusal is a 403 with no body). */
      empty: boolean;
      /** The `Server` header, lower-cased ('' when absent). */
      server: string;
    };

/** GETs `url` with a deadline that covers the body too: a server that trickles is a timeout. */
export async function probeGet(
  fetch: ProbeFetch,
  url: string,
  options: { timeoutMs: number; headers?: Record<string, string> },
): Promise<ProbeAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'GET',
      headers: { Accept: 'application/json', ...options.headers },
      signal: controller.signal,
      // Nothing from the browser's cookie jar goes to a server that just happens to listen.
      credentials: 'omit',
      cache: 'no-store',
      // Custom headers go to this origin only: a redirect elsewhere is refused.
      redirect: 'error',
    });
    const text = await response.text();
    return {
      kind: 'answer',
      status: response.status,
      json: parseJson(text),
      empty: text.trim() === '',
      server: (response.headers.get('server') ?? '').toLowerCase(),
    };
  } catch {
    return timedOut ? { kind: 'timeout' } : { kind: 'network' };
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A model list as read from a server: the ids, and the kind its shape gives away (if any). */
export interface ModelListReading {
  models: string[];
  kind: LocalServerKind | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter(isRecord) : [];
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/**
 * The models in a `/v1/models` or `/api/tags` body, or null when the body is no model list.
 * OpenAI's `data[].id` comes first (the ids chat requests take); Ollama-style `models[]` entries
 * (`model`, else `name`) are added when `data` lacks them: llama.cpp answers both lists, Ollama's
 * /api/tags only `models`, and Ollama's /v1/models says `"data": null` when it has none.
 */
export function readModelList(body: unknown): ModelListReading | null {
  if (!isRecord(body)) return null;
  const hasData = Array.isArray(body.data) || body.data === null;
  const hasModels = Array.isArray(body.models);
  if (!hasData && !hasModels) return null;
  const data = records(body.data);
  const named = records(body.models);
  const ids = [
    ...data.map((m) => text(m.id)),
    ...named.map((m) => text(m.model) ?? text(m.name)),
  ].filter((id): id is string => id !== null);
  return { models: [...new Set(ids)], kind: kindFromShape(body, data, named) };
}

function kindFromShape(
  body: Record<string, unknown>,
  data: Record<string, unknown>[],
  named: Record<string, unknown>[],
): LocalServerKind | null {
  const owners = new Set(data.map((m) => m.owned_by));
  // llama-server: `owned_by: "llamacpp"`, a `meta` per model, and an Ollama-ish list beside.
  if (owners.has('llamacpp') || data.some((m) => 'meta' in m)) return 'llamacpp';
  if (Array.isArray(body.data) && Array.isArray(body.models)) return 'llamacpp';
  if (owners.has('vllm') || data.some((m) => 'max_model_len' in m)) return 'vllm';
  if (owners.has('koboldcpp')) return 'koboldcpp';
  if (owners.has('organization_owner')) return 'lmstudio';
  // Ollama: /api/tags entries carry a digest and details; /v1/models says who owns a model
  // (`library` for the official ones) and answers `data: null` when it has none.
  if (!Array.isArray(body.data) && named.some((m) => 'digest' in m || 'details' in m))
    return 'ollama';
  if (body.data === null || owners.has('library')) return 'ollama';
  return null;
}

/** The kind a `Server` header names, if it names one (few servers set it). */
export function kindFromServerHeader(server: string): LocalServerKind | null {
  if (server.includes('llama.cpp') || server.includes('llama-server')) return 'llamacpp';
  if (server.includes('koboldcpp')) return 'koboldcpp';
  if (server.includes('ollama')) return 'ollama';
  return null;
}
