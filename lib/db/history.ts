/** The conversation list and its housekeeping: rename, pin, export, import. */
import type { ChatMessage, Conversation } from '../chat/types';
import type { ConversationBundle } from '../export/conversation';
import Dexie, { type Table } from 'dexie';
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

export interface ImportOptions {
  /** Conversations per transaction. */
  batchSize?: number;
  /** Messages per transaction, whatever the conversation count: a batch stays a bounded write. */
  maxBatchMessages?: number;
  /** Called after each batch is stored, with the conversations handled so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Adds what is new, by id: importing the same file twice adds nothing. Writes go in bulk, one
 * transaction per batch, with a pause between batches so the panel paints progress and answers
 * clicks (20,000 conversations in one transaction of single gets took 56 s and froze it). A
 * failure keeps the batches already stored; importing the file again adds only what is missing.
 */
export async function importBundles(
  db: ParleyDb,
  bundles: readonly ConversationBundle[],
  options: ImportOptions = {},
): Promise<{ conversations: number; messages: number }> {
  const { batchSize = 500, maxBatchMessages = 5_000, onProgress } = options;
  const added = { conversations: 0, messages: 0 };
  let start = 0;
  while (start < bundles.length) {
    let end = start;
    let messageCount = 0;
    while (end < bundles.length && end - start < batchSize) {
      const size = bundles[end]!.messages.length;
      if (end > start && messageCount + size > maxBatchMessages) break;
      messageCount += size;
      end++;
    }
    const batch = await importBatch(db, bundles.slice(start, end));
    added.conversations += batch.conversations;
    added.messages += batch.messages;
    start = end;
    onProgress?.(start, bundles.length);
    if (start < bundles.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return added;
}

async function importBatch(
  db: ParleyDb,
  bundles: readonly ConversationBundle[],
): Promise<{ conversations: number; messages: number }> {
  return db.transaction('rw', db.conversations, db.messages, async () => ({
    conversations: await addNew(
      db.conversations,
      bundles.map((b) => b.conversation),
    ),
    messages: await addNew(
      db.messages,
      bundles.flatMap((b) => b.messages),
    ),
  }));
}

/**
 * Adds the rows whose keys are not there yet and returns how many were new. Adding and counting
 * the key clashes costs one request a row; looking every key up first cost a quarter more.
 */
async function addNew<T>(table: Table<T, string>, rows: readonly T[]): Promise<number> {
  try {
    await table.bulkAdd([...rows]);
    return rows.length;
  } catch (error) {
    // Caught inside the transaction, a BulkError keeps the rows that were added.
    if (!(error instanceof Dexie.BulkError)) throw error;
    const clashes = error.failures.filter((f) => f.name === 'ConstraintError').length;
    if (clashes < error.failures.length) throw error;
    return rows.length - clashes;
  }
}
