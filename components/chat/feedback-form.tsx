/** The form a thumb opens under a reply: reasons (for a thumbs-down) and a comment. */
import { useId, useState, type FormEvent } from 'react';
import { REASON_LABELS, type Rating, type RatingReason } from '@/lib/model/feedback';

const REASONS = Object.keys(REASON_LABELS) as RatingReason[];

export function FeedbackForm({
  value,
  rating,
  onSubmit,
  onClose,
}: {
  value: 'good' | 'bad';
  rating?: Rating;
  onSubmit: (reasons: RatingReason[], comment: string) => void;
  onClose: () => void;
}) {
  const ids = useId();
  const [reasons, setReasons] = useState<RatingReason[]>(rating?.reasons ?? []);
  const [comment, setComment] = useState(rating?.comment ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reasons, comment);
  };
  return (
    <form
      className="feedback-form"
      aria-label={value === 'bad' ? 'What was wrong?' : 'What was good?'}
      onSubmit={submit}
    >
      {value === 'bad' ? (
        <fieldset>
          <legend>What was wrong?</legend>
          {REASONS.map((reason) => (
            <label key={reason} className="check">
              <input
                type="checkbox"
                checked={reasons.includes(reason)}
                onChange={(e) =>
                  setReasons(
                    e.target.checked ? [...reasons, reason] : reasons.filter((r) => r !== reason),
                  )
                }
              />
              {REASON_LABELS[reason]}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label htmlFor={`${ids}-comment`}>{value === 'bad' ? 'Comment' : 'Comment (optional)'}</label>
      <textarea
        id={`${ids}-comment`}
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="row">
        <button type="submit" className="button primary small">
          Submit
        </button>
        <button type="button" className="button ghost small" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
