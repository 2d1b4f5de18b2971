/**
 * What the worker knows of each server's context (issue 14, item 6): the size the server says it
 * has (asked once per endpoint and model through the provider), planned with a margin for the
 * tokenizer difference, and corrected by what a refusal for context length said. Replies trim
 * older turns to it; the panel's meter hears it through `onLearned`.
 */
import type { ModelProvider } from '../llm/provider';
import { parseContextRefusal, plannedWindow, TOKENIZER_MARGIN } from '../llm/context-size';
import { contextWindowFor, REPLY_RESERVE } from '../prompt/budget';

/** The most a reply's request waits for the server to say its size (once per endpoint). */
export const CONTEXT_PROBE_MS = 1_500;

/** A retry that makes a refused request smaller: without the attachment, or older turns. */
export type ContextFix = 'drop_attachments' | 'drop_older_turns';

interface Known {
  /** The server's own count of its context, when it said it. */
  serverTokens: number | null;
  /** The server's count over Parley's, learned from a refusal that said both. */
  ratio?: number;
}

/** The per-endpoint knowledge of context sizes the replies share. */
export interface ContextWindows {
  /** The window to plan `model`'s request with, in Parley's count (asks the server once). */
  plan(provider: ModelProvider, baseUrl: string, model: string): Promise<number>;
  /** Learns from a refusal's message; `estimate` is Parley's count of the refused request. */
  learnRefusal(baseUrl: string, model: string, detail: string | undefined, estimate: number): void;
}

const isOpenAi = (baseUrl: string) => baseUrl.startsWith('https://api.openai.com');

/** Room kept for the reply: the usual reserve, or a quarter of a small window. */
export function replyReserve(window: number): number {
  return Math.min(REPLY_RESERVE, Math.floor(window / 4));
}

/** Builds the shared knowledge; `onLearned` hears each server-reported size (for the meter). */
export function createContextWindows(
  onLearned?: (baseUrl: string, model: string, windowTokens: number) => void,
): ContextWindows {
  const known = new Map<string, Known | Promise<Known>>();
  const key = (baseUrl: string, model: string) => `${baseUrl}\n${model}`;
  const windowOf = (k: Known, baseUrl: string, model: string) => {
    if (k.serverTokens === null) return contextWindowFor(model);
    if (k.ratio) return Math.floor(k.serverTokens / Math.max(k.ratio, TOKENIZER_MARGIN));
    return plannedWindow(k.serverTokens, isOpenAi(baseUrl));
  };
  const tell = (baseUrl: string, model: string, k: Known) => {
    if (k.serverTokens !== null) onLearned?.(baseUrl, model, windowOf(k, baseUrl, model));
  };
  const probe = async (provider: ModelProvider, baseUrl: string, model: string): Promise<Known> => {
    if (!provider.contextSize || isOpenAi(baseUrl)) return { serverTokens: null };
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), CONTEXT_PROBE_MS);
    try {
      return { serverTokens: await provider.contextSize(model, abort.signal).catch(() => null) };
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    async plan(provider, baseUrl, model) {
      const k = key(baseUrl, model);
      let entry = known.get(k);
      if (!entry) {
        entry = probe(provider, baseUrl, model).then((found) => {
          known.set(k, found);
          tell(baseUrl, model, found);
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
      const next: Known = { serverTokens: refusal.contextTokens, ...(ratio ? { ratio } : {}) };
      known.set(key(baseUrl, model), next);
      tell(baseUrl, model, next);
    },
  };
}
