/**
 * The card a thumb opens over the reply (issue 16): reasons (for a thumbs-down) and a comment.
 * It floats over the conversation instead of pushing it, and Escape closes it.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Rating, RatingReason } from '@/lib/model/feedback';
import { t } from '@/components/common/i18n';
import { useEscape } from '@/components/common/use-escape';

const REASONS: readonly RatingReason[] = ['harmful', 'untrue', 'unhelpful'];
const reasonLabel = (reason: RatingReason): string =>
  reason === 'harmful'
    ? t('chat.feedback.harmful')
    : reason === 'untrue'
      ? t('chat.feedback.untrue')
      : t('chat.feedback.unhelpful');

export function FeedbackForm({
  value,
  rating,
  placement,
  onSubmit,
  onClose,
}: {
  value: 'good' | 'bad';
  rating?: Rating;
  /** Which side of the action row the card opens on: where there is room in the list. */
  placement: 'above' | 'below';
  onSubmit: (reasons: RatingReason[], comment: string) => void;
  onClose: () => void;
}) {
  const ids = useId();
  const form = useRef<HTMLFormElement>(null);
  const [reasons, setReasons] = useState<RatingReason[]>(rating?.reasons ?? []);
  const [comment, setComment] = useState(rating?.comment ?? '');
  useEscape(onClose);
  // Scrolling the list to show the card moves nothing around it: the card is out of the flow.
  // Braces: Chromium's scrollIntoView now returns a promise, which React would call as a cleanup.
  useEffect(() => {
    form.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reasons, comment);
  };
  const title = value === 'bad' ? t('chat.feedback.wrong') : t('chat.feedback.good');
  return (
    <form
      ref={form}
      className={`feedback-form feedback-${placement}`}
      aria-label={title}
      onSubmit={submit}
    >
      {value === 'bad' ? (
        <fieldset>
          <legend>{title}</legend>
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
              {reasonLabel(reason)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label htmlFor={`${ids}-comment`}>
        {value === 'bad' ? t('chat.feedback.comment') : t('chat.feedback.commentOptional')}
      </label>
      <textarea
        id={`${ids}-comment`}
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="row">
        <button type="submit" className="button primary small">
          {t('chat.feedback.submit')}
        </button>
        <button type="button" className="button ghost small" onClick={onClose}>
          {t('chat.feedback.close')}
        </button>
      </div>
    </form>
  );
}
