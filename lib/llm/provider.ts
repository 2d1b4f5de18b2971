/**
 * What the engine asks of a model server, whatever kind it is: the engine (lib/engine) and
 * moderation (lib/moderation) know only this interface, so a second kind of provider plugs in
 * beside the OpenAI-compatible one (lib/llm/openai-compatible) without touching them.
 */
import type { LlmConfig, ModerationOutcome, StreamPart } from './client';
import type { ModelMessage } from '../prompt/messages';

/** One chat request: the model and the messages it is sent. */
export interface ChatRequest {
  model: string;
  messages: ModelMessage[];
}

/** One model server, bound to its base URL and the key for that origin. */
export interface ModelProvider {
  /** Streams one reply; ends with a `finish` part only when the server said why it stopped. */
  streamChat(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamPart>;
  /** One short non-streaming completion (titles, guard-model moderation). */
  complete(request: ChatRequest & { maxTokens?: number }, signal: AbortSignal): Promise<string>;
  /** The server's model ids, sorted, for the settings picker. */
  listModels(signal: AbortSignal): Promise<string[]>;
  /** Classifies one text with the server's moderation endpoint. */
  moderate(input: string, signal: AbortSignal): Promise<ModerationOutcome>;
  /**
   * How many tokens the server holds for `model`, where the server says it (issue 14); null
   * when it does not. Optional: a provider that cannot tell leaves it out.
   */
  contextSize?(model: string, signal: AbortSignal): Promise<number | null>;
  /**
   * The model's own count of `texts` and its window (issue 15: the built-in model measures with
   * its session); null when it cannot say now (no model, or a reply is streaming). Optional.
   */
  measureUsage?(texts: string[], signal: AbortSignal): Promise<ContextMeasure | null>;
}

/** A provider's own measure: the tokens `texts` take (null: not countable) and its window. */
export interface ContextMeasure {
  tokens: number | null;
  window: number | null;
}

/**
 * Builds the provider for one endpoint configuration (chat and moderation may differ). `kind`
 * 'builtin' asks for the browser's built-in model (issue 15), which has no endpoint or key.
 */
export type ProviderFactory = (config: LlmConfig & { kind?: 'builtin' }) => ModelProvider;
