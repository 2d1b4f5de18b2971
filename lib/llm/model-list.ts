/** Reading the model list of any OpenAI-compatible server, whatever extra shape it adds. */

/**
 * The model ids in a model-list answer: OpenAI's `data` (llama.cpp sends it beside an
 * Ollama-style `models` list, and Ollama sends `data: null` when it has no model), else the
 * `models` list's `id`, `model` or `name`; null when the answer is not a model list at all.
 */
export function modelIdsOf(page: unknown): string[] | null {
  if (typeof page !== 'object' || page === null) return null;
  const { data, models } = page as { data?: unknown; models?: unknown };
  const list = Array.isArray(data)
    ? data
    : Array.isArray(models)
      ? models
      : data === null
        ? []
        : null;
  if (!list) return null;
  const ids = list.map((m: unknown) => {
    if (typeof m !== 'object' || m === null) return undefined;
    const { id, model, name } = m as Record<string, unknown>;
    return [id, model, name].find((v): v is string => typeof v === 'string' && v !== '');
  });
  return [...new Set(ids.filter((id): id is string => id !== undefined))].sort();
}
