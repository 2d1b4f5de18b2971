/**
 * The first ModelProvider: any server that speaks OpenAI's chat completions API (OpenAI, Groq,
 * Ollama, LM Studio, …), through the request functions of lib/llm/client.
 */
import { completeChat, listModels, moderateText, streamChat, type LlmConfig } from './client';
import type { ModelProvider } from './provider';
import { readContextSize } from './context-size';

/** The OpenAI-compatible provider for one base URL, key and headers timeout. */
export function createOpenAiCompatibleProvider(config: LlmConfig): ModelProvider {
  return {
    streamChat: (request, signal) => streamChat(config, request, signal),
    complete: (request, signal) => completeChat(config, request, signal),
    listModels: (signal) => listModels(config, signal),
    moderate: (input, signal) => moderateText(config, input, signal),
    contextSize: (model, signal) =>
      readContextSize((url, init) => globalThis.fetch(url, init), config, model, signal),
  };
}
