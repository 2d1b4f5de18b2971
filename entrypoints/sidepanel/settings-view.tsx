/**
 * The panel's settings view, loaded on demand: settings and feedback export are not needed to
 * chat, so they stay out of the panel's first load. First run offers the browser's built-in
 * model first where it can run (issue 15), and the server setup beside it.
 */
import { useMemo } from 'react';
import { SettingsForm } from '@/components/settings/settings-form';
import { FeedbackData } from '@/components/settings/feedback-data';
import {
  BuiltinModelContext,
  type BuiltinModelEnv,
} from '@/components/settings/builtin-availability';
import { BuiltinOffer } from '@/components/settings/builtin-offer';
import type { PublicSettings } from '@/lib/protocol';
import { requiresKey } from '@/lib/settings';
import { callBackground } from '@/components/common/background-rpc';
import { ThemePicker } from '@/components/common/theme-picker';
import { usePanelData } from '@/components/panel/store-context';
import { getPanelLanguageModel } from './builtin-model';

export interface SettingsViewProps {
  settings: PublicSettings;
  needsSetup: boolean;
  onSaved: (settings: PublicSettings, leave: boolean) => void;
}

export default function SettingsView({ settings, needsSetup, onSaved }: SettingsViewProps) {
  const data = usePanelData();
  const provider = settings.provider ?? 'openai-compatible';
  const builtin = useMemo<BuiltinModelEnv>(
    () => ({
      getLanguageModel: getPanelLanguageModel,
      provider,
      setup: needsSetup,
      choose: async (kind) => {
        const answer = await callBackground({ type: 'set_provider', provider: kind });
        if (answer.type === 'provider') onSaved({ ...settings, provider: answer.provider }, false);
      },
    }),
    [provider, needsSetup, settings, onSaved],
  );
  const form = (
    <SettingsForm
      initial={settings}
      call={callBackground}
      compact={needsSetup}
      onSaved={(saved) =>
        onSaved(saved, !needsSetup || saved.hasApiKey || !requiresKey(saved.baseUrl))
      }
    />
  );
  return (
    <BuiltinModelContext.Provider value={builtin}>
      <section className="settings-view" aria-label="Settings">
        {needsSetup ? (
          <div className="setup-intro">
            <h1>Welcome to Parley</h1>
            <p>
              Connect a model to start: use the model built into your browser, paste an OpenAI API
              key, or choose a local OpenAI-compatible server such as Ollama or LM Studio.
            </p>
          </div>
        ) : (
          <h1>Settings</h1>
        )}
        {needsSetup ? (
          <BuiltinOffer onChosen={() => onSaved({ ...settings, provider: 'builtin' }, true)}>
            {form}
          </BuiltinOffer>
        ) : (
          form
        )}
        {needsSetup ? null : <ThemePicker />}
        {needsSetup ? null : <FeedbackData data={data} />}
        {needsSetup ? null : (
          <p className="hint muted">
            Keyboard: Alt+Shift+P sends the selected text on a page to Parley.
          </p>
        )}
      </section>
    </BuiltinModelContext.Provider>
  );
}
