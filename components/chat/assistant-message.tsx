/**
 * A reply: a moderation flag where there is one, the text (safe Markdown only), what happened if
 * it did not complete, and its actions. An empty reply says so and offers Retry.
 */
import { lazy, Suspense, useState } from 'react';
import { LazyMarkdown } from '@/components/markdown/lazy-markdown';
import { benchProbe, useCommitProbe as useBenchCommitProbe } from '@/bench/panel/bench-probe';
import { isTerminal } from '@/lib/model/types';
import { isEmptyReply } from '@/lib/panel/reply-view';
import { t } from '@/components/common/i18n';
import { ComparePrompt } from './compare-prompt';
import type { MessageItemProps } from './message-item';
import { ModerationNotice, NotCheckedLine } from './moderation-notice';
import { ReplyActions } from './reply-actions';
import { ReplyStatus } from './reply-status';
import { MessagePager } from './variant-pager';

// Loads with the first reply that waits: the panel's first load stays within its budget.
const ReadingPrompt = lazy(() => import('./reading-prompt'));
const ContextFix = lazy(() => import('./context-fix'));

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

export function AssistantMessage(props: MessageItemProps) {
  const { message, askCompare, actions, reported, notChecked } = props;
  const [revealed, setRevealed] = useState(false);
  const moderation = message.moderation;
  const hidden = moderation?.flagged && moderation.action === 'block' && !revealed;
  const live = !isTerminal(message.state);
  useCommitProbe(message.content.length);
  const parentId = message.parentId;
  const retry = () => parentId && actions.regenerate(parentId);
  const empty = isEmptyReply(message);
  return (
    <article
      className="message assistant"
      data-message-role="assistant"
      data-state={message.state.kind}
      aria-label={t('chat.parleySaid')}
      aria-busy={live}
    >
      {moderation?.flagged ? (
        <ModerationNotice
          record={moderation}
          lead={
            moderation.action === 'block'
              ? t('chat.moderation.flaggedBlock')
              : t('chat.moderation.flaggedReply')
          }
          reported={reported.includes('false_positive')}
          onReport={() => actions.reportModeration(message.id, 'false_positive')}
        />
      ) : null}
      {hidden ? (
        <button type="button" className="button small" onClick={() => setRevealed(true)}>
          {t('chat.showAnyway')}
        </button>
      ) : message.content ? (
        <Markdown text={message.content} streaming={live} />
      ) : live ? (
        <Suspense fallback={<p className="thinking muted">{t('chat.thinking')}</p>}>
          <ReadingPrompt replyId={message.id} since={message.createdAt} />
        </Suspense>
      ) : null}
      {message.droppedTurns ? (
        <p className="context-note muted" role="status">
          {t('chat.droppedTurns', message.droppedTurns)}
        </p>
      ) : null}
      {empty ? (
        <div className="reply-status empty" role="status">
          <p>{t('chat.emptyReply')}</p>
          <button type="button" className="button" onClick={retry}>
            {t('chat.retry')}
          </button>
        </div>
      ) : null}
      <ReplyStatus
        state={message.state}
        onRetry={retry}
        onOpenSettings={actions.openSettings}
        fix={
          message.state.kind === 'error' && parentId ? (
            <Suspense fallback={null}>
              <ContextFix reply={message} onFix={(fix) => actions.regenerate(parentId, fix)} />
            </Suspense>
          ) : null
        }
      />
      {askCompare && !live ? (
        <ComparePrompt
          onAnswer={actions.answerComparePrompt}
          onDismiss={actions.dismissComparePrompt}
        />
      ) : null}
      {empty && props.pager.total > 1 ? (
        <div className="message-actions actions-pinned">
          <MessagePager pager={props.pager} actions={actions} />
        </div>
      ) : null}
      {live || message.state.kind === 'blocked' || empty ? null : (
        <ReplyActions {...props} onRetry={retry} bare={message.state.kind === 'error'} />
      )}
      {notChecked ? <NotCheckedLine onOpenSettings={actions.openSettings} /> : null}
    </article>
  );
}
