/**
 * What a message shows when rendering it failed: its text as it came, as plain text (bidi
 * controls removed, as everywhere outside code), with a note saying why, and Copy. It keeps the
 * article and data attributes of a message (DESIGN §6), so the list and its tests still see it.
 */
import type { ChatMessage } from '@/lib/model/types';
import { stripBidiControls } from '@/lib/markdown/bidi-controls';
import { t } from '@/components/common/i18n';
import { CopyReplyButton } from './copy-reply-button';

export function MessageFallback({ message }: { message: ChatMessage }) {
  // The message itself may be what broke: read it defensively.
  const role = message.role === 'user' ? 'user' : 'assistant';
  const state = typeof message.state?.kind === 'string' ? message.state.kind : 'error';
  const text = typeof message.content === 'string' ? message.content : '';
  return (
    <article
      className={`message ${role} message-fallback`}
      data-message-role={role}
      data-state={state}
      aria-label={role === 'user' ? t('chat.youSaid') : t('chat.parleySaid')}
    >
      <p className="message-fallback-note" role="note">
        {t('chat.fallback.note')}
      </p>
      <div className="message-fallback-text" dir="auto">
        {stripBidiControls(text)}
      </div>
      <div className="message-actions actions-pinned">
        <CopyReplyButton text={text} />
      </div>
    </article>
  );
}
