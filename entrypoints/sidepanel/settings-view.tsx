/**
 * The panel's settings view, loaded on demand: settings and feedback export are not needed to
 * chat, so they stay out of the panel's first load. First run offers the browser's built-in
 * model first where it can run (issue 15), and the server setup beside it. Escape goes back to
 * the chat, focus to the header's Settings button; opened from an error card, the field the
 * error is about takes focus (issue 16).
 */
import { useCallback, useMemo } from 'react';
import { SettingsForm } from '@/components/settings/settings-form';
import { fieldNeedingAttention } from '@/components/settings/focus-field';
import { FeedbackData } from '@/components/settings/feedback-data';
import {
  BuiltinModelContext,
  type BuiltinModelEnv,
} from '@/components/settings/builtin-availability';
import { BuiltinOffer } from '@/components/settings/builtin-offer';
import type { PublicSettings } from '@/lib/protocol';
import { requiresKey } from '@/lib/settings';
import { callBackground } from '@/components/common/background-rpc';
import { AppearanceSection } from '@/components/settings/appearance-section';
import { t } from '@/components/common/i18n';
import { useEscape } from '@/components/common/use-escape';
import { useChat, useChatActions, usePanelData } from '@/components/panel/store-context';
import { getPanelLanguageModel } from './builtin-model';

export interface SettingsViewProps {
  settings: PublicSettings;
  needsSetup: boolean;
  onSaved: (settings: PublicSettings, leave: boolean) => void;
}

/** The header's Settings button (the header is pressed while Settings is open). */
function settingsButton(): HTMLElement | null {
  const buttons = [...document.querySelectorAll<HTMLElement>('header button')];
  const name = t('settings.title');
  return (
    buttons.find((b) => (b.getAttribute('aria-label') ?? b.textContent)?.trim() === name) ??
    buttons.find((b) => b.getAttribute('aria-pressed') === 'true') ??
    null
  );
}

export default function SettingsView({ settings, needsSetup, onSaved }: SettingsViewProps) {
  const data = usePanelData();
  const { setView } = useChatActions();
  const latest = useChat((s) => (s.chat.leafId ? s.chat.messages[s.chat.leafId] : undefined));
  const leave = useCallback(() => {
    const button = settingsButton();
    setView('chat');
    // After React has swapped the chat back in; the header (and its button) stays mounted.
    requestAnimationFrame(() => (button?.isConnected ? button : settingsButton())?.focus());
  }, [setView]);
  // First run has no chat to go back to.
  useEscape(leave, !needsSetup);
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
      focusField={needsSetup ? undefined : fieldNeedingAttention(latest, settings)}
      onSaved={(saved) =>
        onSaved(saved, !needsSetup || saved.hasApiKey || !requiresKey(saved.baseUrl))
      }
    />
  );
  return (
    <BuiltinModelContext.Provider value={builtin}>
      <section className="settings-view" aria-label={t('settings.title')}>
        {needsSetup ? (
          <div className="setup-intro">
            <h1>{t('settings.setup.welcome')}</h1>
            <p>{t('settings.setup.intro')}</p>
          </div>
        ) : (
          <h1>{t('settings.title')}</h1>
        )}
        {needsSetup ? (
          <BuiltinOffer onChosen={() => onSaved({ ...settings, provider: 'builtin' }, true)}>
            {form}
          </BuiltinOffer>
        ) : (
          form
        )}
        {needsSetup ? null : (
          <>
            <AppearanceSection />
            <FeedbackData data={data} />
            <p className="hint muted settings-shortcut">{t('settings.shortcut')}</p>
          </>
        )}
      </section>
    </BuiltinModelContext.Provider>
  );
}
