/** Copies text; the accessible name stays fixed while a live region says it worked. */
import { useState } from 'react';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied');
    } catch {
      setStatus('Copy failed: select the text and copy it by hand');
    }
    setTimeout(() => setStatus(''), 1500);
  };
  return (
    <>
      <button type="button" className="button ghost small" onClick={() => void copy()}>
        {label}
      </button>
      <span className="sr-status" role="status">
        {status}
      </span>
    </>
  );
}
