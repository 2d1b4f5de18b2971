/** Copies text; the accessible name stays fixed while a live region says it worked. */
import { useState } from 'react';
import { t } from './i18n';

export function CopyButton({ text, label }: { text: string; label?: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('common.copy.copied'));
    } catch {
      setStatus(t('common.copy.failed'));
    }
    setTimeout(() => setStatus(''), 1500);
  };
  return (
    <>
      <button type="button" className="button ghost small" onClick={() => void copy()}>
        {label ?? t('common.copy.copy')}
      </button>
      <span className="sr-status" role="status">
        {status}
      </span>
    </>
  );
}
