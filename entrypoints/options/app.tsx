/**
 * The options page: the same settings form as the panel, with room to breathe, and the sections
 * that act at once (Appearance, Feedback data) after it, as in the panel (issue 16).
 */
import { useEffect, useState } from 'react';
import { SettingsForm } from '@/components/settings/settings-form';
import { FeedbackData } from '@/components/settings/feedback-data';
import { AppearanceSection } from '@/components/settings/appearance-section';
import type { PublicSettings } from '@/lib/protocol';
import { callBackground } from '@/components/common/background-rpc';
import { t } from '@/components/common/i18n';
import { createDexieOptionsData } from './options-data';

const data = createDexieOptionsData();

export function App() {
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = t('settings.options.title');
    void callBackground({ type: 'get_settings' }).then((response) => {
      if (response.type === 'settings') setSettings(response.settings);
      else
        setError(
          response.type === 'rpc_error' ? response.message : t('settings.options.loadFailed'),
        );
    });
  }, []);
  return (
    <main className="settings-view options-page">
      <h1>{t('settings.options.title')}</h1>
      {error ? <p role="alert">{error}</p> : null}
      {settings ? (
        <SettingsForm initial={settings} call={callBackground} onSaved={setSettings} />
      ) : null}
      <AppearanceSection />
      <FeedbackData data={data} />
    </main>
  );
}
