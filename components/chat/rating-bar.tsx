/**
 * Thumbs up/down under a reply. Either opens a card over the reply (reasons and a comment for a
 * thumbs-down, an optional comment for a thumbs-up); pressing the same thumb again takes the
 * rating back. Closing the card gives focus back to the thumb that opened it.
 */
import { lazy, Suspense, useRef, useState } from 'react';
import { ThumbDownIcon, ThumbUpIcon } from '@/components/common/icons';
import { IconButton } from '@/components/common/icon-button';
import { t } from '@/components/common/i18n';
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

/** About the card's height: below the row when the list has that much room under it. */
const CARD_PX = 240;

function placementFor(button: HTMLElement | null): 'above' | 'below' {
  const row = button?.closest('.message-actions');
  const list = button?.closest('.message-list');
  if (!row || !list) return 'below';
  const r = row.getBoundingClientRect();
  const l = list.getBoundingClientRect();
  return l.bottom - r.bottom < CARD_PX && r.top - l.top >= CARD_PX ? 'above' : 'below';
}

export function RatingBar({ rating, onRate, onClear }: RatingBarProps) {
  const [form, setForm] = useState<'good' | 'bad' | null>(null);
  const [placement, setPlacement] = useState<'above' | 'below'>('below');
  const good = useRef<HTMLButtonElement>(null);
  const bad = useRef<HTMLButtonElement>(null);

  const press = (value: 'good' | 'bad') => {
    if (rating?.value === value) {
      onClear();
      setForm(null);
      return;
    }
    onRate(value);
    setPlacement(placementFor(value === 'good' ? good.current : bad.current));
    setForm(value);
  };
  const close = (value: 'good' | 'bad') => {
    setForm(null);
    (value === 'good' ? good : bad).current?.focus();
  };

  return (
    <>
      <IconButton
        ref={good}
        label={t('chat.actions.good')}
        icon={<ThumbUpIcon />}
        tooltip="above"
        aria-pressed={rating?.value === 'good'}
        onClick={() => press('good')}
      />
      <IconButton
        ref={bad}
        label={t('chat.actions.bad')}
        icon={<ThumbDownIcon />}
        tooltip="above"
        aria-pressed={rating?.value === 'bad'}
        onClick={() => press('bad')}
      />
      {form ? (
        <Suspense fallback={null}>
          <FeedbackForm
            value={form}
            rating={rating}
            placement={placement}
            onSubmit={(reasons, comment) => {
              onRate(form, reasons, comment);
              close(form);
            }}
            onClose={() => close(form)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
