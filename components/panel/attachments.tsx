/** The composer's attachment chips ("Add page selection" is in the attach popover). */
import { lazy, Suspense } from 'react';
import { t } from '@/components/common/i18n';
import { useChat } from './store-context';

// Attachment chips (and the language list they offer) load with the first attachment.
const AttachmentChip = lazy(() =>
  import('@/components/chat/attachment-chip').then((m) => ({ default: m.AttachmentChip })),
);

export function Attachments() {
  const attachments = useChat((s) => s.attachments);
  const remove = useChat((s) => s.removeAttachment);
  const setLanguage = useChat((s) => s.setAttachmentLanguage);
  if (!attachments.length) return null;
  return (
    <Suspense fallback={<div className="attachments muted">{t('panel.composer.attaching')}</div>}>
      <div className="attachments">
        {attachments.map((a) => (
          <AttachmentChip
            key={a.id}
            attachment={a}
            onRemove={() => remove(a.id)}
            onLanguageChange={(language) => setLanguage(a.id, language)}
          />
        ))}
      </div>
    </Suspense>
  );
}
