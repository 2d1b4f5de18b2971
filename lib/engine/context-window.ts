/**
 * What the worker knows of each server's context (issue 14, item 6): the size the server says it
 * has (asked once per endpoint and model through the provider), planned with a margin for the
 * tokenizer difference, and corrected by what a refusal for context length said. Replies trim
 * older turns to it; the panel's meter hears it through `onLearned`.
 *
 * What was learned is also kept in a cache that outlives the worker (issue 17, M1 cold): a
 * restarted worker plans its first request from it instead of asking the server first (35–590 ms
 * before the first token), and asks again only after that reply, off the first token's path.
 */
import type { ModelProvider } from '../llm/provider';
import { knownLlamaCpp, rememberLlamaCpp } from '../llm/prompt-progress';
import { parseContextRefusal, plannedWindow, TOKENIZER_MARGIN } from '../llm/context-size';
import { BUILTIN_BASE_URL } from '../llm/builtin/prompt-api';
import { contextWindowFor, REPLY_RESERVE } from '../prompt/budget';

/** The most a reply's request waits for the server to say its size (once per endpoint). */
export const CONTEXT_PROBE_MS = 1_500;

/** A retry that makes a refused request smaller: without the attachment, or older turns. */
export type ContextFix = 'drop_attachments' | 'drop_older_turns';

/** What one endpoint's model said of itself: what the cache keeps across worker restarts. */
export interface ServerFacts {
  /** The server's own count of its context, when it said it. */
  serverTokens: number | null;
  /** The server's count over Parley's, learned from a refusal that said both. */
  ratio?: number;
  /** The server is llama.cpp, so replies ask it for prompt progress (lib/llm/prompt-progress). */
  llamaCpp?: boolean;
}

/** Where `ServerFacts` outlive the worker (entrypoints/background: `chrome.storage.session`). */
export interface ServerFactsCache {
  /** Everything kept, by endpoint and model; read once, when the worker starts. */
  load(): Promise<Record<string, ServerFacts>>;
  /** Replaces what is kept with `all`. */
  save(all: Record<string, ServerFacts>): Promise<void>;
}

interface Known extends ServerFacts {
  /** Read from the cache, not yet asked of the server by this worker. */
  cached?: boolean;
}

/** The per-endpoint knowledge of context sizes the replies share. */
export interface ContextWindows {
  /** The window to plan `model`'s request with, in Parley's count (asks the server once). */
  plan(provider: ModelProvider, baseUrl: string, model: string): Promise<number>;
  /** Learns from a refusal's message; `estimate` is Parley's count of the refused request. */
  learnRefusal(baseUrl: string, model: string, detail: string | undefined, estimate: number): void;
  /**
   * After a reply planned from the cache: asks the server once more, in the background, so a
   * server restarted with another context (or another server on the same port) is seen by the
   * next request. Nothing when this worker already asked it.
   */
  revalidate(provider: ModelProvider, baseUrl: string, model: string): void;
}

const isOpenAi = (baseUrl: string) => baseUrl.startsWith('https://api.openai.com');

/** Room kept for the reply: the usual reserve, or a quarter of a small window. */
export function replyReserve(window: number): number {
  return Math.min(REPLY_RESERVE, Math.floor(window / 4));
}

// The cache keeps this many endpoints and models (the latest).
const CACHE_ENTRIES = 50;

/**
 * Builds the shared knowledge; `onLearned` hears each server-reported size (for the meter), and
 * `cache` (when given) is read at once, so a fresh worker's first request finds it read.
 */
export function createContextWindows(
  onLearned?: (baseUrl: string, model: string, windowTokens: number) => void,
  cache?: ServerFactsCache,
): ContextWindows {
  const known = new Map<string, Known | Promise<Known>>();
  const key = (baseUrl: string, model: string) => `${baseUrl}\n${model}`;
  // A cache that cannot be read is an empty one: replies ask the server as without it.
  const none: Record<string, ServerFacts> = {};
  const loaded = (cache?.load() ?? Promise.resolve(none)).catch(() => none);
  const kept: Promise<Record<string, ServerFacts>> = loaded.then((all) => ({ ...all }));
  const keep = (k: string, facts: ServerFacts | null) => {
    if (!cache) return;
    void kept
      .then((all) => {
        if (!facts && !(k in all)) return;
        delete all[k];
        if (facts) all[k] = facts;
        const latest = Object.entries(all).slice(-CACHE_ENTRIES);
        return cache.save(Object.fromEntries(latest));
      })
      .catch(() => undefined);
  };
  const windowOf = (k: ServerFacts, baseUrl: string, model: string) => {
    if (k.serverTokens === null) return contextWindowFor(model);
    if (k.ratio) return Math.floor(k.serverTokens / Math.max(k.ratio, TOKENIZER_MARGIN));
    return plannedWindow(k.serverTokens, isOpenAi(baseUrl));
  };
  const tell = (baseUrl: string, model: string, k: ServerFacts) => {
    if (k.serverTokens !== null) onLearned?.(baseUrl, model, windowOf(k, baseUrl, model));
  };
  /** Asks the server; the answer, and whether it is worth keeping past this worker. */
  const probe = async (
    provider: ModelProvider,
    baseUrl: string,
    model: string,
  ): Promise<{ found: Known; keepIt: boolean }> => {
    if (!provider.contextSize || isOpenAi(baseUrl))
      return { found: { serverTokens: null }, keepIt: false };
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), CONTEXT_PROBE_MS);
    try {
      const serverTokens = await provider.contextSize(model, abort.signal).catch(() => null);
      const found: Known = { serverTokens, llamaCpp: knownLlamaCpp(baseUrl) };
      // A server too slow to say is asked again by the next worker; so is the built-in model,
      // whose null may only mean its download has not finished.
      const keepIt =
        serverTokens !== null || (!abort.signal.aborted && baseUrl !== BUILTIN_BASE_URL);
      return { found, keepIt };
    } finally {
      clearTimeout(timer);
    }
  };
  const learn = (baseUrl: string, model: string, found: Known, keepIt: boolean) => {
    const k = key(baseUrl, model);
    known.set(k, found);
    tell(baseUrl, model, found);
    const { cached: _, ...facts } = found;
    keep(k, keepIt ? facts : null);
  };
  return {
    async plan(provider, baseUrl, model) {
      const k = key(baseUrl, model);
      let entry = known.get(k);
      if (!entry) {
        entry = loaded.then(async (all) => {
          const facts = all[k];
          if (facts) {
            const restored: Known = { ...facts, cached: true };
            // The flag a probe would have set: replies then ask llama.cpp for prompt progress.
            if (facts.llamaCpp !== undefined) rememberLlamaCpp(baseUrl, facts.llamaCpp);
            if (known.get(k) === entry) known.set(k, restored);
            return restored;
          }
          const { found, keepIt } = await probe(provider, baseUrl, model);
          if (known.get(k) === entry) learn(baseUrl, model, found, keepIt);
          return found;
        });
        known.set(k, entry);
      }
      return windowOf(await entry, baseUrl, model);
    },
    learnRefusal(baseUrl, model, detail, estimate) {
      const refusal = parseContextRefusal(detail);
      if (!refusal?.contextTokens) return;
      const ratio =
        refusal.requestTokens && estimate > 0 ? refusal.requestTokens / estimate : undefined;
      const entry = known.get(key(baseUrl, model));
      const llamaCpp = entry && !(entry instanceof Promise) ? entry.llamaCpp : undefined;
      const next: Known = {
        serverTokens: refusal.contextTokens,
        ...(ratio ? { ratio } : {}),
        ...(llamaCpp !== undefined ? { llamaCpp } : {}),
      };
      learn(baseUrl, model, next, true);
    },
    revalidate(provider, baseUrl, model) {
      const k = key(baseUrl, model);
      const entry = known.get(k);
      if (!entry || entry instanceof Promise || !entry.cached) return;
      const asking = { ...entry, cached: false };
      // Asked once: the requests meanwhile plan with what the cache said.
      known.set(k, asking);
      void probe(provider, baseUrl, model).then(({ found, keepIt }) => {
        // A server that did not say in time keeps what the cache said.
        if (!keepIt || known.get(k) !== asking) return;
        // The same size again: a ratio learned from an earlier refusal still holds.
        const same = found.serverTokens === entry.serverTokens && entry.ratio;
        learn(baseUrl, model, same ? { ...found, ratio: entry.ratio } : found, true);
      });
    },
  };
}
