/**
 * The Conversations drawer when open: an overlay over the chat (the chat does not move), sliding
 * in from the inline-start side. Escape or a click on the backdrop closes it, and the focus goes
 * back to the Conversations button.
 */
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { t } from '@/components/common/i18n';
import { useEscape } from '@/components/common/use-escape';
import { useChat, useChatActions, usePanelData } from './store-context';

// The drawer (with import/export) loads when it is first opened.
const ConversationDrawer = lazy(() =>
  import('@/components/drawer/conversation-drawer').then((m) => ({
    default: m.ConversationDrawer,
  })),
);

/** Gives the focus back to the header's Conversations button. */
export function focusDrawerToggle(): void {
  document.querySelector<HTMLElement>('[data-drawer-toggle]')?.focus();
}

export function DrawerHost() {
  const open = useChat((s) => s.drawerOpen);
  const version = useChat((s) => s.listVersion);
  const currentId = useChat((s) => s.chat.conversation?.id ?? null);
  const pending = useChat((s) => s.pendingDeletes);
  const store = useChatActions();
  const panelData = usePanelData();
  const pendingIds = useMemo(() => pending.map((p) => p.conversationId), [pending]);
  const close = useCallback(() => {
    store.toggleDrawer(false);
    focusDrawerToggle();
  }, [store]);
  useEscape(close, open);
  if (!open) return null;
  return (
    <div className="drawer-layer">
      <div className="drawer-backdrop" aria-hidden="true" onClick={close} />
      <Suspense fallback={<p className="muted drawer">{t('panel.drawer.loading')}</p>}>
        <ConversationDrawer
          data={panelData}
          files={panelData}
          currentId={currentId}
          version={version}
          pendingDeletes={pendingIds}
          onOpen={(id) => void store.openConversation(id)}
          onDelete={(c) => void store.askDelete(c.id)}
          onImported={() => store.bumpList()}
        />
      </Suspense>
    </div>
  );
}
