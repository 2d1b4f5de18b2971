/**
 * The only module that imports 'openai' (STYLE.md): every call to a model or an
 * OpenAI-compatible server goes through here, and SDK errors leave it as plain `LlmFailure` data.
 *
 * It uses the SDK's error classes but not its `OpenAI` client class: that class attaches every
 * API resource (files, audio, assistants, …), ~100 KiB gzipped the worker never runs, which alone
 * put the background over its 120 KiB budget (bench M9). Parley makes four requests; they are
 * built here the way the SDK builds them. Nor its SSE `Stream`: a stream is read once, from the
 * bytes, by lib/llm/chat-stream (issue 17: a filter before the SDK's reader parsed it twice).
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai/core/error';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { ModerationCreateResponse } from 'openai/resources/moderations';
import type { ModelMessage } from '../prompt/messages';
import { readChatStream } from './chat-stream';
import type { LlmConfig, LlmFailure, ModerationOutcome, StreamPart } from './llm-types';
import { isLocalBaseUrl } from './origin-rule';
import { modelIdsOf } from './model-list';
import { knownLlamaCpp } from './prompt-progress';
import { redact, redactError, secretsOf } from './redact';

export type { LlmConfig, LlmFailure, ModerationOutcome, StreamPart } from './llm-types';

/** The failure code of a local server's 403: it refused the Origin, not the key (issue 14). */
export const LOCAL_ORIGIN_CODE = 'local_origin';

// Servers without auth (Ollama, LM Studio) accept any bearer; OpenAI answers a missing one 401.
const PLACEHOLDER_KEY = 'no-key';

/**
 * One request. Resolves once the headers are in (the timeout covers only that wait, as the SDK's
 * does) with an OK response and the controller that aborts its body; throws the SDK's errors.
 * Retries are ours (lib/engine/generation): never here.
 */
async function request(
  config: LlmConfig,
  path: string,
  init: { method: 'GET' | 'POST'; body?: object },
  signal: AbortSignal,
): Promise<{ response: Response; controller: AbortController; release: () => void }> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal.aborted) throw new APIUserAbortError();
  signal.addEventListener('abort', abort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  let response: Response;
  try {
    response = await globalThis.fetch(`${config.baseUrl.replace(/\/+$/, '')}${path}`, {
      method: init.method,
      headers: {
        // First, so none of Parley's own headers can be replaced (names are checked on save).
        ...config.headers,
        Authorization: `Bearer ${config.apiKey || PLACEHOLDER_KEY}`,
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      signal: controller.signal,
      // A redirect would carry the custom headers to wherever it points: refused instead.
      redirect: 'error',
    });
  } catch (error) {
    signal.removeEventListener('abort', abort);
    if (timedOut) throw new APIConnectionTimeoutError();
    if (signal.aborted) throw new APIUserAbortError();
    throw new APIConnectionError({ cause: error instanceof Error ? error : undefined });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    // Stop still reaches a server that sends error headers and then never ends the body.
    let text: string;
    try {
      text = await response.text();
    } catch {
      text = '';
    } finally {
      signal.removeEventListener('abort', abort);
    }
    // A proxy may echo the key in a format scrubSecrets does not know: it never goes further.
    text = redact(text, secretsOf(config));
    let body: object | undefined;
    try {
      body = JSON.parse(text) as object;
    } catch {
      body = undefined;
    }
    // A local server's 403 is its Origin check (Ollama), not a key problem (issue 14).
    if (response.status === 403 && isLocalBaseUrl(config.baseUrl)) {
      body = { error: { code: LOCAL_ORIGIN_CODE, message: text || 'Origin not allowed' } };
    }
    throw APIError.generate(response.status, body, body ? undefined : text, response.headers);
  }
  return { response, controller, release: () => signal.removeEventListener('abort', abort) };
}

async function requestJson<T>(
  config: LlmConfig,
  path: string,
  init: { method: 'GET' | 'POST'; body?: object },
  signal: AbortSignal,
): Promise<T> {
  const { response, release } = await request(config, path, init, signal);
  try {
    return (await response.json()) as T;
  } finally {
    release();
  }
}

/**
 * Streams one chat completion. Ends with a `finish` part only when the server said why it stopped;
 * a stream that ends without one was cut short (EOF without [DONE]).
 */
export async function* streamChat(
  config: LlmConfig,
  body: { model: string; messages: ModelMessage[] },
  signal: AbortSignal,
): AsyncGenerator<StreamPart> {
  // Only llama.cpp is asked for prompt progress: other servers may refuse an unknown field.
  const progress = knownLlamaCpp(config.baseUrl);
  const { model, messages } = body;
  const stream_ = { model, messages, stream: true, ...(progress ? { return_progress: true } : {}) };
  const { response, controller, release } = await request(
    config,
    '/chat/completions',
    { method: 'POST', body: stream_ },
    signal,
  );
  if (!response.body) {
    release();
    throw new APIConnectionError({ message: 'The stream had no body.' });
  }
  const fail = (payload: unknown) =>
    new APIError(undefined, payload as object | undefined, undefined, response.headers);
  try {
    yield* readChatStream(response.body, controller.signal, { progress, fail });
  } catch (error) {
    // An error event after the 200 may echo a secret too (redacted like an error body).
    throw redactError(error, secretsOf(config));
  } finally {
    controller.abort();
    release();
  }
}

/** One non-streaming completion (titles, Llama Guard–style moderation). */
export async function completeChat(
  config: LlmConfig,
  body: { model: string; messages: ModelMessage[]; maxTokens?: number },
  signal: AbortSignal,
): Promise<string> {
  const response = await requestJson<ChatCompletion>(
    config,
    '/chat/completions',
    {
      method: 'POST',
      body: {
        model: body.model,
        messages: body.messages,
        ...(body.maxTokens ? { max_tokens: body.maxTokens } : {}),
      },
    },
    signal,
  );
  return response.choices?.[0]?.message?.content ?? '';
}

/** The endpoint's model ids, sorted, for the settings picker. */
export async function listModels(config: LlmConfig, signal: AbortSignal): Promise<string[]> {
  const page = await requestJson<unknown>(config, '/models', { method: 'GET' }, signal);
  const ids = modelIdsOf(page);
  if (!ids) throw new APIConnectionError({ message: 'Not a model list.' });
  return ids;
}

/** OpenAI's moderation endpoint (`omni-moderation-latest`). */
export async function moderateText(
  config: LlmConfig,
  input: string,
  signal: AbortSignal,
): Promise<ModerationOutcome> {
  const response = await requestJson<ModerationCreateResponse>(
    config,
    '/moderations',
    { method: 'POST', body: { model: 'omni-moderation-latest', input } },
    signal,
  );
  const result = response.results?.[0];
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
      // An error event inside the stream: the server failed mid-answer. llama.cpp puts an HTTP
      // status in `code` (`{"error":{"code":500,…}}`); Ollama sends `{"error":"text"}`.
      const raw: unknown = error.code;
      const status = typeof raw === 'number' && raw >= 400 && raw < 600 ? raw : 500;
      const text = typeof error.error === 'string' ? error.error : error.message;
      return {
        kind: 'api',
        status,
        message: text,
        ...(typeof raw === 'string' && raw ? { code: raw } : {}),
      };
    }
    return {
      kind: 'api',
      status: error.status,
      message: error.message,
      // llama.cpp repeats the status as a number in `code` (`"code":404`): only text is a code.
      ...(typeof error.code === 'string' && error.code ? { code: error.code } : {}),
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
