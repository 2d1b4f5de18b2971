/**
 * The built-in model in another context (issue 15): where the worker has no `LanguageModel`, an
 * offscreen document runs the provider, and the worker talks to it over one port. The worker
 * stays the owner of every generation (its state, its persistence): the document only streams
 * text back. Both ends are here, over a minimal port, so an in-memory pair tests them.
 */
import type { StreamPart } from '../client';
import type { ChatRequest, ContextMeasure } from '../provider';
import type { BuiltinProvider } from './provider';
import { moderationUnsupportedError, rebuildBuiltinError, type SentError } from './errors';
import { BUILTIN_MODEL_ID } from './prompt-api';

/** The name of the worker's port to the offscreen document. */
export const BUILTIN_PORT_NAME = 'parley-builtin-model';

/** What the worker asks: a streamed reply, a one-off completion, or to stop one. */
export type HostRequest =
  | { type: 'stream'; id: number; request: ChatRequest }
  | { type: 'complete'; id: number; request: ChatRequest }
  | { type: 'context'; id: number; request: ChatRequest }
  | { type: 'measure'; id: number; request: ChatRequest }
  | { type: 'abort'; id: number };

/** What the document answers, per request id. */
export type HostAnswer =
  | { type: 'part'; id: number; part: StreamPart }
  | { type: 'result'; id: number; text: string }
  | { type: 'size'; id: number; tokens: number | null }
  | { type: 'measure'; id: number; measure: ContextMeasure | null }
  | { type: 'end'; id: number }
  | { type: 'error'; id: number; error: SentError };

/** The part of a runtime port both ends use. */
export interface MiniPort<Out, In> {
  postMessage(message: Out): void;
  onMessage: { addListener(listener: (message: In) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The document's side: answers the worker's requests with `provider` (validated on arrival). */
export function serveBuiltin(port: MiniPort<HostAnswer, unknown>, provider: () => BuiltinProvider) {
  const running = new Map<number, AbortController>();
  port.onDisconnect.addListener(() => {
    for (const c of running.values()) c.abort();
    running.clear();
  });
  port.onMessage.addListener((raw) => {
    if (!isObject(raw) || typeof raw.id !== 'number') return;
    const id = raw.id;
    if (raw.type === 'abort') {
      running.get(id)?.abort();
      return;
    }
    const request = raw.request as ChatRequest;
    if (!isObject(request) || !Array.isArray(request.messages) || typeof request.model !== 'string')
      return;
    const controller = new AbortController();
    running.set(id, controller);
    const send = (message: HostAnswer) => {
      try {
        port.postMessage(message);
      } catch {
        controller.abort();
      }
    };
    void (async () => {
      try {
        if (raw.type === 'stream') {
          for await (const part of provider().streamChat(request, controller.signal))
            send({ type: 'part', id, part });
          send({ type: 'end', id });
        } else if (raw.type === 'context') {
          const tokens = await provider().contextSize(request.model, controller.signal);
          send({ type: 'size', id, tokens });
        } else if (raw.type === 'measure') {
          const texts = request.messages.map((m) => String(m.content));
          const measure = await provider().measureUsage(texts, controller.signal);
          send({ type: 'measure', id, measure });
        } else if (raw.type === 'complete') {
          send({ type: 'result', id, text: await provider().complete(request, controller.signal) });
        }
      } catch (error) {
        const e = error as { name?: string; message?: string; status?: number; code?: string };
        send({
          type: 'error',
          id,
          error: {
            name: String(e?.name ?? 'Error'),
            message: String(e?.message ?? ''),
            ...(typeof e?.status === 'number' ? { status: e.status } : {}),
            ...(typeof e?.code === 'string' ? { code: e.code } : {}),
          },
        });
      } finally {
        running.delete(id);
      }
    })();
  });
}

/** The worker's side: a ModelProvider whose calls go to the document over `connect()`'s port. */
export function remoteBuiltinProvider(
  connect: () => Promise<MiniPort<HostRequest, unknown>>,
): Omit<BuiltinProvider, 'dispose'> {
  let nextId = 1;
  const call = async function* (
    type: 'stream' | 'complete' | 'context' | 'measure',
    request: ChatRequest,
    signal: AbortSignal,
  ): AsyncGenerator<HostAnswer> {
    const port = await connect();
    const id = nextId++;
    const queue: HostAnswer[] = [];
    let wake: (() => void) | null = null;
    let closed = false;
    const push = () => {
      wake?.();
      wake = null;
    };
    port.onMessage.addListener((raw) => {
      if (isObject(raw) && raw.id === id) {
        queue.push(raw as HostAnswer);
        push();
      }
    });
    port.onDisconnect.addListener(() => {
      closed = true;
      push();
    });
    const abort = () => {
      try {
        port.postMessage({ type: 'abort', id });
      } catch {
        // The document is gone: nothing is running there any more.
      }
      push();
    };
    signal.addEventListener('abort', abort, { once: true });
    port.postMessage({ type, id, request });
    try {
      while (true) {
        if (signal.aborted) throw new DOMException('Stopped.', 'AbortError');
        const next = queue.shift();
        if (next) {
          if (next.type === 'error') throw rebuildBuiltinError(next.error);
          yield next;
          if (next.type !== 'part') return;
          continue;
        }
        if (closed) throw rebuildBuiltinError({ name: 'UnknownError', message: 'closed' });
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      signal.removeEventListener('abort', abort);
    }
  };

  return {
    async *streamChat(request, signal) {
      for await (const answer of call('stream', request, signal))
        if (answer.type === 'part') yield answer.part;
    },
    async complete(request, signal) {
      for await (const answer of call('complete', request, signal))
        if (answer.type === 'result') return answer.text;
      return '';
    },
    async contextSize(model, signal) {
      for await (const answer of call('context', { model, messages: [] }, signal))
        if (answer.type === 'size') return answer.tokens;
      return null;
    },
    async measureUsage(texts, signal) {
      const messages = texts.map((content) => ({ role: 'user' as const, content }));
      for await (const answer of call('measure', { model: BUILTIN_MODEL_ID, messages }, signal))
        if (answer.type === 'measure') return answer.measure;
      return null;
    },
    listModels: async () => [BUILTIN_MODEL_ID],
    // Moderation never leaves the worker: the built-in model has none.
    moderate: () => Promise.reject(moderationUnsupportedError()),
  };
}
