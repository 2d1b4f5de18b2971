/**
 * The browser's built-in model (Chrome's Prompt API) as a ModelProvider: the same chat as any
 * server's, with the system prompt and earlier turns as `initialPrompts` in their real roles, one
 * session per branch (sessions.ts), Stop through the signal, and the Prompt API's errors mapped
 * onto Parley's error states (errors.ts). The `LanguageModel` object is passed in.
 */
import type { ModelMessage } from '../../prompt/messages';
import type { StreamPart } from '../client';
import type { ChatRequest, ContextMeasure, ModelProvider } from '../provider';
import { errorName, mapBuiltinError, moderationUnsupportedError } from './errors';
import {
  BUILTIN_MODEL_ID,
  BUILTIN_OPTIONS,
  contextUsageOf,
  contextWindowOf,
  measureInput,
  type LanguageModelMessage,
  type LanguageModelStatic,
} from './prompt-api';
import { createSessionPool, type PooledSession, type SessionPoolOptions } from './sessions';
import { readTextChunks } from './stream-text';

/** What the built-in provider is given: where to find `LanguageModel` (undefined: none here). */
export interface BuiltinProviderDeps extends SessionPoolOptions {
  languageModel: LanguageModelStatic | undefined;
}

/** The built-in provider; `dispose` destroys its sessions. */
export type BuiltinProvider = ModelProvider & {
  dispose(): void;
  /** The session's own context window (the engine trims history to it). */
  contextSize(model: string, signal: AbortSignal): Promise<number | null>;
  /** The session's own count of `texts` (measureContextUsage) and window, for the meter. */
  measureUsage(texts: string[], signal: AbortSignal): Promise<ContextMeasure | null>;
};

/** What a reply that overflowed the session's window ends with (the text so far is kept). */
export function overflowError(): Error {
  return mapBuiltinError(
    new DOMException(
      'The built-in model ran out of room for this conversation.',
      'QuotaExceededError',
    ),
  );
}

const finite = (n: number | undefined): number | null =>
  n !== undefined && Number.isFinite(n) ? n : null;

// Errors that say something about this request: waiting for another reply would not change them.
const FINAL_ERRORS = new Set([
  'AbortError',
  'QuotaExceededError',
  'NotSupportedError',
  'NotAllowedError',
  'NotReadableError',
  'NetworkError',
]);

function splitRequest(messages: ModelMessage[]): {
  history: LanguageModelMessage[];
  input: string;
} {
  const last = messages.at(-1);
  if (!last || last.role !== 'user')
    throw new DOMException('No question to answer.', 'SyntaxError');
  return {
    history: messages.slice(0, -1).map((m) => ({ role: m.role, content: m.content })),
    input: last.content,
  };
}

/** The built-in model provider over one `LanguageModel` (the browser's, or a fake in tests). */
export function createBuiltinProvider(deps: BuiltinProviderDeps): BuiltinProvider {
  const lm = deps.languageModel;
  const pool = lm ? createSessionPool(lm, deps) : null;

  const ready = async () => {
    if (!lm || !pool) throw mapBuiltinError({ name: 'BuiltinUnavailable' });
    const availability = await lm.availability(BUILTIN_OPTIONS);
    if (availability === 'unavailable') throw mapBuiltinError({ name: 'BuiltinUnavailable' });
    return pool;
  };

  // Compare asks for two replies at once: a browser that refuses a second session (or a second
  // prompt) gets them one after another instead.
  const acquire = async (history: LanguageModelMessage[], input: string, signal: AbortSignal) => {
    const sessions = await ready();
    try {
      return await sessions.acquire(history, input, signal);
    } catch (error) {
      if (FINAL_ERRORS.has(errorName(error)) || !sessions.busy()) throw error;
      await sessions.idle();
      return sessions.acquire(history, input, signal);
    }
  };

  async function* stream(request: ChatRequest, signal: AbortSignal): AsyncGenerator<StreamPart> {
    const { history, input } = splitRequest(request.messages);
    let entry: PooledSession | null = null;
    let answer: string | null = null;
    try {
      entry = await acquire(history, input, signal);
      let measured = await measureInput(entry.session, input)?.catch(() => undefined);
      const used = contextUsageOf(entry.session);
      const window = contextWindowOf(entry.session);
      if (
        entry.reused &&
        used !== undefined &&
        window !== undefined &&
        measured !== undefined &&
        used + measured > window
      ) {
        // The kept session would overflow and forget turns on its own: a new one gets the
        // history the engine trimmed to the window instead.
        entry.reusable = false;
        pool?.release(entry, null);
        entry = null;
        entry = await acquire(history, input, signal);
        measured = await measureInput(entry.session, input)?.catch(() => undefined);
      }
      const { session } = entry;
      const current = entry;
      let overflowed = false;
      const onOverflow = () => {
        // The browser evicted old turns: its history no longer matches Parley's.
        current.reusable = false;
        overflowed = true;
      };
      session.addEventListener('contextoverflow', onOverflow);
      session.addEventListener('quotaoverflow', onOverflow);
      const before = contextUsageOf(session);
      let text = '';
      for await (const piece of readTextChunks(
        session.promptStreaming(input, { signal }),
        signal,
      )) {
        text += piece;
        yield { type: 'text', text: piece };
      }
      // The session forgot turns to make room: the reply says so (the text stays) rather than
      // passing for an answer to the whole conversation.
      if (overflowed) throw overflowError();
      answer = text;
      yield { type: 'finish', reason: 'stop' };
      const after = contextUsageOf(session);
      if (before !== undefined && after !== undefined) {
        const prompt = before + (measured ?? 0);
        yield {
          type: 'usage',
          promptTokens: prompt,
          completionTokens: Math.max(0, after - prompt),
        };
      }
    } catch (error) {
      throw mapBuiltinError(signal.aborted ? new DOMException('Stopped.', 'AbortError') : error);
    } finally {
      if (entry) {
        pool?.release(
          entry,
          answer === null
            ? null
            : [
                { role: 'user', content: input },
                { role: 'assistant', content: answer },
              ],
        );
      }
    }
  }

  return {
    streamChat: stream,

    async complete(request, signal) {
      const { history, input } = splitRequest(request.messages);
      // Titles and guard checks are one-off: a fresh session, never a pooled one.
      if (!lm) throw mapBuiltinError({ name: 'BuiltinUnavailable' });
      try {
        await ready();
        const session = await lm.create({
          ...BUILTIN_OPTIONS,
          ...(history.length ? { initialPrompts: history } : {}),
          signal,
        });
        try {
          return await session.prompt(input, { signal });
        } finally {
          session.destroy();
        }
      } catch (error) {
        throw mapBuiltinError(error);
      }
    },

    listModels: () => Promise.resolve([BUILTIN_MODEL_ID]),

    moderate: () => Promise.reject(moderationUnsupportedError()),

    dispose: () => pool?.clear(),

    async measureUsage(texts, signal) {
      // Never while a reply streams: the model is busy, and the meter holds still meanwhile.
      if (!lm || !pool || pool.busy()) return null;
      try {
        if ((await lm.availability(BUILTIN_OPTIONS)) !== 'available') return null;
        // A probe without history: each text is measured on its own, as the meter lists them.
        const probe = await lm.create({ ...BUILTIN_OPTIONS, signal });
        try {
          const window = finite(contextWindowOf(probe));
          const counts = await Promise.all(
            texts.filter((t) => t !== '').map((t) => measureInput(probe, t)),
          );
          const tokens = counts.every((c) => typeof c === 'number')
            ? counts.reduce<number>((sum, n) => sum + (n ?? 0), 0)
            : null;
          return { tokens, window };
        } finally {
          probe.destroy();
        }
      } catch {
        return null;
      }
    },

    async contextSize(_model, signal) {
      const known = pool?.entries.map((e) => contextWindowOf(e.session)).find(Number.isFinite);
      if (known !== undefined || !lm) return known ?? null;
      try {
        if ((await lm.availability(BUILTIN_OPTIONS)) !== 'available') return null;
        const session = await lm.create({ ...BUILTIN_OPTIONS, signal });
        const window = contextWindowOf(session);
        session.destroy();
        return window !== undefined && Number.isFinite(window) ? window : null;
      } catch {
        return null;
      }
    },
  };
}
