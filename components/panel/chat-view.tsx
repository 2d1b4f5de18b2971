/**
 * The chat: banners, the messages (or the empty chat's suggestions), Compare, and the composer
 * area. Only the message list (and Compare, while it is open) subscribes to the messages: a
 * streaming reply changes them every frame, and the banners and composer do not depend on them.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { Composer } from '@/components/chat/composer';
import { t } from '@/components/common/i18n';
import { MessageList } from '@/components/chat/message-list';
import type { MessageActions } from '@/components/chat/message-item';
import { isBusy, liveReplyId } from '@/lib/panel/status';
import { useChat, useChatActions } from './store-context';
import { Attachments } from './attachments';
import { AttachMenu } from './attach-menu';
import { EmptyChat } from './suggestions';
import { localizeNotice } from '@/components/notices/localize';

// The meter shows nothing until its first count (after a pause, with the tokenizer loaded on
// demand): it loads after first paint, not with the panel.
const ContextMeter = lazy(() =>
  import('./context-meter').then((m) => ({ default: m.ContextMeter })),
);

// Compare is opened by a click: it loads then, not with the panel.
const CompareView = lazy(() =>
  import('@/components/chat/compare-view').then((m) => ({ default: m.CompareView })),
);

/** The message list, subscribed to the messages (the one part of the chat that must be). */
function ChatMessages({ actions, busy }: { actions: MessageActions; busy: boolean }) {
  const messages = useChat((s) => s.chat.messages);
  const leafId = useChat((s) => s.chat.leafId);
  const conversationId = useChat((s) => s.chat.conversation?.id);
  const ratings = useChat((s) => s.ratings);
  const reports = useChat((s) => s.reports);
  const comparePrompt = useChat((s) => s.comparePrompt);
  return (
    <MessageList
      key={conversationId ?? 'new'}
      messages={messages}
      leafId={leafId}
      ratings={ratings}
      reports={reports}
      comparePromptFor={comparePrompt?.newId ?? null}
      busy={busy}
      actions={actions}
    />
  );
}

/** Compare, open: it shows the alternatives' text, so it subscribes to the messages. */
function CompareSection() {
  const messages = useChat((s) => s.chat.messages);
  const compareSession = useChat((s) => s.compareSession);
  const store = useChatActions();
  if (!compareSession) return null;
  return (
    <Suspense fallback={<p className="muted">{t('panel.compare.loading')}</p>}>
      <CompareView
        alternatives={compareSession.order.map((id) => messages[id]).filter((m) => m !== undefined)}
        generatedIds={compareSession.generated}
        waiting={compareSession.waiting.length}
        onMove={(id, direction) => store.moveInCompare(id, direction)}
        onFinish={(bestFirst) => store.finishCompare(bestFirst)}
        onCancel={() => store.cancelCompare()}
      />
    </Suspense>
  );
}

export function ChatView() {
  const leafId = useChat((s) => s.chat.leafId);
  const notice = useChat((s) => s.chat.notice);
  const storage = useChat((s) => s.storage);
  const comparing = useChat((s) => s.compareSession !== null && s.compareSession !== undefined);
  const feedbackError = useChat((s) => s.feedbackError);
  const status = useChat((s) => s.status);
  const draft = useChat((s) => s.draft);
  const hasAttachments = useChat((s) => s.attachments.length > 0);
  const editing = useChat((s) => s.editingId !== null);
  const store = useChatActions();
  const composer = useRef<HTMLTextAreaElement>(null);
  const actions = useMemo<MessageActions>(
    () => ({
      regenerate: (id, fix) => store.regenerateWithPrompt(id, fix),
      selectVariant: (id) => store.selectVariant(id),
      openSettings: () => store.setView('settings'),
      rate: (...args) => store.rate(...args),
      clearRating: (id) => store.clearRating(id),
      answerComparePrompt: (answer) => store.answerComparePrompt(answer),
      dismissComparePrompt: () => store.dismissComparePrompt(),
      startCompare: (id, count) => store.startCompare(id, count),
      editAndResend: (id, text) => store.editAndResend(id, text),
      reportModeration: (id, kind) => store.reportModeration(id, kind),
    }),
    [store],
  );
  const busy = isBusy(status);
  const liveId = liveReplyId(status);

  // Esc stops the reply being written, wherever the focus is.
  useEffect(() => {
    if (!liveId) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) store.stop(liveId);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [liveId, store]);
  const empty = !leafId;
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);

  return (
    <>
      {online ? null : (
        <p className="banner warn" role="status">
          {t('panel.banner.offline')}
        </p>
      )}
      {storage === 'unavailable' ? (
        <p className="banner warn" role="status">
          {t('panel.banner.storage')}
        </p>
      ) : null}
      {notice || feedbackError ? (
        <div className="banner warn" role="alert">
          <span>{notice ? localizeNotice(notice) : feedbackError}</span>
          <button
            type="button"
            className="button ghost small"
            onClick={() => store.dismissNotice()}
          >
            {t('panel.banner.dismiss')}
          </button>
        </div>
      ) : null}
      {empty ? (
        <EmptyChat
          onPick={(prompt) => {
            // A starter fills the box and waits: the user may edit it before sending.
            store.setDraft(prompt);
            composer.current?.focus();
          }}
        />
      ) : (
        <ChatMessages actions={actions} busy={busy} />
      )}
      {comparing ? <CompareSection /> : null}
      <div className="composer-area">
        <Suspense fallback={null}>
          <ContextMeter />
        </Suspense>
        <Attachments />
        <Composer
          text={draft}
          onTextChange={(text) => store.setDraft(text)}
          hasAttachments={hasAttachments}
          busy={busy}
          canSend
          onSend={(text) => store.send(text)}
          onStop={() => liveId && store.stop(liveId)}
          editing={editing}
          onEditLast={() => store.editLastMessage()}
          onCancelEdit={() => store.cancelEditing()}
          canEditLast={!empty}
          tools={<AttachMenu />}
          inputRef={composer}
        />
      </div>
    </>
  );
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}
