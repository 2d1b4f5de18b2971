/**
 * One message as an `article` whose data attributes expose its role and state (DESIGN §6).
 * Model text goes through the safe Markdown renderer only.
 */
import { lazy, memo, Suspense, useState } from 'react';
import { LazyMarkdown } from '@/components/markdown/lazy-markdown';
import { benchProbe, useCommitProbe as useBenchCommitProbe } from '@/bench/panel/bench-probe';
import { isTerminal, type ChatMessage } from '@/lib/model/types';
import type { Rating, RatingReason } from '@/lib/model/feedback';
import type { PagerInfo } from '@/lib/model/tree';
import { renderableMessage } from '@/lib/export/record-guard';
import { ComparePrompt } from './compare-prompt';
import { ModerationNotice, NotCheckedMark } from './moderation-notice';
import { CopyButton } from '@/components/common/copy-button';
import { RatingBar } from './rating-bar';
import { ReplyStatus } from './reply-status';
import { VariantPager } from './variant-pager';

// Loads with the first reply that waits: the panel's first load stays within its budget.
const ReadingPrompt = lazy(() => import('./reading-prompt'));
const ContextFix = lazy(() => import('./context-fix'));

/** Stable callbacks shared by every message (created once per list). */
// The benchmarks' scaffolding (bench/panel) is in the E2E build only: behind these compile-time
// branches production drops it, the commit hook included. The whole-message baseline replaces the
// renderer only when a bench asks for it.
const useCommitProbe =
  import.meta.env.MODE === 'e2e' ? useBenchCommitProbe : (_length: number) => undefined;
// The floor renderer (plain text, stuck to the bottom) is the other baseline.
const BenchMarkdown =
  import.meta.env.MODE === 'e2e' && benchProbe?.naive
    ? lazy(() => import('@/bench/panel/naive-markdown'))
    : import.meta.env.MODE === 'e2e' && benchProbe?.floor
      ? lazy(() => import('@/bench/panel/floor-text'))
      : undefined;

function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  if (!BenchMarkdown) return <LazyMarkdown text={text} streaming={streaming} />;
  return (
    <Suspense fallback={<div className="markdown">{text}</div>}>
      <BenchMarkdown text={text} />
    </Suspense>
  );
}

export interface MessageActions {
  regenerate(userMessageId: string, fix?: 'drop_attachments' | 'drop_older_turns'): void;
  selectVariant(messageId: string): void;
  openSettings(): void;
  rate(messageId: string, value: 'good' | 'bad', reasons?: RatingReason[], comment?: string): void;
  clearRating(messageId: string): void;
  answerComparePrompt(answer: 'better' | 'worse' | 'same'): void;
  dismissComparePrompt(): void;
  startCompare(userMessageId: string, count: number): void;
  editAndResend(userMessageId: string, text: string): void;
  reportModeration(messageId: string, kind: 'false_positive' | 'false_negative'): void;
}

export interface MessageItemProps {
  message: ChatMessage;
  pager: PagerInfo;
  rating?: Rating;
  askCompare: boolean;
  busy: boolean;
  /** Moderation reports already made for this message. */
  reported: readonly ('false_positive' | 'false_negative')[];
  actions: MessageActions;
}

export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  // Stored records may be malformed (an old import, a hand edit): only validated shapes render.
  const message = renderableMessage(props.message);
  const safe = message === props.message ? props : { ...props, message };
  return message.role === 'user' ? <UserMessage {...safe} /> : <AssistantMessage {...safe} />;
});

function Pager({ pager, actions }: Pick<MessageItemProps, 'pager' | 'actions'>) {
  const { prevId, nextId } = pager;
  return (
    <VariantPager
      index={pager.index}
      total={pager.total}
      onPrevious={prevId ? () => actions.selectVariant(prevId) : undefined}
      onNext={nextId ? () => actions.selectVariant(nextId) : undefined}
    />
  );
}

function UserMessage({ message, pager, busy, actions, reported }: MessageItemProps) {
  const [editing, setEditing] = useState(false);
  const moderation = message.moderation;
  const [text, setText] = useState(message.content);
  return (
    <article className="message user" data-message-role="user" data-state={message.state.kind}>
      {message.attachments.map((a) => (
        <div key={a.id} className="sent-attachment">
          Page selection{a.language ? ` (${a.language})` : ''} from {a.source.title || a.source.url}
        </div>
      ))}
      {editing ? (
        <form
          className="edit-form"
          onSubmit={(e) => {
            e.preventDefault();
            actions.editAndResend(message.id, text);
            setEditing(false);
          }}
        >
          <textarea
            aria-label="Edit message"
            value={text}
            rows={3}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="row">
            <button type="submit" className="button primary small" disabled={!text.trim() || busy}>
              Send edit
            </button>
            <button type="button" className="button ghost small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="user-text">{message.content}</div>
      )}
      {moderation?.flagged ? (
        <ModerationNotice
          record={moderation}
          lead="This message was flagged by the content policy"
          reported={reported.includes('false_positive')}
          onReport={() => actions.reportModeration(message.id, 'false_positive')}
        />
      ) : moderation && !moderation.checked ? (
        <NotCheckedMark />
      ) : null}
      <div className="message-actions">
        <Pager pager={pager} actions={actions} />
        {editing ? null : (
          <button
            type="button"
            className="button ghost small"
            disabled={busy}
            onClick={() => {
              setText(message.content);
              setEditing(true);
            }}
          >
            Edit
          </button>
        )}
      </div>
    </article>
  );
}

function AssistantMessage({
  message,
  pager,
  rating,
  askCompare,
  busy,
  actions,
  reported,
}: MessageItemProps) {
  const [comparing, setComparing] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const moderation = message.moderation;
  const hidden = moderation?.flagged && moderation.action === 'block' && !revealed;
  const [count, setCount] = useState(3);
  const live = !isTerminal(message.state);
  useCommitProbe(message.content.length);
  const parentId = message.parentId;
  const retry = () => parentId && actions.regenerate(parentId);
  return (
    <article
      className="message assistant"
      data-message-role="assistant"
      data-state={message.state.kind}
      aria-busy={live}
    >
      {moderation?.flagged ? (
        <ModerationNotice
          record={moderation}
          lead={
            moderation.action === 'block'
              ? 'This content may violate the content policy'
              : 'This reply was flagged by the content policy'
          }
          reported={reported.includes('false_positive')}
          onReport={() => actions.reportModeration(message.id, 'false_positive')}
        />
      ) : null}
      {hidden ? (
        <button type="button" className="button small" onClick={() => setRevealed(true)}>
          Show anyway
        </button>
      ) : message.content ? (
        <Markdown text={message.content} streaming={live} />
      ) : live ? (
        <Suspense fallback={<p className="thinking muted">Thinking…</p>}>
          <ReadingPrompt replyId={message.id} since={message.createdAt} />
        </Suspense>
      ) : null}
      {message.droppedTurns ? (
        <p className="context-note muted" role="status">
          {message.droppedTurns} earlier{' '}
          {message.droppedTurns === 1 ? 'message was' : 'messages were'} left out of this request to
          fit the model&apos;s context.
        </p>
      ) : null}
      <ReplyStatus state={message.state} onRetry={retry} onOpenSettings={actions.openSettings} />
      {message.state.kind === 'error' && parentId ? (
        <Suspense fallback={null}>
          <ContextFix reply={message} onFix={(fix) => actions.regenerate(parentId, fix)} />
        </Suspense>
      ) : null}
      {live || message.state.kind === 'blocked' ? null : (
        <div className="message-actions">
          <Pager pager={pager} actions={actions} />
          {message.content ? (
            <RatingBar
              rating={rating}
              onRate={(value, reasons, comment) =>
                actions.rate(message.id, value, reasons, comment)
              }
              onClear={() => actions.clearRating(message.id)}
            />
          ) : null}
          {message.content ? <CopyButton text={message.content} /> : null}
          <button type="button" className="button ghost small" disabled={busy} onClick={retry}>
            Regenerate
          </button>
          {moderation && !moderation.checked && !moderation.flagged ? <NotCheckedMark /> : null}
          <button
            type="button"
            className="button ghost small"
            disabled={busy}
            aria-expanded={comparing}
            onClick={() => setComparing(!comparing)}
          >
            Compare
          </button>
          {moderation?.flagged ? null : (
            <button
              type="button"
              className="button ghost small report"
              disabled={reported.includes('false_negative')}
              onClick={() => actions.reportModeration(message.id, 'false_negative')}
            >
              {reported.includes('false_negative')
                ? 'Reported'
                : 'Report: should have been flagged'}
            </button>
          )}
        </div>
      )}
      {comparing && parentId ? (
        <div className="row compare-start">
          <label>
            Alternatives{' '}
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
            Generate alternatives
          </button>
        </div>
      ) : null}
      {askCompare && !live ? (
        <ComparePrompt
          onAnswer={actions.answerComparePrompt}
          onDismiss={actions.dismissComparePrompt}
        />
      ) : null}
    </article>
  );
}
