/**
 * Reads and writes of conversations and messages. Functions take the database so tests run them
 * against fake-indexeddb.
 */
import type {
  ChatMessage,
  Conversation,
  MessageState,
  ModerationRecord,
  Usage,
} from '../model/types';
import type { ParleyDb } from './schema';
import { assembleReply, chunksOf, deleteChunks, withChunks } from './reply-chunks';

/** Writes a new conversation; the worker calls it for a first message, before the reply. */
export async function createConversation(
  db: ParleyDb,
  init: { id: string; model: string; systemPrompt: string; title: string; now: number },
): Promise<Conversation> {
  const conversation: Conversation = {
    id: init.id,
    title: init.title,
    createdAt: init.now,
    updatedAt: init.now,
    model: init.model,
    systemPrompt: init.systemPrompt,
    currentLeafId: null,
  };
  await db.conversations.add(conversation);
  return conversation;
}

/** Adds messages and moves the conversation's current leaf to the last one, atomically. */
export async function appendMessages(
  db: ParleyDb,
  conversationId: string,
  messages: ChatMessage[],
  now: number,
): Promise<void> {
  const leaf = messages[messages.length - 1];
  await db.transaction('rw', db.conversations, db.messages, async () => {
    await db.messages.bulkAdd(messages);
    await db.conversations.update(conversationId, {
      updatedAt: now,
      ...(leaf ? { currentLeafId: leaf.id } : {}),
    });
  });
}

/** Overwrites a message's text, state and usage in place (a whole-record write, no chunks). */
export async function updateReply(
  db: ParleyDb,
  messageId: string,
  update: { content: string; state: MessageState; usage?: Usage },
  now: number,
): Promise<void> {
  await db.messages.update(messageId, { ...update, updatedAt: now });
}

/** Remembers which branch the user is on, so reopening a conversation shows the same path. */
export async function setCurrentLeaf(
  db: ParleyDb,
  conversationId: string,
  leafId: string,
): Promise<void> {
  await db.conversations.update(conversationId, { currentLeafId: leafId });
}

/** One conversation by id, or undefined when it was deleted meanwhile. */
export async function getConversation(db: ParleyDb, id: string): Promise<Conversation | undefined> {
  return db.conversations.get(id);
}

/** A conversation's messages in creation order, each with its whole text (chunks put back). */
export async function getMessages(db: ParleyDb, conversationId: string): Promise<ChatMessage[]> {
  return db.transaction('r', db.messages, db.replyChunks, async () => {
    const [messages, chunks] = await Promise.all([
      db.messages
        .where('[conversationId+createdAt]')
        .between([conversationId, -Infinity], [conversationId, Infinity])
        .toArray(),
      db.replyChunks.where('conversationId').equals(conversationId).toArray(),
    ]);
    return withChunks(messages, chunks);
  });
}

/** One message with its whole text (chunks put back). */
export async function getMessage(db: ParleyDb, id: string): Promise<ChatMessage | undefined> {
  return db.transaction('r', db.messages, db.replyChunks, async () => {
    const [message, chunks] = await Promise.all([db.messages.get(id), chunksOf(db, id)]);
    return message && withChunks([message], chunks)[0];
  });
}

/** The conversation touched last: what the panel reopens to. */
export async function latestConversation(db: ParleyDb): Promise<Conversation | undefined> {
  const [latest] = await db.conversations
    .orderBy('updatedAt')
    .reverse()
    .filter((c) => !c.hidden)
    .limit(1)
    .toArray();
  return latest;
}

/**
 * Deletes a conversation. Keeping its feedback hides it instead, so the rated texts stay
 * exportable; otherwise its messages, ratings, comparisons and reports all go.
 */
export async function deleteConversation(
  db: ParleyDb,
  id: string,
  options: { keepFeedback: boolean },
): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.conversations,
      db.messages,
      db.replyChunks,
      db.ratings,
      db.comparisons,
      db.moderationReports,
    ],
    async () => {
      if (options.keepFeedback) {
        await db.conversations.update(id, { hidden: true });
        return;
      }
      await db.messages.where('conversationId').equals(id).delete();
      await db.replyChunks.where('conversationId').equals(id).delete();
      await db.ratings.where('conversationId').equals(id).delete();
      await db.comparisons.where('conversationId').equals(id).delete();
      await db.moderationReports.where('conversationId').equals(id).delete();
      await db.conversations.delete(id);
    },
  );
}

/** How much feedback a conversation has: decides whether deleting it needs to ask. */
export async function feedbackCountFor(db: ParleyDb, id: string): Promise<number> {
  const [ratings, comparisons, reports] = await Promise.all([
    db.ratings.where('conversationId').equals(id).count(),
    db.comparisons.where('conversationId').equals(id).count(),
    db.moderationReports.where('conversationId').equals(id).count(),
  ]);
  return ratings + comparisons + reports;
}

/**
 * Startup sweep (DESIGN §2): replies still `pending`/`streaming` that no live generation owns were
 * cut off by a worker restart. Their chunks fold into the record, as at any terminal state.
 * Returns the ids it marked.
 */
export async function sweepOrphanedReplies(
  db: ParleyDb,
  liveIds: ReadonlySet<string>,
  now: number,
): Promise<string[]> {
  return db.transaction('rw', db.messages, db.replyChunks, async () => {
    const orphans = await db.messages
      .where('state.kind')
      .anyOf('pending', 'streaming')
      .filter((m) => !liveIds.has(m.id))
      .toArray();
    const state: MessageState = { kind: 'interrupted', reason: 'worker_restart' };
    for (const m of orphans) {
      const chunks = await chunksOf(db, m.id);
      const text = chunks.length ? { content: assembleReply(m.content, chunks) } : {};
      await db.messages.update(m.id, { state, updatedAt: now, ...text });
      if (chunks.length) await deleteChunks(db, m.id);
    }
    return orphans.map((m) => m.id);
  });
}

/**
 * Takes back text the panel saw but the last flush missed. Only an extension of the stored text,
 * and only for a reply the sweep ended, so a confused panel cannot rewrite history.
 */
export async function salvageReply(
  db: ParleyDb,
  messageId: string,
  content: string,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', db.messages, db.replyChunks, async () => {
    const record = await db.messages.get(messageId);
    if (!record || record.role !== 'assistant') return false;
    const chunks = await chunksOf(db, messageId);
    const message = { ...record, content: assembleReply(record.content, chunks) };
    const restartEnded =
      message.state.kind === 'interrupted' && message.state.reason === 'worker_restart';
    if (
      !restartEnded ||
      content.length <= message.content.length ||
      !content.startsWith(message.content)
    ) {
      return false;
    }
    await db.messages.update(messageId, { content, updatedAt: now });
    if (chunks.length) await deleteChunks(db, messageId);
    return true;
  });
}

/** Attaches a moderation verdict to a message, so the mark survives a reload and exports. */
export async function setModeration(
  db: ParleyDb,
  messageId: string,
  moderation: ModerationRecord,
): Promise<void> {
  await db.messages.update(messageId, { moderation });
}

/** Hides a conversation at once; unless its feedback is kept, it is purged after `purgeAfter`. */
export async function softDeleteConversation(
  db: ParleyDb,
  id: string,
  options: { keepFeedback: boolean; purgeAfter: number },
): Promise<void> {
  await db.conversations.update(
    id,
    options.keepFeedback ? { hidden: true } : { hidden: true, purgeAfter: options.purgeAfter },
  );
}

/** Undoes a pending delete: the conversation shows again and is no longer due for purging. */
export async function restoreConversation(db: ParleyDb, id: string): Promise<void> {
  await db.conversations.update(id, { hidden: false, purgeAfter: undefined });
}

/** Finishes deletions whose undo time has passed (also after the panel was closed meanwhile). */
export async function purgeDeletedConversations(db: ParleyDb, now: number): Promise<number> {
  const due = await db.conversations
    .filter((c) => c.purgeAfter !== undefined && c.purgeAfter <= now)
    .toArray();
  for (const c of due) await deleteConversation(db, c.id, { keepFeedback: false });
  return due.length;
}

/** Records how many of the oldest turns a reply's request left out (the context budget). */
export async function setDroppedTurns(
  db: ParleyDb,
  messageId: string,
  droppedTurns: number,
): Promise<void> {
  await db.messages.update(messageId, { droppedTurns });
}

/** Sets the title the model wrote for a conversation, marked so it is asked for only once. */
export async function setModelTitle(db: ParleyDb, id: string, title: string): Promise<void> {
  await db.conversations.update(id, { title, titledByModel: true });
}

/**
 * Writes back records a failed write left in memory, in one transaction: missing conversations
 * and messages are added, stored replies get the kept text and state (their other fields, such
 * as moderation, stay, and a newer stored version wins), and a conversation whose messages were
 * missing moves its current leaf to the newest of them. `skip` (asked as it goes) drops what
 * belongs to a conversation deleted meanwhile.
 */
export async function writeBackRecords(
  db: ParleyDb,
  kept: { conversations: Conversation[]; messages: ChatMessage[] },
  skip: (conversationId: string) => boolean,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.conversations, db.messages, async () => {
    for (const c of kept.conversations) {
      if (skip(c.id)) continue;
      if (!(await db.conversations.get(c.id))) await db.conversations.add(c);
    }
    const leaves = new Map<string, ChatMessage>();
    for (const m of kept.messages) {
      if (skip(m.conversationId)) continue;
      const stored = await db.messages.get(m.id);
      if (stored) {
        if (stored.updatedAt > m.updatedAt) continue;
        await db.messages.update(m.id, {
          content: m.content,
          state: m.state,
          updatedAt: m.updatedAt,
          ...(m.usage ? { usage: m.usage } : {}),
        });
        continue;
      }
      await db.messages.add(m);
      const leaf = leaves.get(m.conversationId);
      if (!leaf || m.createdAt >= leaf.createdAt) leaves.set(m.conversationId, m);
    }
    for (const [conversationId, leaf] of leaves) {
      await db.conversations.update(conversationId, { currentLeafId: leaf.id, updatedAt: now });
    }
  });
}
