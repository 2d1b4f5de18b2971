/**
 * An error boundary for one surface of the panel (the chat, the conversation list, settings).
 * The header stays outside it, and the fallback offers the ways out a blank panel never did:
 * try again, open another conversation, start an empty chat, or go back to the chat. It resets by
 * itself when the conversation, the view or the drawer changes.
 */
import type { ReactNode } from 'react';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { t } from '@/components/common/i18n';
import { useChat } from '@/components/panel/store-context';

type Surface = 'chat view' | 'conversation list' | 'settings';

const TITLES = {
  'chat view': 'panel.fallback.chat',
  'conversation list': 'panel.fallback.list',
  settings: 'panel.fallback.settings',
} as const satisfies Record<Surface, string>;

function SurfaceFallback({
  surface,
  error,
  retry,
}: {
  surface: Surface;
  error: Error;
  retry: () => void;
}) {
  const newChat = useChat((s) => s.newChat);
  const setView = useChat((s) => s.setView);
  const toggleDrawer = useChat((s) => s.toggleDrawer);
  const startEmpty = () => {
    newChat();
    setView('chat');
    toggleDrawer(false);
  };
  return (
    <section className="surface-fallback" role="alert">
      <p>
        <strong>{t(TITLES[surface])}</strong> {t('panel.fallback.body')}
      </p>
      <div className="row">
        <button type="button" className="button small" onClick={retry}>
          {t('panel.fallback.retry')}
        </button>
        {surface === 'settings' ? (
          <button type="button" className="button small" onClick={() => setView('chat')}>
            {t('panel.fallback.back')}
          </button>
        ) : (
          <button
            type="button"
            className="button small"
            onClick={() => toggleDrawer(surface !== 'conversation list')}
          >
            {surface === 'conversation list'
              ? t('panel.fallback.closeList')
              : t('panel.fallback.openAnother')}
          </button>
        )}
        <button type="button" className="button small" onClick={startEmpty}>
          {t('panel.fallback.startEmpty')}
        </button>
      </div>
      <details>
        <summary>{t('panel.fallback.details')}</summary>
        <code>{error.message}</code>
      </details>
    </section>
  );
}

export function SurfaceBoundary({ surface, children }: { surface: Surface; children: ReactNode }) {
  const conversationId = useChat((s) => s.chat.conversation?.id ?? null);
  const view = useChat((s) => s.view);
  const drawerOpen = useChat((s) => s.drawerOpen);
  return (
    <ErrorBoundary
      label={surface}
      resetKeys={[conversationId, view, drawerOpen]}
      fallback={(error, retry) => <SurfaceFallback surface={surface} error={error} retry={retry} />}
    >
      {children}
    </ErrorBoundary>
  );
}
