/**
 * An error boundary for one surface of the panel (the chat, the conversation list, settings).
 * The header stays outside it, and the fallback offers the ways out a blank panel never did:
 * try again, open another conversation, start an empty chat, or go back to the chat. It resets by
 * itself when the conversation, the view or the drawer changes.
 */
import type { ReactNode } from 'react';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { useChat } from '@/components/panel/store-context';

type Surface = 'chat view' | 'conversation list' | 'settings';

const TITLES: Record<Surface, string> = {
  'chat view': 'This chat could not be shown.',
  'conversation list': 'The conversation list could not be shown.',
  settings: 'Settings could not be shown.',
};

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
        <strong>{TITLES[surface]}</strong> Something in it failed to display. Your conversations are
        still saved.
      </p>
      <div className="row">
        <button type="button" className="button small" onClick={retry}>
          Try again
        </button>
        {surface === 'settings' ? (
          <button type="button" className="button small" onClick={() => setView('chat')}>
            Back to the chat
          </button>
        ) : (
          <button
            type="button"
            className="button small"
            onClick={() => toggleDrawer(surface !== 'conversation list')}
          >
            {surface === 'conversation list' ? 'Close the list' : 'Open another conversation'}
          </button>
        )}
        <button type="button" className="button small" onClick={startEmpty}>
          Start an empty chat
        </button>
      </div>
      <details>
        <summary>What failed</summary>
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
