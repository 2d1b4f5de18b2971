/** A fake fetch over a table of URLs: what each local port answers, for the probe tests. */
import type { ProbeFetch } from '@/lib/llm/server-probe';

/** What one URL does: answer, refuse the connection, or never answer until aborted. */
export type Behaviour =
  | { status: number; body?: unknown; text?: string; headers?: Record<string, string> }
  | 'refused'
  | 'hang';

/** The fetch, and every URL and header set it was called with. */
export function fakeFetch(table: Record<string, Behaviour>): {
  fetch: ProbeFetch;
  calls: { url: string; headers: Record<string, string> }[];
} {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch: ProbeFetch = (url, init) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    const behaviour = table[url] ?? 'refused';
    if (behaviour === 'refused') return Promise.reject(new TypeError('Failed to fetch'));
    if (behaviour === 'hang') {
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
      });
    }
    const text =
      behaviour.text ?? (behaviour.body === undefined ? '' : JSON.stringify(behaviour.body));
    return Promise.resolve(
      new Response(text === '' && [204, 304].includes(behaviour.status) ? null : text, {
        status: behaviour.status,
        headers: behaviour.headers ?? {},
      }),
    );
  };
  return { fetch, calls };
}

/** Ollama's /v1/models and /api/tags for these models (`data: null` when there are none). */
export function ollama(models: string[]): { v1: unknown; tags: unknown } {
  return {
    v1: {
      object: 'list',
      data: models.length
        ? models.map((id) => ({ id, object: 'model', created: 1714582800, owned_by: 'library' }))
        : null,
    },
    tags: {
      models: models.map((name) => ({
        name,
        model: name,
        modified_at: '2025-05-01T10:00:00.123456789-07:00',
        size: 2019393189,
        digest: 'a80c4f17acd5',
        details: { format: 'gguf', family: 'llama', parameter_size: '3.2B' },
      })),
    },
  };
}

/** llama-server's /v1/models: OpenAI's `data` with `meta`, and an Ollama-ish `models` beside. */
export function llamaCpp(alias: string): unknown {
  return {
    object: 'list',
    models: [{ name: alias, model: alias, modified_at: '', size: '', digest: '', type: 'model' }],
    data: [
      {
        id: alias,
        object: 'model',
        created: 1757000000,
        owned_by: 'llamacpp',
        meta: { vocab_type: 2, n_vocab: 151936, n_ctx: 4096, n_ctx_train: 32768 },
      },
    ],
  };
}

/** A plain OpenAI-style list. */
export function openAi(ids: string[], owner = 'system'): unknown {
  return { object: 'list', data: ids.map((id) => ({ id, object: 'model', owned_by: owner })) };
}
