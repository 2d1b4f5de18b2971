/**
 * Confirms deleting a conversation, as a dialog card over the panel. When it has ratings or
 * comparisons, asks whether to keep them (they are the user's fine-tuning data). Escape cancels;
 * the focus starts on Cancel, the choice that loses nothing.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { t } from '@/components/common/i18n';
import { useEscape } from '@/components/common/use-escape';

export interface DeleteBarProps {
  feedbackCount: number;
  onDelete: (keepFeedback: boolean) => void;
  onCancel: () => void;
}

/** The dialog's sentence about ratings: none, "1 rating or comparison", or "N ratings or…". */
export function feedbackSentence(count: number): string {
  return count > 0 ? t('panel.delete.feedback', count) : '';
}

/** Tab and Shift+Tab cycle through the dialog's buttons: it is modal, the page behind waits. */
function keepFocusInside(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'Tab') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button')];
  const at = buttons.indexOf(document.activeElement as HTMLElement);
  const next = (at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
  event.preventDefault();
  buttons[next]?.focus();
}

export function DeleteBar({ feedbackCount, onDelete, onCancel }: DeleteBarProps) {
  const ids = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEscape(onCancel);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onCancel()}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-body`}
        onKeyDown={keepFocusInside}
      >
        <h2 id={`${ids}-title`} className="dialog-title">
          {t('panel.delete.title')}
        </h2>
        <p id={`${ids}-body`} className="dialog-body">
          {feedbackCount > 0 ? `${feedbackSentence(feedbackCount)} ` : ''}
          {t('panel.delete.body')}
        </p>
        <div className="dialog-actions">
          <button ref={cancel} type="button" className="button" onClick={onCancel}>
            {t('panel.delete.cancel')}
          </button>
          {feedbackCount > 0 ? (
            <>
              <button
                type="button"
                className="button dialog-danger"
                onClick={() => onDelete(false)}
              >
                {t('panel.delete.withRatings')}
              </button>
              <button type="button" className="button primary" onClick={() => onDelete(true)}>
                {t('panel.delete.keep')}
              </button>
            </>
          ) : (
            <button type="button" className="button dialog-danger" onClick={() => onDelete(false)}>
              {t('panel.delete.delete')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
