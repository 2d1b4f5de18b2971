/**
 * Per-conversation model and system prompt, used from the next turn on. New chats start from
 * the defaults in Settings.
 */
import { useId, useState, type FormEvent } from 'react';
import { t } from '@/components/common/i18n';
import type { Conversation } from '@/lib/model/types';

export interface ChatSettingsProps {
  conversation: Conversation;
  onSave: (patch: { model: string; systemPrompt: string }) => void;
  onClose: () => void;
}

export function ChatSettings({ conversation, onSave, onClose }: ChatSettingsProps) {
  const ids = useId();
  const [model, setModel] = useState(conversation.model);
  const [systemPrompt, setSystemPrompt] = useState(conversation.systemPrompt);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!model.trim()) return;
    onSave({ model: model.trim(), systemPrompt });
  };
  return (
    <form
      className="chat-settings settings-form"
      aria-label={t('panel.chatSettings.form')}
      onSubmit={submit}
    >
      <label htmlFor={`${ids}-model`}>{t('panel.chatSettings.model')}</label>
      <input
        id={`${ids}-model`}
        value={model}
        // Opened from More actions: the first field takes the focus, Escape gives it back.
        autoFocus
        onChange={(e) => setModel(e.target.value)}
        spellCheck={false}
      />
      <label htmlFor={`${ids}-prompt`}>{t('panel.chatSettings.prompt')}</label>
      <textarea
        id={`${ids}-prompt`}
        rows={4}
        value={systemPrompt}
        onChange={(e) => setSystemPrompt(e.target.value)}
      />
      <div className="row">
        <button type="submit" className="button primary small" disabled={!model.trim()}>
          {t('panel.chatSettings.apply')}
        </button>
        <button type="button" className="button ghost small" onClick={onClose}>
          {t('panel.chatSettings.close')}
        </button>
      </div>
    </form>
  );
}
