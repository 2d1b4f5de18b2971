/** The Conversations drawer when open, over the panel's storage. */
import { lazy, Suspense, useMemo } from 'react';
import { useChat, useChatActions, usePanelData } from './store-context';

// The drawer (with import/export) loads when it is first opened.
const ConversationDrawer = lazy(() =>
  import('@/components/drawer/conversation-drawer').then((m) => ({
    default: m.ConversationDrawer,
  })),
);

export function DrawerHost() {
  const open = useChat((s) => s.drawerOpen);
  const version = useChat((s) => s.listVersion);
  const currentId = useChat((s) => s.chat.conversation?.id ?? null);
  const pending = useChat((s) => s.pendingDeletes);
  const store = useChatActions();
  const panelData = usePanelData();
  const pendingIds = useMemo(() => pending.map((p) => p.conversationId), [pending]);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="muted drawer">Loading conversations…</p>}>
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
  );
}
