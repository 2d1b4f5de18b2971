/**
 * The only module that imports 'openai' (STYLE.md): every call to a model or an
 * OpenAI-compatible server goes through here, and SDK errors leave it as plain `LlmFailure` data.
 */
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai';
import { tolerantFetch } from './sse-filter';

export interface LlmConfig {
  apiKey: string;
  baseUrl: string;
  /** Time allowed until the response headers arrive (the SDK's timeout ends there). */
  timeoutMs: number;
}

export interface ModelMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type StreamPart =
  | { type: 'text'; text: string }
  | { type: 'finish'; reason: string | null }
  | { type: 'usage'; promptTokens?: number; completionTokens?: number };

/** What went wrong, as data the pure error mapping (lib/llm/errors) understands. */
export type LlmFailure =
  | {
      kind: 'api';
      status: number;
      code?: string;
      type?: string;
      message: string;
      retryAfterMs?: number;
    }
  | { kind: 'timeout' }
  | { kind: 'connection'; message: string }
  | { kind: 'aborted' };

// Servers without auth (Ollama, LM Studio) accept any bearer; the SDK refuses an empty key.
const PLACEHOLDER_KEY = 'no-key';

function createClient(config: LlmConfig): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey || PLACEHOLDER_KEY,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    // Retries are ours (lib/llm/retry): the SDK would also retry an exhausted quota.
    maxRetries: 0,
    // Manifest V3 workers and extension pages count as browsers for the SDK.
    dangerouslyAllowBrowser: true,
    fetch: tolerantFetch((input, init) => globalThis.fetch(input, init)),
  });
}

/**
 * Streams one chat completion. Ends with a `finish` part only when the server said why it stopped;
 * a stream that ends without one was cut short (EOF without [DONE]).
 */
export async function* streamChat(
  config: LlmConfig,
  request: { model: string; messages: ModelMessage[] },
  signal: AbortSignal,
): AsyncGenerator<StreamPart> {
  const client = createClient(config);
  const stream = await client.chat.completions.create(
    { model: request.model, messages: request.messages, stream: true },
    { signal },
  );
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    const text = choice?.delta?.content;
    if (text) yield { type: 'text', text };
    if (choice?.finish_reason) yield { type: 'finish', reason: choice.finish_reason };
    if (chunk.usage) {
      yield {
        type: 'usage',
        promptTokens: chunk.usage.prompt_tokens,
        completionTokens: chunk.usage.completion_tokens,
      };
    }
  }
}

/** One non-streaming completion (titles, Llama Guard–style moderation). */
export async function completeChat(
  config: LlmConfig,
  request: { model: string; messages: ModelMessage[]; maxTokens?: number },
  signal: AbortSignal,
): Promise<string> {
  const client = createClient(config);
  const response = await client.chat.completions.create(
    {
      model: request.model,
      messages: request.messages,
      ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
    },
    { signal },
  );
  return response.choices[0]?.message?.content ?? '';
}

/** The endpoint's model ids, sorted, for the settings picker. */
export async function listModels(config: LlmConfig, signal: AbortSignal): Promise<string[]> {
  const client = createClient(config);
  const ids: string[] = [];
  for await (const model of client.models.list({ signal })) ids.push(model.id);
  return ids.sort();
}

export interface ModerationOutcome {
  flagged: boolean;
  categories: Record<string, boolean>;
  category_scores: Record<string, number>;
}

/** OpenAI's moderation endpoint (`omni-moderation-latest`). */
export async function moderateText(
  config: LlmConfig,
  input: string,
  signal: AbortSignal,
): Promise<ModerationOutcome> {
  const client = createClient(config);
  const response = await client.moderations.create(
    { model: 'omni-moderation-latest', input },
    { signal },
  );
  const result = response.results[0];
  if (!result) throw new Error('The moderation endpoint returned no result.');
  return {
    flagged: result.flagged,
    categories: { ...result.categories } as unknown as Record<string, boolean>,
    category_scores: { ...result.category_scores } as unknown as Record<string, number>,
  };
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** Turns whatever the SDK or fetch threw into `LlmFailure`; never includes the key. */
export function describeFailure(error: unknown): LlmFailure {
  if (error instanceof APIUserAbortError) return { kind: 'aborted' };
  if (error instanceof APIConnectionTimeoutError) return { kind: 'timeout' };
  if (error instanceof APIConnectionError) return { kind: 'connection', message: error.message };
  if (error instanceof APIError) {
    if (error.status === undefined) {
      // An error event inside the stream: the server failed mid-answer.
      return {
        kind: 'api',
        status: 500,
        message: error.message,
        ...(error.code ? { code: error.code } : {}),
      };
    }
    return {
      kind: 'api',
      status: error.status,
      message: error.message,
      ...(error.code ? { code: error.code } : {}),
      ...(error.type ? { type: error.type } : {}),
      ...(retryAfterMs(error.headers) !== undefined
        ? { retryAfterMs: retryAfterMs(error.headers) }
        : {}),
    };
  }
  if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'aborted' };
  // A socket dropped mid-stream surfaces from fetch as a plain TypeError.
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'connection', message };
}
