/**
 * Llama Guard–style moderation on any OpenAI-compatible endpoint: the guard model answers `safe`
 * or `unsafe` with hazard codes (S1…S14), which map to omni-moderation category names.
 */

const HAZARDS: Record<string, string> = {
  S1: 'violence',
  S2: 'illicit',
  S3: 'sexual',
  S4: 'sexual/minors',
  S5: 'harassment',
  S6: 'specialized-advice',
  S7: 'privacy',
  S8: 'intellectual-property',
  S9: 'illicit/violent',
  S10: 'hate',
  S11: 'self-harm',
  S12: 'sexual',
  S13: 'elections',
  S14: 'code-interpreter-abuse',
};

/** Llama Guard's answer parsed: whether it flagged the text and which of its categories. */
export interface LlamaGuardVerdict {
  flagged: boolean;
  codes: string[];
  categories: string[];
}

/** null when the answer is neither `safe` nor `unsafe` (the model is not a guard model). */
export function parseLlamaGuard(answer: string): LlamaGuardVerdict | null {
  const text = answer.trim().toLowerCase();
  if (/^safe\b/.test(text)) return { flagged: false, codes: [], categories: [] };
  if (!/^unsafe\b/.test(text)) return null;
  const codes = [
    ...new Set((answer.match(/\bS\d{1,2}\b/gi) ?? []).map((c) => c.toUpperCase())),
  ].filter((c) => c in HAZARDS);
  const categories = [...new Set(codes.map((c) => HAZARDS[c] as string))];
  return { flagged: true, codes, categories: categories.length ? categories : ['unsafe'] };
}

/** The conversation a guard model classifies: the text under review in the role it came from. */
export function buildLlamaGuardMessages(
  text: string,
  role: 'user' | 'assistant',
): { role: 'user' | 'assistant'; content: string }[] {
  // Llama Guard classifies the last turn; an assistant turn needs a user turn before it.
  return role === 'user'
    ? [{ role: 'user', content: text }]
    : [
        { role: 'user', content: '(earlier request)' },
        { role: 'assistant', content: text },
      ];
}
