/**
 * A long reply stored as it grows without rewriting it whole (issue 12: a reply rewritten every
 * 250 ms had 6 MB in IndexedDB after 11 s and made Stop wait 8 s). The message record keeps the
 * head of the text; past `HEAD_CHARS`, each flush appends only the text that is new since the last
 * one, as a chunk keyed by where it starts. At the terminal state the chunks fold back into the
 * record in one write, so finished replies are plain records (export, search, import and feedback
 * read them unchanged). Reads through lib/db/conversations reassemble a reply still in chunks.
 */
import Dexie from 'dexie';
import { isTerminal, type ChatMessage, type MessageState, type Usage } from '../model/types';
import type { ParleyDb } from './schema';

/**
 * A slice of a long reply stored on its own, so growing text appends instead of rewriting the whole
 * reply.
 */
export interface ReplyChunk {
  messageId: string;
  conversationId: string;
  /** Where `text` starts in the reply: makes each chunk's place explicit, so overlaps fold once. */
  offset: number;
  text: string;
}

/** Below this many stored characters a reply is rewritten whole, as short replies always were. */
export const HEAD_CHARS = 32 * 1024;

/**
 * The reply from its record's text and its chunks. A chunk that overlaps what is already there
 * (the unsaved fallback wrote the record whole meanwhile) adds only its unseen tail.
 */
export function assembleReply(
  head: string,
  chunks: readonly Pick<ReplyChunk, 'offset' | 'text'>[],
): string {
  if (chunks.length === 0) return head;
  const parts = [head];
  let length = head.length;
  for (const chunk of [...chunks].sort((a, b) => a.offset - b.offset)) {
    const end = chunk.offset + chunk.text.length;
    if (end <= length) continue;
    parts.push(chunk.offset >= length ? chunk.text : chunk.text.slice(length - chunk.offset));
    length = end;
  }
  return parts.join('');
}

function chunkRange(db: ParleyDb, messageId: string) {
  return db.replyChunks
    .where('[messageId+offset]')
    .between([messageId, Dexie.minKey], [messageId, Dexie.maxKey], true, true);
}

/** One message's chunks (call inside a transaction that includes `replyChunks`). */
export function chunksOf(db: ParleyDb, messageId: string): Promise<ReplyChunk[]> {
  return chunkRange(db, messageId).toArray();
}

/** Deletes one message's chunks (call inside a transaction that includes `replyChunks`). */
export async function deleteChunks(db: ParleyDb, messageId: string): Promise<void> {
  await chunkRange(db, messageId).delete();
}

/** Messages with the text of their chunks put back; messages without chunks are returned as is. */
export function withChunks(messages: ChatMessage[], chunks: readonly ReplyChunk[]): ChatMessage[] {
  if (chunks.length === 0) return messages;
  const byMessage = new Map<string, ReplyChunk[]>();
  for (const c of chunks) byMessage.set(c.messageId, [...(byMessage.get(c.messageId) ?? []), c]);
  return messages.map((m) => {
    const own = byMessage.get(m.id);
    return own ? { ...m, content: assembleReply(m.content, own) } : m;
  });
}

/** Writes one reply as it streams; hides whether it appends chunks or rewrites the record. */
export interface ReplyWriter {
  /** Stores the reply as it is now: appends what is new, or writes it whole (short, or the end). */
  save(update: { content: string; state: MessageState; usage?: Usage }, now: number): Promise<void>;
}

/**
 * The writer for one reply. It remembers how much of the text the database holds, and moves on
 * only after a write landed: a failed write is covered by the next one, which appends from the
 * same place. Writes must not overlap (lib/engine/generation runs one at a time).
 */
export function createReplyWriter(
  db: ParleyDb,
  ids: { messageId: string; conversationId: string },
): ReplyWriter {
  let stored = 0;
  let chunked = false;
  return {
    async save({ content, state, usage }, now) {
      const changes = { state, updatedAt: now, ...(usage ? { usage } : {}) };
      const whole =
        isTerminal(state) || content.length < stored || (!chunked && stored < HEAD_CHARS);
      if (whole) {
        const hadChunks = chunked;
        await db.transaction('rw', db.messages, db.replyChunks, async () => {
          await db.messages.update(ids.messageId, { content, ...changes });
          if (hadChunks) await deleteChunks(db, ids.messageId);
        });
        stored = content.length;
        chunked = false;
        return;
      }
      const text = content.slice(stored);
      await db.transaction('rw', db.messages, db.replyChunks, async () => {
        // A reply whose conversation was deleted meanwhile gets no orphaned chunks.
        const found = await db.messages.update(ids.messageId, changes);
        if (found && text) await db.replyChunks.put({ ...ids, offset: stored, text });
      });
      stored = content.length;
      chunked = true;
    },
  };
}
