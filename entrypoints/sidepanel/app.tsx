/**
 * The side panel: header, the conversation, the composer; first-run setup when nothing is
 * configured, and the settings view. Wiring only: the parts are in components/panel. Under the
 * header, the drawer, the Undo toast and the delete dialog float over the view: opening them
 * moves nothing.
 */
import { lazy, Suspense, useEffect } from 'react';
import { t } from '@/components/common/i18n';
import { ChatView } from '@/components/panel/chat-view';
import { DeleteConfirm } from '@/components/panel/delete-confirm';
import { DrawerHost } from '@/components/panel/drawer-host';
import { Header } from '@/components/panel/header';
import { UndoBanner } from '@/components/panel/undo-banner';
import { needsSetup as setupNeeded } from '@/components/panel/model-label';
import { callBackground } from '@/components/common/background-rpc';
import { useChat } from '@/components/panel/store-context';
import { SurfaceBoundary } from './surface-boundary';

const SettingsView = lazy(() => import('./settings-view'));

export function App() {
  const settings = useChat((s) => s.settings);
  const setSettings = useChat((s) => s.setSettings);
  const view = useChat((s) => s.view);
  const setView = useChat((s) => s.setView);

  // Read again whenever settings open: the background learns things (e.g. no moderation there).
  useEffect(() => {
    void callBackground({ type: 'get_settings' }).then((response) => {
      if (response.type === 'settings') setSettings(response.settings);
    });
  }, [setSettings, view]);

  if (!settings) return <main className="panel loading" aria-busy="true" />;
  const needsSetup = setupNeeded(settings);

  return (
    <main className="panel">
      <Header />
      <div className="panel-body">
        {view === 'settings' || needsSetup ? (
          <SurfaceBoundary surface="settings">
            <Suspense fallback={<p className="muted">{t('panel.loadingSettings')}</p>}>
              <SettingsView
                settings={settings}
                needsSetup={needsSetup}
                onSaved={(saved, leave) => {
                  setSettings(saved);
                  if (leave) setView('chat');
                }}
              />
            </Suspense>
          </SurfaceBoundary>
        ) : (
          <SurfaceBoundary surface="chat view">
            <ChatView />
          </SurfaceBoundary>
        )}
        <SurfaceBoundary surface="conversation list">
          <DrawerHost />
        </SurfaceBoundary>
        <UndoBanner />
      </div>
      <DeleteConfirm />
    </main>
  );
}
