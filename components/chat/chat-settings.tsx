/**
 * Per-conversation model and system prompt, used from the next turn on. New chats start from
 * the defaults in Settings.
 */
import { useId, useState, type FormEvent } from 'react';
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
    <form className="chat-settings settings-form" aria-label="This conversation" onSubmit={submit}>
      <label htmlFor={`${ids}-model`}>Model for this chat</label>
      <input
        id={`${ids}-model`}
        value={model}
        onChange={(e) => setModel(e.target.value)}
        spellCheck={false}
      />
      <label htmlFor={`${ids}-prompt`}>System prompt for this chat</label>
      <textarea
        id={`${ids}-prompt`}
        rows={4}
        value={systemPrompt}
        onChange={(e) => setSystemPrompt(e.target.value)}
      />
      <div className="row">
        <button type="submit" className="button primary small" disabled={!model.trim()}>
          Apply to next turn
        </button>
        <button type="button" className="button ghost small" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
