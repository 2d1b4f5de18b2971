/**
 * The way past a local server's Origin check (issue 14): the exact OLLAMA_ORIGINS setting for
 * this extension, with a copy button. The panel's own origin is this extension's origin.
 */
import { CopyButton } from '../common/copy-button';
import { ollamaOriginsFix } from '@/lib/llm/ollama-origins';
import { t } from '@/components/common/i18n';

/** Loaded only when a reply ends in this error (the panel's initial JS is at its budget). */
export default function OriginFix() {
  const fix = ollamaOriginsFix(location.origin);
  return (
    <div className="origin-fix">
      <p>{t('chat.origin.why')}</p>
      <code dir="ltr">{fix}</code> <CopyButton text={fix} label={t('chat.origin.copy')} />
      <p className="detail">
        {t('chat.origin.restart')} <code dir="ltr">{fix} ollama serve</code>.{' '}
        {t('chat.origin.already')}
      </p>
    </div>
  );
}
