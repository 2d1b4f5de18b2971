/**
 * One Prompt API session per conversation branch: a session keeps its history, so a follow-up on
 * the same branch sends only the new question. The pool reuses a session while the branch only
 * grows (the request's history is exactly what the session has seen), and destroys it when the
 * user edits, regenerates or switches branch (the history no longer matches).
 */
import {
  BUILTIN_OPTIONS,
  type LanguageModelMessage,
  type LanguageModelSession,
  type LanguageModelStatic,
} from './prompt-api';

/** One pooled session and the history it holds. */
export interface PooledSession {
  session: LanguageModelSession;
  /** What the session has seen: its initial prompts, then each question and answer. */
  transcript: LanguageModelMessage[];
  /** A reply streams from it now: nobody else may prompt it. */
  busy: boolean;
  /** Its history still equals `transcript` (false after Stop, an error or an overflow). */
  reusable: boolean;
  /** It was taken from the pool (it holds earlier turns), not created for this request. */
  reused?: boolean;
  usedAt: number;
}

/** Two histories are the same, message by message (role and text). */
export function sameHistory(
  a: readonly LanguageModelMessage[],
  b: readonly LanguageModelMessage[],
): boolean {
  return (
    a.length === b.length && a.every((m, i) => m.role === b[i]?.role && m.content === b[i]?.content)
  );
}

// The first question: two histories that share it are taken to be one conversation.
function firstTurn(history: readonly LanguageModelMessage[]): string | undefined {
  return history.find((m) => m.role !== 'system')?.content;
}

/** The pool's options: how many idle sessions it keeps (each holds model memory), how long. */
export interface SessionPoolOptions {
  maxSessions?: number;
  /** An idle session is destroyed after this long (default 3 minutes). */
  idleMs?: number;
  now?: () => number;
}

/** A pool of sessions over one `LanguageModel`. */
export function createSessionPool(lm: LanguageModelStatic, options: SessionPoolOptions = {}) {
  const max = options.maxSessions ?? 3;
  const now = options.now ?? (() => Date.now());
  const idleMs = options.idleMs ?? 180_000;
  const entries: PooledSession[] = [];
  let idleWaiters: (() => void)[] = [];
  // create() calls not answered yet count as busy: a refused second one waits for them too.
  let creating = 0;
  const isIdle = () => creating === 0 && entries.every((e) => !e.busy);
  const wakeIfIdle = () => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  const destroy = (entry: PooledSession) => {
    const at = entries.indexOf(entry);
    if (at >= 0) entries.splice(at, 1);
    try {
      entry.session.destroy();
    } catch {
      // Already destroyed (or the browser took it back): nothing more to free.
    }
  };

  return {
    entries: entries as readonly PooledSession[],

    /**
     * A session whose history is `history`: an idle one that has seen exactly that, or a new one
     * created with it as `initialPrompts` (real roles: system first, then the earlier turns).
     * `input` is the question about to be asked (it tells a regenerate of the first answer).
     */
    async acquire(
      history: LanguageModelMessage[],
      input: string,
      signal: AbortSignal,
    ): Promise<PooledSession> {
      const reused = entries.find(
        (e) => !e.busy && e.reusable && sameHistory(e.transcript, history),
      );
      if (reused) {
        reused.busy = true;
        reused.reused = true;
        reused.usedAt = now();
        return reused;
      }
      // Same conversation, other history: an edit, a regenerate or another branch.
      const turn = firstTurn(history) ?? input;
      for (const e of [...entries]) {
        if (!e.busy && (!e.reusable || (turn !== undefined && firstTurn(e.transcript) === turn)))
          destroy(e);
      }
      const idle = entries.filter((e) => !e.busy).sort((a, b) => a.usedAt - b.usedAt);
      while (entries.length >= max && idle.length > 0) destroy(idle.shift()!);
      creating += 1;
      let session: LanguageModelSession;
      try {
        session = await lm.create({
          ...BUILTIN_OPTIONS,
          ...(history.length ? { initialPrompts: history } : {}),
          signal,
        });
      } finally {
        creating -= 1;
      }
      const entry: PooledSession = {
        session,
        transcript: [...history],
        busy: true,
        reusable: true,
        reused: false,
        usedAt: now(),
      };
      entries.push(entry);
      return entry;
    },

    /** The reply ended: `answered` (question and answer) joins the history, or the session goes. */
    release(entry: PooledSession, answered: LanguageModelMessage[] | null): void {
      entry.busy = false;
      if (answered && entry.reusable) {
        entry.transcript.push(...answered);
        // Nobody came back to this branch for a while: its model memory is given back.
        const at = (entry.usedAt = now());
        setTimeout(() => {
          if (!entry.busy && entry.usedAt === at) destroy(entry);
        }, idleMs);
      } else destroy(entry);
      wakeIfIdle();
    },

    /** Whether a reply is streaming from any session. */
    busy(): boolean {
      return !isIdle();
    },

    /**
     * Resolves when no session is streaming or being created, with the idle ones destroyed: a
     * browser that refused a second session gets its one back (parallel requests, one by one).
     */
    async idle(): Promise<void> {
      if (!isIdle()) await new Promise<void>((resolve) => idleWaiters.push(resolve));
      for (const e of [...entries]) if (!e.busy) destroy(e);
    },

    /** Destroys every session (the provider is no longer used). */
    clear(): void {
      for (const e of [...entries]) destroy(e);
    },
  };
}

/** The pool type, for the provider. */
export type SessionPool = ReturnType<typeof createSessionPool>;
