/**
 * Settings → Behaviour: the system prompt (with a way back to the default) and how long a reply
 * waits for its first token. The form keeps the values; Save sends them.
 */
import { useId } from 'react';
import { DEFAULT_SYSTEM_PROMPT } from '@/lib/model/system-prompt';
import { t } from '@/components/common/i18n';
import { WaitField } from './wait-field';

export interface BehaviourFieldsProps {
  systemPrompt: string;
  onSystemPrompt: (text: string) => void;
  waitMinutes: string;
  onWaitMinutes: (text: string) => void;
}

export function BehaviourFields(props: BehaviourFieldsProps) {
  const ids = useId();
  return (
    <section className="settings-section" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('settings.behaviour.title')}</h2>
      <label htmlFor={`${ids}-prompt`}>{t('settings.behaviour.systemPrompt')}</label>
      <textarea
        id={`${ids}-prompt`}
        rows={8}
        // The prompt may be in any language: each line takes its own direction.
        dir="auto"
        value={props.systemPrompt}
        onChange={(e) => props.onSystemPrompt(e.target.value)}
      />
      <button
        type="button"
        className="button link small align-start"
        onClick={() => props.onSystemPrompt(DEFAULT_SYSTEM_PROMPT)}
      >
        {t('settings.behaviour.restorePrompt')}
      </button>
      <WaitField value={props.waitMinutes} onChange={props.onWaitMinutes} />
    </section>
  );
}
