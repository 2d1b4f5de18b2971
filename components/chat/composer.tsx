/**
 * The message box: Enter sends, Shift+Enter adds a line; a reply in progress turns Send into Stop.
 * The attach button (a popover of the panel's, `tools`) sits at the box's inline start, Send or
 * Stop at its end; the Up-arrow hint is the placeholder, so it never covers a draft.
 */
import { useRef, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { t } from '@/components/common/i18n';
import { IconButton } from '@/components/common/icon-button';
import { SendIcon, StopIcon } from '@/components/panel/panel-icons';
import { isAccidentalStop } from '@/lib/panel/stop-guard';

export interface ComposerProps {
  text: string;
  onTextChange: (text: string) => void;
  /** Attachments alone are worth sending: the question can be implied ("what is this?"). */
  hasAttachments: boolean;
  busy: boolean;
  canSend: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  disabledReason?: string;
  /** Set while an earlier message is being edited from here. */
  editing?: boolean;
  /** Up in an empty composer: edit the last message. Returns whether there was one. */
  onEditLast?: () => boolean;
  onCancelEdit?: () => void;
  /** There is a message of the user's that Up would edit: the placeholder says so. */
  canEditLast?: boolean;
  /** Controls beside the box (the attach popover). */
  tools?: ReactNode;
  /** The text area, for callers that fill it and move the focus there (a suggestion). */
  inputRef?: RefObject<HTMLTextAreaElement | null>;
}

export function Composer({
  text,
  onTextChange,
  hasAttachments,
  busy,
  canSend,
  onSend,
  onStop,
  disabledReason,
  editing,
  onEditLast,
  onCancelEdit,
  canEditLast,
  tools,
  inputRef,
}: ComposerProps) {
  const ownInput = useRef<HTMLTextAreaElement | null>(null);
  const input = inputRef ?? ownInput;
  // When Send was last clicked with a pointer (an event timeStamp): Stop takes its place right
  // under it. A send by Enter leaves it alone, so a quick click on Stop after Enter still stops.
  const sentAt = useRef<number | null>(null);
  const sendable = (text.trim().length > 0 || hasAttachments) && canSend && !busy;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!sendable) return;
    onSend(text);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'ArrowUp' && !text && onEditLast?.()) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && editing) {
      event.preventDefault();
      onCancelEdit?.();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      sentAt.current = null;
      submit();
    }
  };

  return (
    <form className={`composer${editing ? ' composer-editing' : ''}`} onSubmit={submit}>
      {editing ? (
        <p className="editing-note muted" role="status">
          {t('panel.composer.editing')}
        </p>
      ) : null}
      <textarea
        ref={input}
        aria-label={t('panel.composer.message')}
        placeholder={
          disabledReason ??
          (canEditLast ? t('panel.composer.placeholderEdit') : t('panel.composer.placeholder'))
        }
        value={text}
        rows={2}
        onChange={(e) => onTextChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-row">
        {tools}
        <span className="composer-spacer" />
        {busy ? (
          <IconButton
            label={t('panel.composer.stop')}
            icon={<StopIcon />}
            tooltip="above"
            className="composer-stop tip-end"
            onClick={(e) => {
              // The second click of a double-click on Send is not a Stop (Esc still stops at once).
              if (!isAccidentalStop(sentAt.current, e.timeStamp)) onStop();
            }}
          />
        ) : (
          <IconButton
            type="submit"
            label={t('panel.composer.send')}
            icon={<SendIcon />}
            tooltip="above"
            className="composer-send tip-end"
            disabled={!sendable}
            onClick={(e) => {
              // `detail` counts pointer clicks; a keyboard press on the button has none.
              if (e.detail > 0) sentAt.current = e.timeStamp;
            }}
          />
        )}
      </div>
    </form>
  );
}
