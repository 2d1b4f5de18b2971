import { CloseIcon } from '@/components/common/icons';
import { IconButton } from '@/components/common/icon-button';
import { t } from '@/components/common/i18n';
/**
 * After a regenerate: was the new reply better than the one it replaced? The three answers sit
 * on one line of their own (they never wrap one by one at 320 px), the question above them.
 */
export function ComparePrompt({
  onAnswer,
  onDismiss,
}: {
  onAnswer: (a: 'better' | 'worse' | 'same') => void;
  onDismiss: () => void;
}) {
  return (
    <div className="compare-prompt" role="group" aria-label={t('chat.comparePrompt.group')}>
      <span className="compare-question">{t('chat.comparePrompt.question')}</span>
      <span className="compare-answers">
        <button type="button" className="button small" onClick={() => onAnswer('better')}>
          {t('chat.comparePrompt.better')}
        </button>
        <button type="button" className="button small" onClick={() => onAnswer('worse')}>
          {t('chat.comparePrompt.worse')}
        </button>
        <button type="button" className="button small" onClick={() => onAnswer('same')}>
          {t('chat.comparePrompt.same')}
        </button>
        <IconButton
          label={t('chat.comparePrompt.dismiss')}
          icon={<CloseIcon />}
          tooltip="above"
          className="tip-end"
          onClick={onDismiss}
        />
      </span>
    </div>
  );
}
