/**
 * Asks whether to keep a conversation's ratings before deleting it (when it has any). When the
 * dialog closes the focus goes back to what opened it (More actions, a row's menu), or to the
 * Conversations button when that is gone (the row of a deleted chat).
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useChat, useChatActions } from './store-context';

const DeleteBar = lazy(() =>
  import('@/components/chat/delete-bar').then((m) => ({ default: m.DeleteBar })),
);

export function DeleteConfirm() {
  const deleting = useChat((s) => s.deleting);
  const store = useChatActions();
  const opener = useRef<HTMLElement | null>(null);
  const open = deleting !== null;
  useEffect(() => {
    if (open) {
      opener.current = document.activeElement as HTMLElement | null;
      return;
    }
    const back = opener.current;
    opener.current = null;
    if (!back) return;
    if (back.isConnected) back.focus();
    else document.querySelector<HTMLElement>('[data-drawer-toggle]')?.focus();
  }, [open]);
  if (!deleting) return null;
  return (
    <Suspense fallback={null}>
      <DeleteBar
        feedbackCount={deleting.feedbackCount}
        onDelete={(keep) => void store.confirmDelete(keep)}
        onCancel={() => store.cancelDelete()}
      />
    </Suspense>
  );
}
