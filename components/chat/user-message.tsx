/**
 * A message the user sent: its attachments (expandable to what was sent), its text or the edit
 * box, a moderation flag where there is one, and Edit, shown on hover and keyboard focus.
 */
import { useEffect, useRef, useState } from 'react';
import { IconButton } from '@/components/common/icon-button';
import { t } from '@/components/common/i18n';
import { EditIcon } from './chat-icons';
import { EditBox } from './edit-box';
import type { MessageItemProps } from './message-item';
import { ModerationNotice, NotCheckedLine } from './moderation-notice';
import { SentAttachment } from './sent-attachment';
import { MessagePager } from './variant-pager';

export function UserMessage({
  message,
  pager,
  busy,
  actions,
  reported,
  notChecked,
}: MessageItemProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // Set when editing ends by Cancel or Escape: focus goes back to Edit once it is back.
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  const moderation = message.moderation;
  return (
    <article
      className="message user"
      data-message-role="user"
      data-state={message.state.kind}
      aria-label={t('chat.youSaid')}
    >
      {message.attachments.map((a) => (
        <SentAttachment key={a.id} attachment={a} />
      ))}
      {editing ? (
        <EditBox
          initial={message.content}
          busy={busy}
          onSave={(text) => {
            actions.editAndResend(message.id, text);
            setEditing(false);
          }}
          onCancel={() => {
            refocus.current = true;
            setEditing(false);
          }}
        />
      ) : (
        <div className="user-text" dir="auto">
          {message.content}
        </div>
      )}
      {moderation?.flagged ? (
        <ModerationNotice
          record={moderation}
          lead={t('chat.moderation.flaggedMessage')}
          reported={reported.includes('false_positive')}
          onReport={() => actions.reportModeration(message.id, 'false_positive')}
        />
      ) : null}
      {pager.total > 1 ? (
        <div className="message-actions user-actions">
          <MessagePager pager={pager} actions={actions} />
        </div>
      ) : null}
      {editing ? null : (
        <span className="user-edit actions-on-hover">
          <IconButton
            ref={editButton}
            label={t('chat.edit.button')}
            icon={<EditIcon />}
            tooltip="above"
            disabled={busy}
            onClick={() => setEditing(true)}
          />
        </span>
      )}
      {notChecked ? <NotCheckedLine onOpenSettings={actions.openSettings} /> : null}
    </article>
  );
}
