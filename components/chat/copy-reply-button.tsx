/**
 * Copies a whole message: an icon button named "Copy" (DESIGN §6) whose icon turns to a tick for
 * a moment, with a live region saying it worked (the name stays fixed, as tests find it by it).
 */
import { useEffect, useState } from 'react';
import { IconButton } from '@/components/common/icon-button';
import { t } from '@/components/common/i18n';
import { CheckIcon, CopyIcon } from './chat-icons';

export function CopyReplyButton({ text, className }: { text: string; className?: string }) {
  const [status, setStatus] = useState<'' | 'copied' | 'failed'>('');
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 1500);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <>
      <IconButton
        label={t('chat.actions.copy')}
        icon={status === 'copied' ? <CheckIcon /> : <CopyIcon />}
        tooltip="above"
        className={className}
        onClick={() => void copy()}
      />
      <span className="sr-status" role="status">
        {status === 'copied'
          ? t('chat.actions.copied')
          : status === 'failed'
            ? t('chat.actions.copyFailed')
            : ''}
      </span>
    </>
  );
}
