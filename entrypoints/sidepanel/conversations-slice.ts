/**
 * The conversation list part of the panel's store: the Conversations drawer, the list's version, and
 * deleting with a few seconds to undo (the flow itself, ./deletions, loads on the first Delete).
 */
import type { PanelChat } from '@/lib/panel/panel-state';
import type { PanelData } from './panel-data';
import type { Deletions } from './deletions';

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

/** The store's set, as the slice and the delete flow see it. */
export type ConversationsSet = (
  partial:
    | Partial<ConversationsSlice>
    | ((s: ConversationsSlice & Host) => Partial<ConversationsSlice & Host>),
) => void;
/** The store's get, as the slice and the delete flow see it. */
export type ConversationsGet = () => ConversationsSlice & Host;

/**
 * `onDeleted` tells the worker at once, not when the undo time is over: a deleted chat's reply
 * stops now and nothing more of it goes to the endpoint (Undo restores what was written).
 */
export function createConversationsSlice(
  set: ConversationsSet,
  get: ConversationsGet,
  data: PanelData,
  onDeleted: (conversationId: string) => void = () => undefined,
): ConversationsSlice {
  // Every deletion starts with askDelete, which loads the flow; confirm and undo come after it.
  let deletions: Deletions | undefined;
  let loading: Promise<Deletions> | undefined;
  const load = () =>
    (loading ??= import('./deletions').then(
      (m) => (deletions = m.createDeletions(set, get, data, onDeleted)),
    ));

  return {
    drawerOpen: false,
    listVersion: 0,
    deleting: null,
    pendingDeletes: [],
    toggleDrawer: (open) => set((s) => ({ drawerOpen: open ?? !s.drawerOpen })),
    bumpList: () => set((s) => ({ listVersion: s.listVersion + 1 })),
    askDelete: async (conversationId = get().chat.conversation?.id) => {
      if (!conversationId) return;
      await (await load()).ask(conversationId);
    },
    confirmDelete: (keepFeedback) => {
      const deleting = get().deleting;
      set({ deleting: null });
      if (deleting) deletions?.schedule(deleting.conversationId, keepFeedback);
    },
    cancelDelete: () => set({ deleting: null }),
    undoDelete: (conversationId) => deletions?.undo(conversationId),
  };
}
