/** "Conversation deleted." with Undo while the deletion can still be taken back. */
import { useChat, useChatActions } from './store-context';

export function UndoBanner() {
  const pending = useChat((s) => s.pendingDeletes);
  const store = useChatActions();
  const last = pending[pending.length - 1];
  if (!last) return null;
  return (
    <div className="banner" role="status">
      <span>Conversation deleted.</span>
      <button
        type="button"
        className="button small"
        onClick={() => store.undoDelete(last.conversationId)}
      >
        Undo
      </button>
    </div>
  );
}
