/**
 * Gives every provider the custom headers saved for its own base URL's origin (issue 14): the
 * lookup is by the origin each request goes to, so a header saved for one server never reaches
 * another, whichever endpoint (chat, models, title, moderation) the engine builds.
 */
import type { LlmConfig } from './client';
import type { ModelProvider, ProviderFactory } from './provider';

/** `factory`, with `headersFor(baseUrl)` resolved before each request and added to its config. */
export function withEndpointHeaders(
  factory: ProviderFactory,
  headersFor: (baseUrl: string) => Promise<Readonly<Record<string, string>>>,
): ProviderFactory {
  return (config: LlmConfig): ModelProvider => {
    let bound: Promise<ModelProvider> | null = null;
    const provider = () =>
      (bound ??= headersFor(config.baseUrl).then((headers) =>
        factory(Object.keys(headers).length ? { ...config, headers } : config),
      ));
    return {
      async *streamChat(request, signal) {
        yield* (await provider()).streamChat(request, signal);
      },
      complete: async (request, signal) => (await provider()).complete(request, signal),
      listModels: async (signal) => (await provider()).listModels(signal),
      moderate: async (input, signal) => (await provider()).moderate(input, signal),
      // The server's own context size (issue 14), where the provider can ask for it.
      contextSize: async (model, signal) => (await provider()).contextSize?.(model, signal) ?? null,
    };
  };
}
