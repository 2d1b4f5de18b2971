/**
 * A file chooser that looks like the other buttons (issue 16): the real <input type=file> stays in
 * the page, visually hidden but focusable (Enter or Space opens the browser's picker), and its
 * label is the visible button; the chosen file's name shows beside it instead of "No file chosen".
 */
import { useId, useState } from 'react';
import { t } from '@/components/common/i18n';
import { ImportIcon } from './settings-icons';

export interface FilePickerProps {
  /** The button's text, which is also the input's accessible name. */
  label: string;
  accept: string;
  onFile: (file: File | undefined) => void;
}

export function FilePicker({ label, accept, onFile }: FilePickerProps) {
  const id = useId();
  const [name, setName] = useState<string | null>(null);
  return (
    <div className="file-picker">
      <input
        id={id}
        type="file"
        className="file-picker-input"
        accept={accept}
        aria-describedby={`${id}-name`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setName(file?.name ?? null);
          onFile(file);
          // Emptied so choosing the same file again (after a fix) imports it again.
          e.target.value = '';
        }}
      />
      <label htmlFor={id} className="button small file-picker-button">
        <ImportIcon />
        <span>{label}</span>
      </label>
      <span id={`${id}-name`} className="muted file-picker-name" title={name ?? undefined}>
        {name ?? t('settings.file.none')}
      </span>
    </div>
  );
}
