/** Asks whether to keep a conversation's ratings before deleting it (when it has any). */
import { lazy, Suspense } from 'react';
import { useChat, useChatActions } from './store-context';

const DeleteBar = lazy(() =>
  import('@/components/chat/delete-bar').then((m) => ({ default: m.DeleteBar })),
);

export function DeleteConfirm() {
  const deleting = useChat((s) => s.deleting);
  const store = useChatActions();
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
