/** The options page: the same settings form as the panel, with room to breathe. */
import { useEffect, useState } from 'react';
import { SettingsForm } from '@/components/settings/settings-form';
import { FeedbackData } from '@/components/settings/feedback-data';
import type { PublicSettings } from '@/lib/protocol';
import { callBackground } from '@/components/common/background-rpc';
import { createDexieOptionsData } from './options-data';

const data = createDexieOptionsData();

export function App() {
  const [settings, setSettings] = useState<PublicSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void callBackground({ type: 'get_settings' }).then((response) => {
      if (response.type === 'settings') setSettings(response.settings);
      else setError(response.type === 'rpc_error' ? response.message : 'Could not load settings.');
    });
  }, []);
  return (
    <main className="settings-view">
      <h1>Parley settings</h1>
      {error ? <p role="alert">{error}</p> : null}
      {settings ? (
        <SettingsForm initial={settings} call={callBackground} onSaved={setSettings} />
      ) : null}
      <FeedbackData data={data} />
    </main>
  );
}
