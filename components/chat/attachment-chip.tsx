import { CloseIcon } from '@/components/common/icons';
/**
 * An attached page selection before it is sent: where it came from, what language, how big, and
 * exactly what will be sent (expand to preview). Hidden text and truncation are said plainly.
 */
import { useId, useState } from 'react';
import type { Attachment } from '@/lib/chat/types';
import { estimateTokens } from '@/lib/selection/normalize';
import { LANGUAGES } from '@/lib/selection/language';

export interface AttachmentChipProps {
  attachment: Attachment;
  onRemove: () => void;
  onLanguageChange: (language: string | undefined) => void;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function AttachmentChip({ attachment, onRemove, onLanguageChange }: AttachmentChipProps) {
  const [open, setOpen] = useState(false);
  const ids = useId();
  const lines = attachment.text.split('\n').length;
  const tokens = estimateTokens(attachment.text);
  const { truncated } = attachment;
  return (
    <div role="group" aria-label="Attached selection" className="attachment-chip">
      <div className="chip-head">
        <span className="chip-source" title={attachment.source.url}>
          {attachment.source.title || hostOf(attachment.source.url)}
          <span className="muted"> · {hostOf(attachment.source.url)}</span>
        </span>
        <button
          type="button"
          className="button ghost icon"
          aria-label="Remove attachment"
          onClick={onRemove}
        >
          <CloseIcon />
        </button>
      </div>
      <div className="chip-meta muted">
        <label htmlFor={`${ids}-lang`} className="sr-only">
          Language
        </label>
        <select
          id={`${ids}-lang`}
          value={attachment.language ?? ''}
          onChange={(e) => onLanguageChange(e.target.value || undefined)}
        >
          <option value="">plain text</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <span>
          {lines} {lines === 1 ? 'line' : 'lines'} · ~{tokens.toLocaleString('en')} tokens
        </span>
        <button
          type="button"
          className="button link small"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide preview' : 'Preview'}
        </button>
      </div>
      {truncated ? (
        <p className="chip-note">
          Too long: kept {truncated.kept.toLocaleString('en')} of{' '}
          {truncated.total.toLocaleString('en')} characters.
        </p>
      ) : null}
      {attachment.hiddenTextRemoved ? (
        <p className="chip-note warn" role="status">
          This selection contains hidden text; it was removed and will not be sent.
        </p>
      ) : null}
      {attachment.formattingLost ? (
        <p className="chip-note">
          Formatting may be lost: this page does not let Parley read line breaks.
        </p>
      ) : null}
      {open ? <pre className="chip-preview">{attachment.text}</pre> : null}
    </div>
  );
}
