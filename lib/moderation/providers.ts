/**
 * A moderation provider behind one `check` call: OpenAI's endpoint, a Llama Guard model, or none.
 * Network calls go through an injected ModelProvider (lib/llm/provider); failures become data.
 */
import { buildLlamaGuardMessages, parseLlamaGuard } from './llama-guard';
import type { ModerationResult, ModerationSettings } from '../model/moderation';
import type { ModelProvider } from '../llm/provider';

/**
 * The model provider's calls moderation uses (either may be missing: then that kind of check is
 * unsupported), and how long one check may take.
 */
export type ModerationDeps = Partial<Pick<ModelProvider, 'moderate' | 'complete'>> & {
  timeoutMs?: number;
};

/** One moderation check of a text; never throws (failures are `ok: false` results). */
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

/** The check the settings choose (OpenAI's endpoint, a Llama Guard model, or none). */
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
          {
            model: settings.llamaGuardModel,
            messages: buildLlamaGuardMessages(text, role),
            maxTokens: 20,
          },
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
