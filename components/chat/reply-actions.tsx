/**
 * The row under a reply (issue 16): the pager, the thumbs, Copy, Regenerate, Compare and a
 * "More actions" menu for the rare report, as icon buttons with tooltips. Under the latest reply
 * the row is always shown; under older ones it fades in on hover and on keyboard focus, staying
 * in the layout and in the Tab order so nothing moves.
 */
import { useState } from 'react';
import { IconButton } from '@/components/common/icon-button';
import { MenuButton } from '@/components/common/menu';
import { t } from '@/components/common/i18n';
import { actionRowClass } from '@/lib/panel/reply-view';
import { MoreIcon } from '@/components/common/icons';
import { CompareIcon, FlagIcon, RegenerateIcon } from './chat-icons';
import { CopyReplyButton } from './copy-reply-button';
import type { MessageItemProps } from './message-item';
import { RatingBar } from './rating-bar';
import { MessagePager } from './variant-pager';

export interface ReplyActionsProps extends MessageItemProps {
  onRetry: () => void;
  /** An error card: nothing in it to report. */
  bare: boolean;
}

export function ReplyActions(props: ReplyActionsProps) {
  const { message, pager, rating, busy, actions, reported, latest = false, bare } = props;
  const [comparing, setComparing] = useState(false);
  const [count, setCount] = useState(3);
  const parentId = message.parentId;
  const hasText = message.content !== '';
  const report = reported.includes('false_negative');
  return (
    <>
      <div className={actionRowClass(latest)}>
        <MessagePager pager={pager} actions={actions} />
        {hasText ? (
          <RatingBar
            rating={rating}
            onRate={(value, reasons, comment) => actions.rate(message.id, value, reasons, comment)}
            onClear={() => actions.clearRating(message.id)}
          />
        ) : null}
        {hasText ? <CopyReplyButton text={message.content} /> : null}
        <IconButton
          label={t('chat.actions.regenerate')}
          icon={<RegenerateIcon />}
          tooltip="above"
          disabled={busy}
          onClick={props.onRetry}
        />
        <IconButton
          label={t('chat.actions.compare')}
          icon={<CompareIcon />}
          tooltip="above"
          disabled={busy}
          aria-expanded={comparing}
          onClick={() => setComparing(!comparing)}
        />
        {hasText && !bare && !message.moderation?.flagged ? (
          <MenuButton
            label={t('chat.actions.more')}
            icon={<MoreIcon />}
            tooltip="above"
            className="reply-more tip-end"
            items={[
              {
                label: report ? t('chat.actions.reported') : t('chat.actions.reportMissed'),
                icon: <FlagIcon />,
                disabled: report,
                onSelect: () => actions.reportModeration(message.id, 'false_negative'),
              },
            ]}
          />
        ) : null}
      </div>
      {comparing && parentId ? (
        <div className="row compare-start">
          <label>
            {t('chat.actions.alternatives')}{' '}
            <select value={count} onChange={(e) => setCount(Number(e.target.value))}>
              {[2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button small"
            onClick={() => {
              setComparing(false);
              actions.startCompare(parentId, count);
            }}
          >
            {t('chat.actions.generate')}
          </button>
        </div>
      ) : null}
    </>
  );
}
