/**
 * What the background could not write (a full disk, a database that will not open), kept in memory
 * so the chat goes on: follow-ups read it as if it were stored, and it is written back when storage
 * works again (DESIGN §3: storage failures never lose what the user saw while the worker lives).
 */
import { reopenIfClosed, type ParleyDb } from '../db/schema';
import type { ChatMessage, Conversation } from '../model/types';
import { writeBackRecords } from '../db/conversations';

/** The memory of unsaved records: kept, overlaid on reads, written back, forgotten on delete. */
export function createUnsaved() {
  const conversations = new Map<string, Conversation>();
  const messages = new Map<string, ChatMessage>();
  // Bumped when a conversation is deleted, so a write-back already under way skips its records.
  const forgets = new Map<string, number>();

  return {
    get size(): number {
      return conversations.size + messages.size;
    },

    keepConversation(conversation: Conversation): void {
      conversations.set(conversation.id, conversation);
    },

    /** The latest version of a message wins. */
    keepMessage(message: ChatMessage): void {
      messages.set(message.id, message);
    },

    /** A write of this message landed: the stored version is now the newest. */
    saved(messageId: string): void {
      messages.delete(messageId);
    },

    message(id: string): ChatMessage | undefined {
      return messages.get(id);
    },

    /** Kept replies (the assistant's messages), newest version of each. */
    replies(): ChatMessage[] {
      return [...messages.values()].filter((m) => m.role === 'assistant');
    },

    conversation(id: string): Conversation | undefined {
      return conversations.get(id);
    },

    /**
     * The user deleted this conversation: what is kept of it is dropped, never written back (a
     * write-back would bring a deleted chat back, or send its text to disk after the delete).
     */
    forget(conversationId: string): void {
      conversations.delete(conversationId);
      for (const [id, m] of messages) if (m.conversationId === conversationId) messages.delete(id);
      forgets.set(conversationId, (forgets.get(conversationId) ?? 0) + 1);
    },

    /** Stored messages with the unsaved versions laid over them (memory is newer). */
    overlay(conversationId: string, stored: readonly ChatMessage[]): ChatMessage[] {
      const byId = new Map(stored.map((m) => [m.id, m]));
      for (const m of messages.values()) {
        if (m.conversationId === conversationId) byId.set(m.id, { ...byId.get(m.id), ...m });
      }
      return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
    },

    /**
     * Writes everything kept, in one transaction (lib/db writeBackRecords says how).
     * Opens a database a failure closed. Throws (and keeps everything) if storage still fails.
     */
    async writeBack(db: ParleyDb, now: number): Promise<void> {
      if (conversations.size === 0 && messages.size === 0) return;
      const keptConversations = [...conversations.values()];
      const keptMessages = [...messages.values()];
      const epochs = new Map(forgets);
      const deleted = (conversationId: string) =>
        forgets.get(conversationId) !== epochs.get(conversationId);
      // Storage that failed may have closed the database for good: try opening it again.
      await reopenIfClosed(db);
      await writeBackRecords(
        db,
        { conversations: keptConversations, messages: keptMessages },
        deleted,
        now,
      );
      // Only what was written is forgotten: a newer version kept meanwhile waits for the next try.
      for (const c of keptConversations) {
        if (conversations.get(c.id) === c) conversations.delete(c.id);
      }
      for (const m of keptMessages) {
        if (messages.get(m.id) === m) messages.delete(m.id);
      }
    },
  };
}

/** The records one chat service keeps in memory while storage refuses them. */
export type Unsaved = ReturnType<typeof createUnsaved>;
