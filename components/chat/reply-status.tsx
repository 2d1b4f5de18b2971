/**
 * What happened to a reply that did not complete, in one helpful sentence, with the way forward.
 */
import type { MessageState } from '@/lib/model/types';
import { categoriesText } from './moderation-notice';
import { ERROR_MESSAGES, INTERRUPT_MESSAGES, SETTINGS_ERRORS } from '@/lib/llm/errors';
import { safeMessageState } from '@/lib/export/record-guard';
import { lazy, Suspense } from 'react';

// Only a reply refused by a local server's Origin check needs it (the initial JS is at budget).
const OriginFix = lazy(() => import('./origin-fix'));

export interface ReplyStatusProps {
  state: MessageState;
  onRetry: () => void;
  onOpenSettings: () => void;
}

export function ReplyStatus({ state: stored, onRetry, onOpenSettings }: ReplyStatusProps) {
  // A stored state may be malformed (an unknown code would index the sentence table's prototype).
  const state = safeMessageState(stored);
  if (state.kind === 'stopped') return <p className="reply-status muted">Stopped.</p>;
  if (state.kind === 'blocked') {
    return (
      <p className="reply-status blocked" role="alert">
        Not answered: your message was flagged by the content policy (
        {categoriesText(state.categories)}). Edit it to try again.
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
      <p>
        {sentence}
        {detail ? <span className="detail"> Server said: {detail}</span> : null}
      </p>
      {state.kind === 'error' && state.code === 'local_origin' ? (
        // No fallback: nothing shows until the fix has loaded (React 18+ treats it as null).
        <Suspense>
          <OriginFix />
        </Suspense>
      ) : null}
      <div className="row">
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
        {needsSettings ? (
          <button type="button" className="button link" onClick={onOpenSettings}>
            Open settings
          </button>
        ) : null}
      </div>
    </div>
  );
}
