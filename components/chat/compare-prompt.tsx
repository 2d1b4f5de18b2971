import { CloseIcon } from '@/components/common/icons';
/** After a regenerate: was the new reply better than the one it replaced? */
export function ComparePrompt({
  onAnswer,
  onDismiss,
}: {
  onAnswer: (a: 'better' | 'worse' | 'same') => void;
  onDismiss: () => void;
}) {
  return (
    <div className="compare-prompt" role="group" aria-label="Compare with the previous response">
      <span>Was this response better or worse?</span>
      <button type="button" className="button small" onClick={() => onAnswer('better')}>
        Better
      </button>
      <button type="button" className="button small" onClick={() => onAnswer('worse')}>
        Worse
      </button>
      <button type="button" className="button small" onClick={() => onAnswer('same')}>
        Same
      </button>
      <button
        type="button"
        className="button ghost small"
        aria-label="Dismiss comparison question"
        onClick={onDismiss}
      >
        <CloseIcon />
      </button>
    </div>
  );
}
