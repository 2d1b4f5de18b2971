/**
 * The panel's settings view, loaded on demand: settings and feedback export are not needed to
 * chat, so they stay out of the panel's first load.
 */
import { SettingsForm } from '@/components/settings/settings-form';
import { FeedbackData } from '@/components/settings/feedback-data';
import type { PublicSettings } from '@/lib/protocol';
import { requiresKey } from '@/lib/settings';
import { callBackground } from '@/components/common/background-rpc';
import { ThemePicker } from '@/components/common/theme-picker';
import { usePanelData } from '@/components/panel/store-context';

export interface SettingsViewProps {
  settings: PublicSettings;
  needsSetup: boolean;
  onSaved: (settings: PublicSettings, leave: boolean) => void;
}

export default function SettingsView({ settings, needsSetup, onSaved }: SettingsViewProps) {
  const data = usePanelData();
  return (
    <section className="settings-view" aria-label="Settings">
      {needsSetup ? (
        <div className="setup-intro">
          <h1>Welcome to Parley</h1>
          <p>
            Connect a model to start: paste an OpenAI API key, or choose a local OpenAI-compatible
            server such as Ollama or LM Studio.
          </p>
        </div>
      ) : (
        <h1>Settings</h1>
      )}
      <SettingsForm
        initial={settings}
        call={callBackground}
        compact={needsSetup}
        onSaved={(saved) =>
          onSaved(saved, !needsSetup || saved.hasApiKey || !requiresKey(saved.baseUrl))
        }
      />
      {needsSetup ? null : <ThemePicker />}
      {needsSetup ? null : <FeedbackData data={data} />}
      {needsSetup ? null : (
        <p className="hint muted">
          Keyboard: Alt+Shift+P sends the selected text on a page to Parley.
        </p>
      )}
    </section>
  );
}
