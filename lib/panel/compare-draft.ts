/**
 * An unfinished comparison survives the panel closing (issue 16): the alternatives are stored
 * replies already, so only their order is kept, per conversation, and checked against the
 * stored replies when the panel opens again.
 */
import type { PanelChat } from './panel-state';
import type { CompareSession } from './controller';

/** What is kept of an open comparison: its conversation, the question and the two orders. */
export interface CompareDraft {
  conversationId: string;
  parentId: string;
  order: string[];
  generated: string[];
}

/** The draft to keep for the session shown in this chat, or null when there is nothing to keep. */
export function draftOf(session: CompareSession | null, chat: PanelChat): CompareDraft | null {
  const conversationId = chat.conversation?.id;
  if (!session || !conversationId || session.order.length === 0) return null;
  return {
    conversationId,
    parentId: session.parentId,
    order: [...session.order],
    generated: [...session.generated],
  };
}

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 4 && value.every((v) => typeof v === 'string');

/** A stored value as a draft, or null: storage may hold anything an older version wrote. */
export function parseDraft(value: unknown): CompareDraft | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.conversationId !== 'string' || typeof v.parentId !== 'string') return null;
  if (!isIdList(v.order) || !isIdList(v.generated)) return null;
  return {
    conversationId: v.conversationId,
    parentId: v.parentId,
    order: v.order,
    generated: v.generated,
  };
}

/**
 * The comparison to reopen from a draft in this chat: only when the chat is the draft's
 * conversation and at least two of its alternatives are still stored replies to the question
 * (the others, deleted or never stored, drop out).
 */
export function resumeFrom(draft: CompareDraft | null, chat: PanelChat): CompareSession | null {
  if (!draft || chat.conversation?.id !== draft.conversationId) return null;
  const isAlternative = (id: string) => {
    const m = chat.messages[id];
    return m?.role === 'assistant' && m.parentId === draft.parentId;
  };
  const order = draft.order.filter(isAlternative);
  if (order.length < 2) return null;
  const generated = draft.generated.filter((id) => order.includes(id));
  return { parentId: draft.parentId, waiting: [], order, generated };
}
