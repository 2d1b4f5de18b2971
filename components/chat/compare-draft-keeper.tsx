/**
 * Keeps an unfinished comparison across the panel closing (issue 16): the open comparison's
 * order goes to session storage (this browser session only, never synced) as it changes, and
 * comes back when the panel opens on the same conversation. Ranking it, or cancelling, forgets it.
 */
import { useContext, useEffect, useState } from 'react';
import { storage } from '#imports';
import { draftOf, parseDraft, resumeFrom } from '@/lib/panel/compare-draft';
import { StoreContext, type PanelStoreHook } from '@/components/panel/store-context';

const draftItem = storage.defineItem<unknown>('session:compareDraft', { fallback: null });

function Keeper({ useStore }: { useStore: PanelStoreHook }) {
  const session = useStore((s) => s.compareSession);
  const conversationId = useStore((s) => s.chat.conversation?.id);
  // Until the stored draft has been read, an empty session must not erase it.
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    let live = true;
    void draftItem
      .getValue()
      .catch(() => null)
      .then((value) => {
        if (!live) return;
        const state = useStore.getState();
        const resumed = resumeFrom(parseDraft(value), state.chat);
        if (resumed) state.resumeCompare(resumed);
        setRestored(true);
      });
    return () => {
      live = false;
    };
  }, [conversationId, useStore]);

  useEffect(() => {
    if (!restored) return;
    const draft = draftOf(session, useStore.getState().chat);
    if (draft) {
      // Best effort: session storage failing loses only the unfinished order, never a rating.
      void draftItem.setValue(draft).catch(() => undefined);
      return;
    }
    if (session) return;
    // Ranked or cancelled: forget this conversation's draft (another one's stays).
    void draftItem
      .getValue()
      .then((value) =>
        parseDraft(value)?.conversationId === conversationId ? draftItem.removeValue() : undefined,
      )
      .catch(() => undefined);
  }, [restored, session, conversationId, useStore]);
  return null;
}

/** Mounted with the message list; does nothing outside the panel's store (unit tests). */
export function CompareDraftKeeper() {
  const useStore = useContext(StoreContext);
  return useStore ? <Keeper useStore={useStore} /> : null;
}
