/**
 * Editing a sent message in place (issue 16): focus lands in the box with the caret at the end;
 * Enter sends like the composer, Shift+Enter adds a line, Escape cancels.
 */
import { useEffect, useRef, useState } from 'react';
import { editKeyAction } from '@/lib/panel/reply-view';
import { t } from '@/components/common/i18n';
import { useEscape } from '@/components/common/use-escape';

export interface EditBoxProps {
  initial: string;
  busy: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
}

export function EditBox({ initial, busy, onSave, onCancel }: EditBoxProps) {
  const [text, setText] = useState(initial);
  const box = useRef<HTMLTextAreaElement>(null);
  useEscape(onCancel);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const canSave = text.trim() !== '' && !busy;
  const save = () => {
    if (canSave) onSave(text);
  };
  return (
    <form
      className="edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <textarea
        ref={box}
        aria-label={t('chat.edit.box')}
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          const action = editKeyAction({
            key: e.key,
            shiftKey: e.shiftKey,
            isComposing: e.nativeEvent.isComposing,
          });
          if (action !== 'save') return;
          e.preventDefault();
          save();
        }}
      />
      <div className="row edit-row">
        <span className="edit-hint muted">{t('chat.edit.hint')}</span>
        <button type="button" className="button ghost small" onClick={onCancel}>
          {t('chat.edit.cancel')}
        </button>
        <button type="submit" className="button primary small" disabled={!canSave}>
          {t('chat.edit.send')}
        </button>
      </div>
    </form>
  );
}
