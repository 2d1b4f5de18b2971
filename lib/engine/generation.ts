/**
 * One reply's life in the background worker (DESIGN §2): stream from the model, coalesce deltas
 * for the panels, write the growing text at least every flush window, watch for stalls, retry what
 * is worth retrying, and always end in a terminal state with the text kept.
 * Environment-free: the stream, the database write and the port are passed in.
 */
import type { DeltaEvent, LiveGeneration, PromptProgressEvent, StateEvent } from '../protocol';
import { describeFailure, type StreamPart } from '../llm/client';
import { failureToState, retryDelayMs } from '../llm/errors';
import type { MessageState, Usage } from '../model/types';
import { fitToCap, REPLY_CAP_CHARS } from './reply-cap';
import { createWatchdog, silenceLimitMs } from './watchdog';
import { createWriteQueue } from './write-queue';

/** How long a generation waits before giving up, writing, and telling the panel. */
export interface GenerationTiming {
  /** Silence between tokens after which a stream is ended as `interrupted(stalled)`. */
  stallMs: number;
  /**
   * The longest wait for the first token while the connection is open: a local server reads a
   * long prompt in silence (issue 14). Past it the reply ends as `interrupted(first_token)`.
   */
  firstTokenMs: number;
  /** The longest the database may lag behind the text the user saw. */
  flushMs: number;
  /** The least time between two delta events after the first. */
  coalesceMs: number;
}

/** The timing a generation uses where the settings and the tests leave it unset. */
export const DEFAULT_TIMING: GenerationTiming = {
  stallMs: 45_000,
  firstTokenMs: 600_000,
  flushMs: 250,
  coalesceMs: 24,
};

/** What one generation needs: the model stream, storage, the panel and the moderation gate. */
export interface GenerationDeps {
  /** Opens the model stream; called again for each retry. */
  openStream: (signal: AbortSignal) => AsyncIterable<StreamPart>;
  persist: (update: { content: string; state: MessageState; usage?: Usage }) => Promise<void>;
  emit: (event: DeltaEvent | StateEvent | PromptProgressEvent) => void;
  onStorageError: (error: unknown) => void;
  isOnline: () => boolean;
  timing?: Partial<GenerationTiming>;
  /** Headers may take this long before the watchdog counts silence (the SDK's own timeout). */
  headersTimeoutMs?: number;
  /**
   * Input moderation, run alongside the request. With `hold`, reply text waits for the verdict
   * (block mode, or hold-when-unavailable); without it, text streams at once and nothing is slower.
   * A verdict that is a state (blocked, error) ends the reply with it before any text is shown.
   */
  inputGate?: { hold: boolean; verdict: Promise<MessageState | null> };
  /** Sees the whole reply so far after each chunk (output moderation decides its own cadence). */
  onText?: (content: string) => void;
  /** The most characters a reply may hold (tests lower it); more ends it as `too_long`. */
  capChars?: number;
}

/** A running reply, as the service sees it: stop it, read it, await how it ended. */
export interface GenerationHandle {
  messageId: string;
  conversationId: string;
  /**
   * Stops the reply. `shownLength`: how much of it the panel had shown when the user pressed
   * Stop; text past it, which the user never saw, is not kept (a panel far behind a very fast
   * stream would otherwise have to render megabytes more after Stop).
   */
  stop(shownLength?: number): void;
  snapshot(): LiveGeneration;
  /** Resolves with the terminal state once it is written (or the write has failed). */
  done: Promise<MessageState>;
}

type EndCause = 'stop' | 'stall' | 'first_token' | 'too_long' | null;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Starts one reply: streams it, retries what may be retried, persists and emits as it goes. */
export function startGeneration(
  ids: { messageId: string; conversationId: string },
  deps: GenerationDeps,
): GenerationHandle {
  const timing = { ...DEFAULT_TIMING, ...deps.timing };
  const userStop = new AbortController();
  let stopAt: number | undefined;
  let content = '';
  let state: MessageState = { kind: 'pending' };
  let usage: Usage | undefined;
  let seq = 0;
  let emittedLength = 0;
  let lastEmitAt = 0;
  let coalesceTimer: ReturnType<typeof setTimeout> | undefined;
  let released = !deps.inputGate?.hold;
  let gateState: MessageState | null = null;

  const emitPendingText = () => {
    coalesceTimer = undefined;
    if (!released || emittedLength === content.length) return;
    const text = content.slice(emittedLength);
    deps.emit({ type: 'delta', messageId: ids.messageId, seq: ++seq, offset: emittedLength, text });
    emittedLength = content.length;
    lastEmitAt = Date.now();
  };

  const scheduleEmit = () => {
    if (coalesceTimer) return;
    const wait = lastEmitAt === 0 ? 0 : Math.max(0, lastEmitAt + timing.coalesceMs - Date.now());
    // The first delta goes out at once: first-token latency is what users feel most.
    if (wait === 0) emitPendingText();
    else coalesceTimer = setTimeout(emitPendingText, wait);
  };

  const setState = (next: MessageState) => {
    state = next;
    deps.emit({ type: 'state', messageId: ids.messageId, seq: ++seq, state: next });
  };

  let lastWriteAt = Date.now();
  let storageFailed = false;
  const persistNow = async (): Promise<void> => {
    lastWriteAt = Date.now();
    try {
      await deps.persist({ content, state, ...(usage ? { usage } : {}) });
    } catch (error) {
      if (!storageFailed) deps.onStorageError(error);
      storageFailed = true;
    }
  };
  const queue = createWriteQueue(persistNow);
  const write = queue.write;
  const flushTimer = setInterval(
    () => {
      if (Date.now() - lastWriteAt >= timing.flushMs && state.kind === 'streaming' && !queue.busy())
        void write();
    },
    Math.max(10, Math.floor(timing.flushMs / 2)),
  );

  // Aborts whichever attempt is running when the input check blocks the message.
  const gateAbort = new AbortController();
  void deps.inputGate?.verdict.then(
    (verdict) => {
      if (verdict) {
        gateState = verdict;
        gateAbort.abort();
        return;
      }
      released = true;
      if (state.kind === 'streaming') scheduleEmit();
    },
    () => {
      released = true;
    },
  );

  const runAttempt = async (attempt: number): Promise<MessageState> => {
    if (gateState) return gateState;
    const attemptAbort = new AbortController();
    const onUserStop = () => attemptAbort.abort();
    userStop.signal.addEventListener('abort', onUserStop);
    gateAbort.signal.addEventListener('abort', onUserStop);
    let cause: EndCause = null;
    let finished = false;
    let receivedAny = false;
    const watchdog = createWatchdog(() => {
      cause = receivedAny ? 'stall' : 'first_token';
      attemptAbort.abort();
    });
    const limits = { ...timing, headersMs: deps.headersTimeoutMs };
    // Until the first part the server may be reading the prompt: only the first-token cap applies.
    watchdog.arm(silenceLimitMs(limits, false));
    try {
      for await (const part of deps.openStream(attemptAbort.signal)) {
        if (attemptAbort.signal.aborted) break;
        if (part.type === 'progress') {
          // The prompt being read (llama.cpp): news for the panel, not a token; the cap stands.
          const { processed, total, cache, timeMs } = part;
          const messageId = ids.messageId;
          deps.emit({ type: 'prompt_progress', messageId, processed, total, cache, timeMs });
          continue;
        }
        receivedAny = true;
        watchdog.arm(timing.stallMs);
        if (part.type === 'text') {
          if (state.kind !== 'streaming') setState({ kind: 'streaming' });
          const fit = fitToCap(content.length, part.text, deps.capChars ?? REPLY_CAP_CHARS);
          content += fit.text;
          deps.onText?.(content);
          if (released) scheduleEmit();
          if (fit.over) {
            // What fits is kept; the request is let go instead of streaming on unread.
            cause = 'too_long';
            attemptAbort.abort();
            break;
          }
        } else if (part.type === 'finish') {
          finished = true;
        } else {
          usage = { promptTokens: part.promptTokens, completionTokens: part.completionTokens };
        }
      }
      if (gateState) return gateState;
      if (cause === 'too_long') return { kind: 'interrupted', reason: 'too_long' };
      if (userStop.signal.aborted) return { kind: 'stopped' };
      if (cause === 'stall') return { kind: 'interrupted', reason: 'stalled' };
      if (cause === 'first_token') return { kind: 'interrupted', reason: 'first_token' };
      // The SDK ends quietly when the server closes without [DONE]: not a complete answer.
      return finished ? { kind: 'complete' } : { kind: 'interrupted', reason: 'truncated' };
    } catch (error) {
      if (gateState) return gateState;
      if (cause === 'too_long') return { kind: 'interrupted', reason: 'too_long' };
      if (userStop.signal.aborted) return { kind: 'stopped' };
      if (cause === 'stall') return { kind: 'interrupted', reason: 'stalled' };
      if (cause === 'first_token') return { kind: 'interrupted', reason: 'first_token' };
      const failure = describeFailure(error);
      const receivedText = content.length > 0;
      const delay = receivedText ? null : retryDelayMs(failure, attempt);
      if (delay !== null) {
        watchdog.clear();
        await sleep(delay, userStop.signal);
        if (userStop.signal.aborted) return { kind: 'stopped' };
        return runAttempt(attempt + 1);
      }
      return failureToState(failure, { receivedText, online: deps.isOnline() });
    } finally {
      watchdog.clear();
      userStop.signal.removeEventListener('abort', onUserStop);
      gateAbort.signal.removeEventListener('abort', onUserStop);
    }
  };

  const done = (async () => {
    let terminal = await runAttempt(0);
    clearTimeout(coalesceTimer);
    clearInterval(flushTimer);
    if (gateState) {
      // Blocked before any text was shown: the unseen text is dropped, never stored.
      terminal = gateState;
      content = '';
    } else if (!released) {
      // Ended before the verdict came: wait for it, so held text is never shown unchecked.
      const verdict = await deps.inputGate?.verdict.catch(() => null);
      if (verdict) {
        terminal = verdict;
        content = '';
      }
      released = true;
    }
    if (terminal.kind === 'stopped' && stopAt !== undefined && stopAt < content.length) {
      content = fitToCap(0, content, stopAt).text;
      emittedLength = Math.min(emittedLength, content.length);
    }
    emitPendingText();
    state = terminal;
    // The panel hears the end before the final write lands: its text is decided already, and
    // Stop must show at once even when the write of a long reply takes a while.
    deps.emit({ type: 'state', messageId: ids.messageId, seq: ++seq, state: terminal, content });
    // A flush still running holds the text as it was; one more write stores the terminal state.
    await write();
    return terminal;
  })();

  return {
    ...ids,
    stop: (shownLength) => {
      if (!userStop.signal.aborted) stopAt = shownLength;
      userStop.abort();
    },
    snapshot: () => ({ ...ids, seq, content: content.slice(0, emittedLength), state }),
    done,
  };
}
