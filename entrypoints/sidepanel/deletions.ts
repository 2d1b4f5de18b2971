/**
 * Deleting conversations with a few seconds to undo, asking first whether to keep ratings when
 * there are any. Loaded on the first Delete (the panel's initial bundle is at its budget): every
 * way in starts with `ask`, so `schedule` and `undo` only run once this module is there.
 */
import type { ConversationsGet, ConversationsSet } from './conversations-slice';
import type { PanelData } from './panel-data';

/** How long a deletion can be undone. */
export const UNDO_MS = 6000;

/** The delete flow over the store's set/get and PanelData; `onDeleted` tells the worker. */
export function createDeletions(
  set: ConversationsSet,
  get: ConversationsGet,
  data: PanelData,
  onDeleted: (conversationId: string) => void,
) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // Storage failures are said, not swallowed: a deletion that did not happen must not look done.
  const warn = (notice: string) => set((s) => ({ chat: { ...s.chat, notice } }));
  const unpend = (conversationId: string) =>
    set((s) => ({
      pendingDeletes: s.pendingDeletes.filter((p) => p.conversationId !== conversationId),
      listVersion: s.listVersion + 1,
    }));

  const schedule = (conversationId: string, keepFeedback: boolean) => {
    onDeleted(conversationId);
    const title =
      get().chat.conversation?.id === conversationId ? (get().chat.conversation?.title ?? '') : '';
    if (get().chat.conversation?.id === conversationId) get().newChat();
    set((s) => ({ pendingDeletes: [...s.pendingDeletes, { conversationId, title }] }));
    const purgeAfter = Date.now() + UNDO_MS;
    void data.softDeleteConversation(conversationId, { keepFeedback, purgeAfter }).catch(() => {
      clearTimeout(timers.get(conversationId));
      timers.delete(conversationId);
      unpend(conversationId);
      warn('The conversation could not be deleted: browser storage is unavailable.');
    });
    timers.set(
      conversationId,
      setTimeout(() => {
        timers.delete(conversationId);
        // If the purge fails the conversation stays hidden, and the worker retries at its next start.
        void data
          .purgeDeletedConversations(Date.now())
          .catch(() => warn('Deleting did not finish; Parley will retry when it next starts.'))
          .finally(() => unpend(conversationId));
      }, UNDO_MS),
    );
  };

  return {
    /** Asks whether to keep ratings when there are any, else deletes at once. */
    async ask(conversationId: string): Promise<void> {
      let feedbackCount: number;
      try {
        feedbackCount = await data.feedbackCountFor(conversationId);
      } catch {
        // Without knowing whether it has ratings, deleting could lose them: do nothing, say why.
        warn('The conversation could not be deleted: browser storage is unavailable.');
        return;
      }
      if (feedbackCount > 0) set({ deleting: { conversationId, feedbackCount } });
      else schedule(conversationId, false);
    },
    schedule,
    /** Restores a deletion not purged yet. */
    undo(conversationId: string): void {
      clearTimeout(timers.get(conversationId));
      timers.delete(conversationId);
      void data
        .restoreConversation(conversationId)
        .catch(() => warn('Undo did not reach browser storage; the conversation may stay hidden.'))
        .finally(() => get().bumpList());
      set((s) => ({
        pendingDeletes: s.pendingDeletes.filter((p) => p.conversationId !== conversationId),
      }));
    },
  };
}

/** The delete flow's type, for the slice that loads it. */
export type Deletions = ReturnType<typeof createDeletions>;
