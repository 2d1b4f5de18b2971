import { CloseIcon } from '@/components/common/icons';
/**
 * An attached page selection before it is sent: where it came from, what language, how big, and
 * exactly what will be sent (expand to preview). Hidden text and truncation are said plainly.
 */
import { useId, useState } from 'react';
import type { Attachment } from '@/lib/model/types';
import { estimateTokens } from '@/lib/selection/normalize';
import { LANGUAGES } from '@/lib/selection/language';
import { describeHidden, describeSource } from '@/lib/selection/describe';
import { IconButton } from '@/components/common/icon-button';
import { t } from '@/components/common/i18n';
import './chat.css';
import { localizeNotice } from '@/components/notices/localize';

export interface AttachmentChipProps {
  attachment: Attachment;
  onRemove: () => void;
  onLanguageChange: (language: string | undefined) => void;
}

// Layout for the source line, kept beside the markup it shapes: the host never shrinks (a long
// one wraps), the path takes what is left and is cut with an ellipsis.
const SOURCE_LINE = { display: 'flex', flexWrap: 'wrap', minWidth: 0 } as const;
const SOURCE_HOST = { flex: '0 1 auto', overflowWrap: 'anywhere' } as const;
const SOURCE_FRAME = { ...SOURCE_HOST, marginInlineStart: '0.3em' } as const;
const SOURCE_PATH = {
  flex: '1 1 0',
  minWidth: 0,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;

export function AttachmentChip({ attachment, onRemove, onLanguageChange }: AttachmentChipProps) {
  const [open, setOpen] = useState(false);
  const ids = useId();
  const lines = attachment.text.split('\n').length;
  const tokens = estimateTokens(attachment.text);
  const { truncated } = attachment;
  const source = describeSource(attachment.source);
  const hiddenNote = describeHidden(attachment);
  return (
    <div role="group" aria-label={t('chat.attachment.group')} className="attachment-chip">
      <div className="chip-head">
        <span className="chip-source" title={attachment.source.url}>
          {attachment.source.title || source.host}
        </span>
        <IconButton
          label={t('chat.attachment.remove')}
          icon={<CloseIcon />}
          tooltip="above"
          className="tip-end"
          onClick={onRemove}
        />
      </div>
      {/* The host is what tells an ad frame from the page: it is shown whole, the path is cut. */}
      <div className="muted" dir="ltr" style={SOURCE_LINE}>
        <span style={SOURCE_HOST}>
          {t('chat.attachment.from')} <strong>{source.host}</strong>
        </span>
        <span style={SOURCE_PATH} title={attachment.source.url}>
          {source.path}
        </span>
        {source.frameIn ? (
          <span style={SOURCE_FRAME}> ({t('chat.attachment.frameIn', [source.frameIn])})</span>
        ) : null}
      </div>
      <div className="chip-meta muted">
        <label htmlFor={`${ids}-lang`} className="sr-only">
          {t('chat.attachment.language')}
        </label>
        <select
          id={`${ids}-lang`}
          value={attachment.language ?? ''}
          onChange={(e) => onLanguageChange(e.target.value || undefined)}
        >
          <option value="">{t('chat.attachment.plainText')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <span>
          {t('chat.attachment.lines', lines)} ·{' '}
          {t('chat.attachment.tokens', [tokens.toLocaleString('en')])}
        </span>
        <button
          type="button"
          className="button link small"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? t('chat.attachment.hidePreview') : t('chat.attachment.preview')}
        </button>
      </div>
      {truncated ? (
        <p className="chip-note">
          {t('chat.attachment.truncated', [
            truncated.kept.toLocaleString('en'),
            truncated.total.toLocaleString('en'),
          ])}
        </p>
      ) : null}
      {hiddenNote ? (
        <p className="chip-note warn" role="status">
          {t('chat.attachment.hidden', [localizeNotice(hiddenNote)])}
        </p>
      ) : null}
      {attachment.formattingLost ? (
        <p className="chip-note">{t('chat.attachment.formattingLost')}</p>
      ) : null}
      {open ? (
        <pre className="chip-preview" tabIndex={0}>
          {attachment.text}
        </pre>
      ) : null}
    </div>
  );
}
