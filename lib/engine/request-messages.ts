/**
 * The messages one reply's request sends: the visible branch, trimmed to the server's context
 * (the oldest turns give way), or made smaller on purpose by a retry after a refusal for context
 * length (issue 14): without the attachments of the question, or without the older turns.
 */
import type { ChatMessage } from '../model/types';
import { buildModelMessages, type ModelMessage } from '../prompt/messages';
import { estimateMessageTokens, trimToBudget } from '../prompt/budget';
import { buildUserContent } from '../prompt/page-content';
import { replyReserve, type ContextFix } from './context-window';

/** A request's messages, how many older turns were left out, and Parley's count of it. */
export interface RequestMessages {
  messages: ModelMessage[];
  dropped: number;
  estimate: number;
}

/** `path`: the branch down to the reply being written (its placeholder last). */
export function requestMessages(
  path: readonly ChatMessage[],
  systemPrompt: string,
  window: number,
  fix?: ContextFix,
): RequestMessages {
  const question = path.at(-2);
  // Leaving out older turns keeps the question and the reply being written.
  const kept = fix === 'drop_older_turns' ? path.slice(-2) : path;
  const forced = path.length - kept.length;
  const built = buildModelMessages(kept, systemPrompt, (m) =>
    buildUserContent(
      m.content,
      fix === 'drop_attachments' && m.id === question?.id ? [] : m.attachments,
    ),
  );
  const { messages, dropped } = trimToBudget(built, window - replyReserve(window));
  const estimate = messages.reduce((sum, m) => sum + estimateMessageTokens(m), 0);
  return { messages, dropped: dropped + forced, estimate };
}
