/**
 * Reads that fall back to what storage refused (lib/engine/unsaved): a follow-up in a chat whose
 * first write failed still finds its conversation and messages, and what is kept is written back
 * once storage works again.
 */
import { getConversation, getMessage, getMessages } from '../db/conversations';
import type { ParleyDb } from '../db/schema';
import type { ChatMessage, Conversation } from '../model/types';
import type { Unsaved } from './unsaved';

/** What the read-through needs: the database, the clock and the retry delay. */
export interface ReadThroughDeps {
  db: ParleyDb;
  now: () => number;
  /** How long to wait before writing back what storage refused (default 3 s). */
  storageRetryMs?: number;
}

/** The database seen through the unsaved records, plus the write-back of those records. */
export function createReadThrough(deps: ReadThroughDeps, unsaved: Unsaved) {
  let writeBackTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleWriteBack = () => {
    if (writeBackTimer || unsaved.size === 0) return;
    writeBackTimer = setTimeout(() => {
      void unsaved
        .writeBack(deps.db, deps.now())
        .catch(() => undefined)
        .finally(() => {
          writeBackTimer = undefined;
          scheduleWriteBack();
        });
    }, deps.storageRetryMs ?? 3000);
  };
  return {
    scheduleWriteBack,
    /** Keeps the turn's records when their first write failed (unless a newer version is kept). */
    keepUnwritten(conversation: Conversation | null, messages: ChatMessage[]): void {
      if (conversation && !unsaved.conversation(conversation.id))
        unsaved.keepConversation(conversation);
      for (const m of messages) if (!unsaved.message(m.id)) unsaved.keepMessage(m);
      scheduleWriteBack();
    },
    async readConversation(id: string): Promise<Conversation | undefined> {
      try {
        return (await getConversation(deps.db, id)) ?? unsaved.conversation(id);
      } catch (error) {
        const kept = unsaved.conversation(id);
        if (kept) return kept;
        throw error;
      }
    },
    async readMessages(conversationId: string): Promise<ChatMessage[]> {
      try {
        return unsaved.overlay(conversationId, await getMessages(deps.db, conversationId));
      } catch (error) {
        const kept = unsaved.overlay(conversationId, []);
        if (kept.length) return kept;
        throw error;
      }
    },
    async readMessage(id: string): Promise<ChatMessage | undefined> {
      try {
        return unsaved.message(id) ?? (await getMessage(deps.db, id));
      } catch (error) {
        const kept = unsaved.message(id);
        if (kept) return kept;
        throw error;
      }
    },
  };
}

/** The read-through of one chat service. */
export type ReadThrough = ReturnType<typeof createReadThrough>;
