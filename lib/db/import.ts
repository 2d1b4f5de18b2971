/**
 * Importing conversation files into the database. Apart from the list's queries (./conversation-list.ts)
 * because only the lazily loaded drawer imports: this stays out of the panel's initial bundle.
 */
import Dexie, { type Table } from 'dexie';
import type { ConversationBundle } from '../export/conversation';
import type { ParleyDb } from './schema';

/** How an import batches its writes, so a large file never becomes one unbounded transaction. */
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
