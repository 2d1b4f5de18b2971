/**
 * Keeping a request inside the model's context window: the oldest turns are left out (never the
 * system prompt or the newest message), and the caller tells the user how many.
 */
import type { ModelMessage } from './messages';

/** Context windows of well-known models; unknown (often local) models get a cautious default. */
const CONTEXT_WINDOWS: [RegExp, number][] = [
  [/gpt-4\.1|gpt-5|o[134](-|$)/, 1_000_000],
  [/gpt-4o|gpt-4-turbo|o1/, 128_000],
  [/gpt-4(?!\d)/, 8_192],
  [/gpt-3\.5/, 16_385],
  [/claude/, 200_000],
  // Chrome's built-in model (Gemini Nano); the session reports its own window (issue 15).
  [/^built-in$/, 9_216],
  [/llama-?3\.[123]|qwen2\.5|mistral-(large|nemo)|gemma-?3/, 128_000],
];
/** The context window assumed for unknown models: small enough for most local servers. */
export const DEFAULT_CONTEXT_WINDOW = 32_768;
/** Room kept free for the reply. */
export const REPLY_RESERVE = 4_096;

/** The context window of `model`, by name, or the cautious default. */
export function contextWindowFor(model: string): number {
  const name = model.toLowerCase();
  return CONTEXT_WINDOWS.find(([pattern]) => pattern.test(name))?.[1] ?? DEFAULT_CONTEXT_WINDOW;
}

/** The background's cheap count (about 4 characters a token, plus per-message overhead). */
export function estimateMessageTokens(message: ModelMessage): number {
  return Math.ceil(message.content.length / 4) + 4;
}

/**
 * Drops the oldest turns until the request fits `limit` tokens; says how many went so the user is
 * told.
 */
export function trimToBudget(
  messages: readonly ModelMessage[],
  limit: number,
  count: (m: ModelMessage) => number = estimateMessageTokens,
): { messages: ModelMessage[]; dropped: number } {
  const system = messages[0]?.role === 'system' ? [messages[0]] : [];
  const turns = messages.slice(system.length);
  let total = [...system, ...turns].reduce((sum, m) => sum + count(m), 0);
  let start = 0;
  // Drop from the oldest, keeping at least the newest message (the question being asked).
  while (total > limit && start < turns.length - 1) {
    total -= count(turns[start] as ModelMessage);
    start++;
  }
  // A reply should not open the request: the model expects a user turn first.
  while (start < turns.length - 1 && turns[start]?.role === 'assistant') {
    start++;
  }
  return { messages: [...system, ...turns.slice(start)], dropped: start };
}
