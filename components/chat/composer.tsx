/**
 * The message box: Enter sends, Shift+Enter adds a line; a reply in progress turns Send into Stop.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

export interface ComposerProps {
  busy: boolean;
  canSend: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  disabledReason?: string;
}

export function Composer({ busy, canSend, onSend, onStop, disabledReason }: ComposerProps) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const sendable = text.trim().length > 0 && canSend && !busy;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!sendable) return;
    onSend(text);
    setText('');
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <textarea
        ref={input}
        aria-label="Message"
        placeholder={disabledReason ?? 'Ask anything… (Enter to send, Shift+Enter for a new line)'}
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {busy ? (
        <button type="button" className="button stop" onClick={onStop}>
          Stop generating
        </button>
      ) : (
        <button type="submit" className="button primary" disabled={!sendable}>
          Send
        </button>
      )}
    </form>
  );
}
