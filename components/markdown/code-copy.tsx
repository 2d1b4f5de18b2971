/**
 * "Copy code": copies the code as shown. Invisible characters (marked in the block) are left
 * out, and the status says how many, so the clipboard never holds what the reader could not see.
 */
import { useEffect, useRef, useState } from 'react';
import { t } from '@/components/common/i18n';
import { stripInvisible } from '@/lib/markdown/invisible';

export function CodeCopyButton({ code }: { code: string }) {
  const [status, setStatus] = useState('');
  const [warned, setWarned] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    const { text, removed } = stripInvisible(code);
    try {
      await navigator.clipboard.writeText(text);
      setStatus(removed ? t('markdown.copiedWithout', removed) : t('markdown.copied'));
      setWarned(removed > 0);
    } catch {
      setStatus(t('markdown.copyFailed'));
      setWarned(false);
    }
    clearTimeout(timer.current);
    // A warning stays long enough to be read; a plain "Copied" need not.
    timer.current = setTimeout(() => setStatus(''), removed ? 6000 : 1500);
  };
  // The status comes first: in the block's header it sits between the language and the button.
  return (
    <>
      <span className={warned ? 'code-copy-warning' : 'sr-status'} role="status">
        {status}
      </span>
      <button type="button" className="button ghost small" onClick={() => void copy()}>
        {t('markdown.copyCode')}
      </button>
    </>
  );
}
