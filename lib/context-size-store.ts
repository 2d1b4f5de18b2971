/**
 * Storage adapter for the context windows servers said they have (issue 14): the worker writes
 * what it learned (lib/engine/context-window), the panel's meter reads and watches it. Sizes are
 * in Parley's count (the tokenizer margin applied), keyed by base URL and model.
 */
import { storage } from '#imports';

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
