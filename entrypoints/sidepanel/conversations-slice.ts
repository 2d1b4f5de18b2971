/**
 * The conversation list part of the panel's store: the Conversations drawer, opening a conversation, and
 * deleting with a few seconds to undo (asking first whether to keep ratings, when there are any).
 */
import type { PanelChat } from '@/lib/panel/panel-state';
import type { PanelData } from './panel-data';

export const UNDO_MS = 6000;

export interface ConversationsSlice {
  drawerOpen: boolean;
  /** Bumped when the list may have changed, so the drawer reloads it. */
  listVersion: number;
  /** A deletion waiting for the keep-ratings answer. */
  deleting: { conversationId: string; feedbackCount: number } | null;
  /** Deletions that can still be undone. */
  pendingDeletes: { conversationId: string; title: string }[];
  toggleDrawer(open?: boolean): void;
  bumpList(): void;
  askDelete(conversationId?: string): Promise<void>;
  confirmDelete(keepFeedback: boolean): void;
  cancelDelete(): void;
  undoDelete(conversationId: string): void;
}

interface Host {
  chat: PanelChat;
  newChat(): void;
}

type Set = (
  partial:
    | Partial<ConversationsSlice>
    | ((s: ConversationsSlice & Host) => Partial<ConversationsSlice & Host>),
) => void;
type Get = () => ConversationsSlice & Host;

/**
 * `onDeleted` tells the worker at once, not when the undo time is over: a deleted chat's reply
 * stops now and nothing more of it goes to the endpoint (Undo restores what was written).
 */
export function createConversationsSlice(
  set: Set,
  get: Get,
  data: PanelData,
  onDeleted: (conversationId: string) => void = () => undefined,
): ConversationsSlice {
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
    drawerOpen: false,
    listVersion: 0,
    deleting: null,
    pendingDeletes: [],
    toggleDrawer: (open) => set((s) => ({ drawerOpen: open ?? !s.drawerOpen })),
    bumpList: () => set((s) => ({ listVersion: s.listVersion + 1 })),
    askDelete: async (conversationId = get().chat.conversation?.id) => {
      if (!conversationId) return;
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
    confirmDelete: (keepFeedback) => {
      const deleting = get().deleting;
      set({ deleting: null });
      if (deleting) schedule(deleting.conversationId, keepFeedback);
    },
    cancelDelete: () => set({ deleting: null }),
    undoDelete: (conversationId) => {
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
