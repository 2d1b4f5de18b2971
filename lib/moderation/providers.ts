/**
 * A moderation provider behind one `check` call: OpenAI's endpoint, a Llama Guard model, or none.
 * Network calls are injected (only lib/llm/client imports the SDK); failures become data.
 */
import { buildLlamaGuardMessages, parseLlamaGuard } from './llama-guard';
import type { ModerationResult, ModerationSettings } from '../model/moderation';

export interface ModerationDeps {
  moderate?: (
    input: string,
    signal: AbortSignal,
  ) => Promise<{
    flagged: boolean;
    categories: Record<string, boolean>;
    category_scores: Record<string, number>;
  }>;
  complete?: (
    messages: { role: 'user' | 'assistant'; content: string }[],
    model: string,
    signal: AbortSignal,
  ) => Promise<string>;
  timeoutMs?: number;
}

export interface ModerationProvider {
  check(text: string, role: 'user' | 'assistant', signal?: AbortSignal): Promise<ModerationResult>;
}

function failure(error: unknown): ModerationResult {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 404 || status === 405 || status === 501)
    return { ok: false, reason: 'unsupported' };
  return {
    ok: false,
    reason: 'unavailable',
    detail: error instanceof Error ? error.name : 'error',
  };
}

export function createModerationProvider(
  settings: ModerationSettings,
  deps: ModerationDeps,
): ModerationProvider {
  const timeoutMs = deps.timeoutMs ?? 8000;
  const withTimeout = (signal?: AbortSignal) =>
    signal
      ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
      : AbortSignal.timeout(timeoutMs);

  return {
    async check(text, role, signal) {
      if (settings.mode === 'off' || settings.provider === 'none')
        return { ok: false, reason: 'unsupported' };
      try {
        if (settings.provider === 'openai') {
          if (!deps.moderate) return { ok: false, reason: 'unsupported' };
          const r = await deps.moderate(text, withTimeout(signal));
          const categories = Object.entries(r.categories)
            .filter(([, on]) => on)
            .map(([name]) => name);
          return { ok: true, flagged: r.flagged, categories, scores: r.category_scores };
        }
        if (!deps.complete) return { ok: false, reason: 'unsupported' };
        const answer = await deps.complete(
          buildLlamaGuardMessages(text, role),
          settings.llamaGuardModel,
          withTimeout(signal),
        );
        const verdict = parseLlamaGuard(answer);
        if (!verdict) return { ok: false, reason: 'unavailable', detail: 'not a guard model' };
        const scores = Object.fromEntries(verdict.categories.map((c) => [c, 1]));
        return { ok: true, flagged: verdict.flagged, categories: verdict.categories, scores };
      } catch (error) {
        return failure(error);
      }
    },
  };
}
