/**
 * Thumbs up/down under a reply. Down opens a small inline form with reasons and a comment; up may
 * take an optional comment. Pressing the same thumb again takes the rating back.
 */
import { useId, useState, type FormEvent } from 'react';
import { ThumbDownIcon, ThumbUpIcon } from '@/components/common/icons';
import { REASON_LABELS, type Rating, type RatingReason } from '@/lib/feedback/types';

export interface RatingBarProps {
  rating?: Rating;
  onRate: (value: 'good' | 'bad', reasons?: RatingReason[], comment?: string) => void;
  onClear: () => void;
}

const REASONS = Object.keys(REASON_LABELS) as RatingReason[];

export function RatingBar({ rating, onRate, onClear }: RatingBarProps) {
  const [form, setForm] = useState<'good' | 'bad' | null>(null);

  const press = (value: 'good' | 'bad') => {
    if (rating?.value === value) {
      onClear();
      setForm(null);
      return;
    }
    onRate(value);
    setForm(value);
  };

  return (
    <>
      <button
        type="button"
        className="button ghost icon"
        aria-label="Good response"
        aria-pressed={rating?.value === 'good'}
        onClick={() => press('good')}
      >
        <ThumbUpIcon />
      </button>
      <button
        type="button"
        className="button ghost icon"
        aria-label="Bad response"
        aria-pressed={rating?.value === 'bad'}
        onClick={() => press('bad')}
      >
        <ThumbDownIcon />
      </button>
      {form ? (
        <FeedbackForm
          value={form}
          rating={rating}
          onSubmit={(reasons, comment) => {
            onRate(form, reasons, comment);
            setForm(null);
          }}
          onClose={() => setForm(null)}
        />
      ) : null}
    </>
  );
}

function FeedbackForm({
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
