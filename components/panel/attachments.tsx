/** The composer's attachment chips and "Add page selection". */
import { lazy, Suspense } from 'react';
import { useChat } from './store-context';

// Attachment chips (and the language list they offer) load with the first attachment.
const AttachmentChip = lazy(() =>
  import('@/components/chat/attachment-chip').then((m) => ({ default: m.AttachmentChip })),
);

export function Attachments() {
  const attachments = useChat((s) => s.attachments);
  const remove = useChat((s) => s.removeAttachment);
  const setLanguage = useChat((s) => s.setAttachmentLanguage);
  const capture = useChat((s) => s.captureSelection);
  return (
    <>
      {attachments.length ? (
        <Suspense fallback={<div className="attachments muted">Attaching…</div>}>
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
      ) : null}
      <div className="composer-tools">
        <button type="button" className="button ghost small" onClick={capture}>
          Add page selection
        </button>
      </div>
    </>
  );
}
