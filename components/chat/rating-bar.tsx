/**
 * Thumbs up/down under a reply. Down opens a small inline form with reasons and a comment; up may
 * take an optional comment. Pressing the same thumb again takes the rating back.
 */
import { lazy, Suspense, useState } from 'react';
import { ThumbDownIcon, ThumbUpIcon } from '@/components/common/icons';
import type { Rating, RatingReason } from '@/lib/model/feedback';

// The form opens on a click; it loads then rather than with the panel (initial bundle budget).
const FeedbackForm = lazy(() =>
  import('./feedback-form').then((m) => ({ default: m.FeedbackForm })),
);

export interface RatingBarProps {
  rating?: Rating;
  onRate: (value: 'good' | 'bad', reasons?: RatingReason[], comment?: string) => void;
  onClear: () => void;
}

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
        <Suspense fallback={null}>
          <FeedbackForm
            value={form}
            rating={rating}
            onSubmit={(reasons, comment) => {
              onRate(form, reasons, comment);
              setForm(null);
            }}
            onClose={() => setForm(null)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
