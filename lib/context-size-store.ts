/**
 * Storage adapter for the context windows servers said they have (issue 14): the worker writes
 * what it learned (lib/engine/context-window), the panel's meter reads and watches it. Sizes are
 * in Parley's count (the tokenizer margin applied), keyed by base URL and model.
 */
import { storage } from '#imports';
import type { ServerFacts, ServerFactsCache } from './engine/context-window';

/** Context windows by `contextWindowKey(baseUrl, model)`. */
export const contextWindowsItem = storage.defineItem<Record<string, number>>(
  'local:contextWindows',
  { fallback: {} },
);

/** The key of one endpoint's model in `contextWindowsItem`. */
export function contextWindowKey(baseUrl: string, model: string): string {
  return `${baseUrl.replace(/\/+$/, '')} ${model}`;
}

/** Remembers one learned window (the latest 50 endpoints and models are kept). */
export async function saveContextWindow(baseUrl: string, model: string, tokens: number) {
  const all = await contextWindowsItem.getValue();
  const key = contextWindowKey(baseUrl, model);
  if (all[key] === tokens) return;
  const entries = Object.entries(all)
    .filter(([k]) => k !== key)
    .slice(-49);
  await contextWindowsItem.setValue(Object.fromEntries([...entries, [key, tokens]]));
}

/**
 * What servers said of themselves, for the worker (lib/engine/context-window): their context and
 * whether they are llama.cpp. In session storage, not local: a server's context is a launch
 * option (llama-server -c, Ollama's num_ctx) that may differ tomorrow, so it is kept as long as
 * the browser runs (a restarted worker needs it) and forgotten with the browser; it also stays
 * in memory, out of the profile on disk, and out of reach of content scripts.
 */
export const serverFactsItem = storage.defineItem<Record<string, ServerFacts>>(
  'session:serverFacts',
  { fallback: {} },
);

/** The worker's cache of `serverFactsItem`. */
export const serverFactsCache: ServerFactsCache = {
  load: () => serverFactsItem.getValue(),
  save: (all) => serverFactsItem.setValue(all),
};
