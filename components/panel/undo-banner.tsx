/**
 * "Conversation deleted." with Undo while the deletion can still be taken back: a toast that
 * floats over the panel, so the list under it does not move when it comes and goes.
 */
import { t } from '@/components/common/i18n';
import { useChat, useChatActions } from './store-context';

export function UndoBanner() {
  const pending = useChat((s) => s.pendingDeletes);
  const store = useChatActions();
  const last = pending[pending.length - 1];
  if (!last) return null;
  return (
    <div className="toast" role="status">
      <span>{t('panel.banner.deleted')}</span>
      <button
        type="button"
        className="button small"
        onClick={() => store.undoDelete(last.conversationId)}
      >
        {t('panel.banner.undo')}
      </button>
    </div>
  );
}
