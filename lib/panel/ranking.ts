/**
 * Answering "was this better or worse?" and ranking a comparison: loaded on demand by the
 * controller (./controller) when a regenerate with the question or a Compare starts.
 */
import type { Comparison } from '../model/feedback';
import { deepestLeaf } from '../model/tree';
import type { ControllerState } from './controller';

/** What the ranking steps use of the controller's host and dependencies. */
export interface RankingContext {
  get(): ControllerState;
  set(patch: Partial<ControllerState>): void;
  newId(): string;
  saveComparison(comparison: Comparison): void;
  selectLeaf(leafId: string): void;
}

/** Stores the answer to the better-or-worse question as a pair comparison. */
export function answerComparePrompt(c: RankingContext, answer: 'better' | 'worse' | 'same'): void {
  const { comparePrompt: prompt, chat } = c.get();
  const message = prompt && chat.messages[prompt.newId];
  if (!prompt || !message) return;
  c.set({ comparePrompt: null });
  c.saveComparison({
    id: c.newId(),
    conversationId: message.conversationId,
    parentId: prompt.parentId,
    kind: 'pair',
    ranking: answer === 'worse' ? [prompt.oldId, prompt.newId] : [prompt.newId, prompt.oldId],
    ...(answer === 'same' ? { ties: true } : {}),
    createdAt: Date.now(),
  });
}

/** Moves an alternative one place up (-1) or down (1) in the user's ranking. */
export function moveInCompare(c: RankingContext, messageId: string, direction: -1 | 1): void {
  const session = c.get().compareSession;
  if (!session) return;
  const order = [...session.order];
  const at = order.indexOf(messageId);
  const to = at + direction;
  if (at < 0 || to < 0 || to >= order.length) return;
  [order[at], order[to]] = [order[to] as string, order[at] as string];
  c.set({ compareSession: { ...session, order } });
}

/** Ends a comparison: stores the ranking; the best reply continues the chat. */
export function finishCompare(c: RankingContext, bestFirst: string[]): void {
  const session = c.get().compareSession;
  const best = bestFirst[0];
  const message = best ? c.get().chat.messages[best] : undefined;
  if (!session || !best || !message) return;
  c.set({ compareSession: null });
  c.saveComparison({
    id: c.newId(),
    conversationId: message.conversationId,
    parentId: session.parentId,
    kind: 'ranking',
    ranking: bestFirst,
    createdAt: Date.now(),
  });
  // The chosen reply continues the conversation.
  c.selectLeaf(deepestLeaf(Object.values(c.get().chat.messages), best));
}
