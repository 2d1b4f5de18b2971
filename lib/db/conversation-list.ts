/** The conversation list and its housekeeping: rename, pin, search, export (import: ./import.ts). */
import type { ChatMessage, Conversation } from '../model/types';
import type { ConversationBundle } from '../export/conversation';
import type { ParleyDb } from './schema';
import { withChunks } from './reply-chunks';

/** Every conversation the list shows (not the hidden ones kept for their ratings). */
export async function listConversations(db: ParleyDb): Promise<Conversation[]> {
  // One getAll and a filter in memory: a filtered cursor steps record by record, which took
  // seconds over the 20,000 conversations of a big import.
  return (await db.conversations.toArray()).filter((c) => !c.hidden);
}

/** Renames a conversation (trimmed, at most 200 characters, never empty). */
export async function renameConversation(db: ParleyDb, id: string, title: string): Promise<void> {
  await db.conversations.update(id, { title: title.trim().slice(0, 200) || 'Untitled' });
}

/** Pins or unpins a conversation: pinned ones head the list. */
export async function setPinned(db: ParleyDb, id: string, pinned: boolean): Promise<void> {
  await db.conversations.update(id, { pinned });
}

/** Every visible message, for search (10,000 messages read in a few tens of ms). */
export async function searchableMessages(db: ParleyDb): Promise<ChatMessage[]> {
  // A reply still streaming keeps its tail in chunks; search and export see all of it.
  const [messages, chunks] = await Promise.all([db.messages.toArray(), db.replyChunks.toArray()]);
  return withChunks(messages, chunks);
}

/** The conversations (all visible ones, or those with `ids`) with their messages, oldest first. */
export async function loadBundles(
  db: ParleyDb,
  ids?: readonly string[],
): Promise<ConversationBundle[]> {
  const conversations = ids
    ? (await db.conversations.bulkGet([...ids])).filter((c) => c !== undefined)
    : await listConversations(db);
  const wanted = new Set(conversations.map((c) => c.id));
  // One read grouped here, not a query per conversation (20,000 queries after a big import).
  const some = [...wanted];
  // A reply still streaming keeps its tail in chunks; the export carries all of it.
  const [stored, chunks] = await Promise.all([
    ids ? db.messages.where('conversationId').anyOf(some).toArray() : db.messages.toArray(),
    ids ? db.replyChunks.where('conversationId').anyOf(some).toArray() : db.replyChunks.toArray(),
  ]);
  const messages = withChunks(stored, chunks);
  const byConversation = new Map<string, ChatMessage[]>();
  for (const m of messages) {
    if (!wanted.has(m.conversationId)) continue;
    const list = byConversation.get(m.conversationId) ?? [];
    list.push(m);
    byConversation.set(m.conversationId, list);
  }
  return conversations.map((conversation) => ({
    conversation,
    messages: (byConversation.get(conversation.id) ?? []).sort((a, b) => a.createdAt - b.createdAt),
  }));
}
