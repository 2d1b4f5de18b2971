/** A ModelProvider for engine tests: only what a test gives it works; the rest is a 404. */
import type { ModelProvider } from '@/lib/llm/provider';

const missing = () => Promise.reject(Object.assign(new Error('Not found'), { status: 404 }));

/** `parts` over a provider whose every call fails as an endpoint that lacks it would. */
export function fakeProvider(parts: Partial<ModelProvider>): ModelProvider {
  return {
    streamChat: () => ({
      [Symbol.asyncIterator]: () => ({ next: missing }),
    }),
    complete: missing,
    listModels: missing,
    moderate: missing,
    ...parts,
  };
}

/** The chat request a fake provider was sent. */
export type SentRequest = Parameters<ModelProvider['streamChat']>[0];
