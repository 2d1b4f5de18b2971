/**
 * The message box: Enter sends, Shift+Enter adds a line; a reply in progress turns Send into Stop.
 */
import { useRef, type FormEvent, type KeyboardEvent } from 'react';
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
}: ComposerProps) {
  const input = useRef<HTMLTextAreaElement>(null);
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
    <form className="composer" onSubmit={submit}>
      {editing ? (
        <p className="editing-note muted" role="status">
          Editing your last message: sending makes a new branch. Esc cancels.
        </p>
      ) : null}
      <textarea
        ref={input}
        aria-label="Message"
        placeholder={disabledReason ?? 'Ask anything… (Enter to send, Shift+Enter for a new line)'}
        value={text}
        rows={3}
        onChange={(e) => onTextChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {busy ? (
        <button
          type="button"
          className="button stop"
          onClick={(e) => {
            // The second click of a double-click on Send is not a Stop (Esc still stops at once).
            if (!isAccidentalStop(sentAt.current, e.timeStamp)) onStop();
          }}
        >
          Stop generating
        </button>
      ) : (
        <button
          type="submit"
          className="button primary"
          disabled={!sendable}
          onClick={(e) => {
            // `detail` counts pointer clicks; a keyboard press on the button has none.
            if (e.detail > 0) sentAt.current = e.timeStamp;
          }}
        >
          Send
        </button>
      )}
    </form>
  );
}
