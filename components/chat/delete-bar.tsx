/**
 * Confirms deleting the open conversation. When it has ratings or comparisons, asks whether to
 * keep them (they are the user's fine-tuning data).
 */
export interface DeleteBarProps {
  feedbackCount: number;
  onDelete: (keepFeedback: boolean) => void;
  onCancel: () => void;
}

export function DeleteBar({ feedbackCount, onDelete, onCancel }: DeleteBarProps) {
  return (
    <div className="banner warn" role="alertdialog" aria-label="Delete this conversation?">
      <span>
        Delete this conversation?
        {feedbackCount > 0 ? ` It has ${feedbackCount} ratings or comparisons.` : ''}
      </span>
      <span className="row">
        {feedbackCount > 0 ? (
          <>
            <button type="button" className="button small" onClick={() => onDelete(true)}>
              Delete, keep ratings
            </button>
            <button type="button" className="button small" onClick={() => onDelete(false)}>
              Delete with ratings
            </button>
          </>
        ) : (
          <button type="button" className="button small" onClick={() => onDelete(false)}>
            Delete
          </button>
        )}
        <button type="button" className="button ghost small" onClick={onCancel}>
          Cancel
        </button>
      </span>
    </div>
  );
}
