/**
 * A selection sent with a message (issue 16): its label, and behind a disclosure exactly what was
 * sent — the language and where it came from, then the text as it went to the model.
 */
import { useId, useState } from 'react';
import type { Attachment } from '@/lib/model/types';
import { describeSource } from '@/lib/selection/describe';
import { t } from '@/components/common/i18n';
import { DisclosureIcon } from './chat-icons';

export function SentAttachment({ attachment }: { attachment: Attachment }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const origin = attachment.source.title || attachment.source.url;
  const label = attachment.language
    ? t('chat.attachment.selectionIn', [attachment.language, origin])
    : t('chat.attachment.selection', [origin]);
  const source = describeSource(attachment.source);
  return (
    <div className="sent-attachment">
      <button
        type="button"
        className="sent-attachment-toggle"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={attachment.source.url}
        onClick={() => setOpen(!open)}
      >
        <DisclosureIcon />
        <span className="sent-attachment-label">{label}</span>
      </button>
      {open ? (
        <div id={id} className="sent-attachment-body">
          <p className="sent-attachment-source muted" dir="ltr">
            {attachment.language ?? t('chat.attachment.plainText')} · {source.host}
            {source.path}
            {source.frameIn ? ` (${t('chat.attachment.frameIn', [source.frameIn])})` : ''}
          </p>
          {/* Focusable so the keyboard can scroll a long selection. */}
          <pre className="sent-attachment-text" tabIndex={0} dir="ltr">
            {attachment.text}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
