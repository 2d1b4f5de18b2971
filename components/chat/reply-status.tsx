/**
 * What happened to a reply that did not complete, in one helpful sentence, with the way forward.
 * Parley's sentence leads; what the server said comes after it, folded away, for whoever wants it.
 */
import type { MessageState } from '@/lib/model/types';
import { categoriesText } from './moderation-notice';
import { ERROR_MESSAGES, INTERRUPT_MESSAGES, SETTINGS_ERRORS } from '@/lib/llm/errors';
import { safeMessageState } from '@/lib/export/record-guard';
import { t } from '@/components/common/i18n';
import { localizeNotice } from '@/components/notices/localize';
import { lazy, Suspense, type ReactNode } from 'react';

// Only a reply refused by a local server's Origin check needs it (the initial JS is at budget).
const OriginFix = lazy(() => import('./origin-fix'));

export interface ReplyStatusProps {
  state: MessageState;
  onRetry: () => void;
  onOpenSettings: () => void;
  /** A specific way out shown under the sentence (the context-size fixes). */
  fix?: ReactNode;
}

export function ReplyStatus({ state: stored, onRetry, onOpenSettings, fix }: ReplyStatusProps) {
  // A stored state may be malformed (an unknown code would index the sentence table's prototype).
  const state = safeMessageState(stored);
  if (state.kind === 'stopped')
    return <p className="reply-status muted">{t('chat.status.stopped')}</p>;
  if (state.kind === 'blocked') {
    return (
      <p className="reply-status blocked" role="alert">
        {t('chat.status.blocked', [categoriesText(state.categories)])}
      </p>
    );
  }
  if (state.kind !== 'interrupted' && state.kind !== 'error') return null;
  const sentence =
    state.kind === 'interrupted' ? INTERRUPT_MESSAGES[state.reason] : ERROR_MESSAGES[state.code];
  const detail = state.kind === 'error' ? state.detail : undefined;
  const needsSettings = state.kind === 'error' && SETTINGS_ERRORS.includes(state.code);
  return (
    <div className={`reply-status ${state.kind}`} role="alert">
      <p>{localizeNotice(sentence)}</p>
      {fix}
      {state.kind === 'error' && state.code === 'local_origin' ? (
        // No fallback: nothing shows until the fix has loaded (React 18+ treats it as null).
        <Suspense>
          <OriginFix />
        </Suspense>
      ) : null}
      {detail ? (
        <details className="server-message">
          <summary>{t('chat.status.serverMessage')}</summary>
          <p className="detail" dir="auto">
            {localizeNotice(detail)}
          </p>
        </details>
      ) : null}
      <div className="row">
        <button type="button" className="button" onClick={onRetry}>
          {t('chat.retry')}
        </button>
        {needsSettings ? (
          <button type="button" className="button link" onClick={onOpenSettings}>
            {t('chat.status.openSettings')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
