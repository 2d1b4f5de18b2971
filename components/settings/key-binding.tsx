/**
 * Under the API key field: which server the saved key belongs to, and for a server without one,
 * the explicit "Use my key for <host>" confirmation (issue 12). It shows hosts, never a key.
 * Removing the saved key asks first, inline (issue 16): a key is tedious to find again.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ChatKeyStatus } from '@/lib/key-status';
import { t } from '@/components/common/i18n';
import { useEscape } from '@/components/common/use-escape';

export interface KeyBindingProps {
  status: ChatKeyStatus;
  /** The confirmation is ticked for the server now typed. */
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  onRemove: () => void;
}

export function KeyBinding({ status, confirmed, onConfirm, onRemove }: KeyBindingProps) {
  const hintId = useId();
  if (status.kind === 'saved') return <SavedKey host={status.host} onRemove={onRemove} />;
  if (status.host === null) return null;
  if (status.kind === 'none') {
    return <p className="hint muted">{t('settings.key.noneFor', [status.host])}</p>;
  }
  return (
    <div className="key-binding">
      <p className="hint muted" id={hintId}>
        {t('settings.key.offer', [status.host, status.fromHost])}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={confirmed}
          aria-describedby={hintId}
          onChange={(e) => onConfirm(e.target.checked)}
        />
        <span>{t('settings.key.useFor', [status.host])}</span>
      </label>
    </div>
  );
}

/** "Key saved for <host>" and "Remove saved key", which asks "Remove the saved key?" first. */
export function SavedKey({ host, onRemove }: { host: string; onRemove: () => void }) {
  const questionId = useId();
  const [asking, setAsking] = useState(false);
  const removeButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the question closes: back to the button that asked it.
  const returnFocus = useRef(false);
  const keep = useCallback(() => {
    returnFocus.current = true;
    setAsking(false);
  }, []);
  useEscape(keep, asking);
  useEffect(() => {
    if (asking) keepButton.current?.focus();
    else if (returnFocus.current) removeButton.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  return (
    <div className="key-binding">
      <p className="hint muted">{t('settings.key.savedFor', [host])}</p>
      {asking ? (
        <div className="inline-confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>{t('settings.key.removeQuestion')}</p>
          <button
            type="button"
            className="button small danger"
            onClick={() => {
              setAsking(false);
              onRemove();
            }}
          >
            {t('settings.key.removeConfirm')}
          </button>
          <button type="button" className="button small" ref={keepButton} onClick={keep}>
            {t('settings.key.keep')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          ref={removeButton}
          className="button link small"
          onClick={() => setAsking(true)}
        >
          {t('settings.key.remove')}
        </button>
      )}
    </div>
  );
}
