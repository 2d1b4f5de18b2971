/**
 * The side panel: header, the conversation, the composer; first-run setup when nothing is
 * configured, and the settings view.
 */
import {
  lazy,
  Suspense,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { Composer } from '@/components/chat/composer';
import { MessageList } from '@/components/chat/message-list';
import { TokenMeter } from '@/components/chat/token-meter';
import { pathToLeaf } from '@/lib/model/tree';
import { downloadText } from '@/components/common/download';
import type { MessageActions } from '@/components/chat/message-item';
import { isTerminal } from '@/lib/model/types';
import { requiresKey } from '@/lib/settings';
import { callBackground } from './rpc';
import { StoreContext, useChat, useChatActions, usePanelData } from './store-context';
import { drawerData, type PanelData } from './panel-data';
import { SurfaceBoundary } from './surface-boundary';
import type { PanelChat } from '@/lib/panel/panel-state';

const SettingsView = lazy(() => import('./settings-view'));
// Attachment chips (and the language list they offer) load with the first attachment.
const AttachmentChip = lazy(() =>
  import('@/components/chat/attachment-chip').then((m) => ({ default: m.AttachmentChip })),
);
// Compare and a chat's own settings are opened by a click: they load then, not with the panel.
const CompareView = lazy(() =>
  import('@/components/chat/compare-view').then((m) => ({ default: m.CompareView })),
);
const DeleteBar = lazy(() =>
  import('@/components/chat/delete-bar').then((m) => ({ default: m.DeleteBar })),
);
const ChatSettings = lazy(() =>
  import('@/components/chat/chat-settings').then((m) => ({ default: m.ChatSettings })),
);
// The drawer (with import/export) loads when it is first opened.
const ConversationDrawer = lazy(() =>
  import('@/components/history/conversation-drawer').then((m) => ({
    default: m.ConversationDrawer,
  })),
);

export function App() {
  const settings = useChat((s) => s.settings);
  const setSettings = useChat((s) => s.setSettings);
  const view = useChat((s) => s.view);
  const setView = useChat((s) => s.setView);

  // Read again whenever settings open: the background learns things (e.g. no moderation there).
  useEffect(() => {
    void callBackground({ type: 'get_settings' }).then((response) => {
      if (response.type === 'settings') setSettings(response.settings);
    });
  }, [setSettings, view]);

  if (!settings) return <main className="panel loading" aria-busy="true" />;
  const needsSetup = !settings.hasApiKey && requiresKey(settings.baseUrl);

  return (
    <main className="panel">
      <Header />
      <DeleteConfirm />
      <UndoBanner />
      <SurfaceBoundary surface="conversation list">
        <Drawer />
      </SurfaceBoundary>
      {view === 'settings' || needsSetup ? (
        <SurfaceBoundary surface="settings">
          <Suspense fallback={<p className="muted">Loading settings…</p>}>
            <SettingsView
              settings={settings}
              needsSetup={needsSetup}
              onSaved={(saved, leave) => {
                setSettings(saved);
                if (leave) setView('chat');
              }}
            />
          </Suspense>
        </SurfaceBoundary>
      ) : (
        <SurfaceBoundary surface="chat view">
          <Chat />
        </SurfaceBoundary>
      )}
    </main>
  );
}

function Drawer() {
  const open = useChat((s) => s.drawerOpen);
  const version = useChat((s) => s.historyVersion);
  const currentId = useChat((s) => s.chat.conversation?.id ?? null);
  const pending = useChat((s) => s.pendingDeletes);
  const store = useChatActions();
  const panelData = usePanelData();
  const data = useMemo(() => drawerData(panelData), [panelData]);
  const pendingIds = useMemo(() => pending.map((p) => p.conversationId), [pending]);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="muted drawer">Loading conversations…</p>}>
      <ConversationDrawer
        data={data}
        files={panelData}
        currentId={currentId}
        version={version}
        pendingDeletes={pendingIds}
        onOpen={(id) => void store.openConversation(id)}
        onDelete={(c) => void store.askDelete(c.id)}
        onImported={() => store.bumpHistory()}
      />
    </Suspense>
  );
}

/**
 * One conversation as a file: Markdown (what is on screen) or JSON (the whole tree, importable).
 * Made from the panel's memory, so a reply that storage refused is still exported.
 */
async function exportConversation(
  data: PanelData,
  chat: PanelChat,
  format: 'md' | 'json',
): Promise<void> {
  const { conversation } = chat;
  if (!conversation) return;
  // The export code (and its schema library) loads only when someone exports.
  const [{ bundleFromMemory, toJsonExport, toMarkdown }, stored] = await Promise.all([
    import('@/lib/export/conversation'),
    data.loadBundles([conversation.id]).then(
      ([b]) => b,
      () => undefined,
    ),
  ]);
  const bundle = bundleFromMemory(
    { conversation, messages: Object.values(chat.messages), leafId: chat.leafId },
    stored,
  );
  const name =
    bundle.conversation.title
      .replace(/[^\w\- ]+/g, '')
      .trim()
      .slice(0, 60) || 'conversation';
  if (format === 'md') downloadText(`${name}.md`, toMarkdown(bundle), 'text/markdown');
  else downloadText(`${name}.json`, toJsonExport([bundle]), 'application/json');
}

function ConversationSettings() {
  const conversation = useChat((s) => s.chat.conversation);
  const [open, setOpen] = useState(false);
  const store = useChatActions();
  // Read at the click, not per render: this bar need not re-render while a reply streams.
  const useStore = useContext(StoreContext);
  const data = usePanelData();
  const exportAs = (format: 'md' | 'json') => {
    const chat = useStore?.getState().chat;
    if (chat) void exportConversation(data, chat, format);
  };
  if (!conversation) return null;
  return (
    <div className="conversation-bar">
      <button
        type="button"
        className="button ghost small"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Chat settings
      </button>
      <span className="row">
        <button type="button" className="button ghost small" onClick={() => exportAs('md')}>
          Export Markdown
        </button>
        <button type="button" className="button ghost small" onClick={() => exportAs('json')}>
          Export JSON
        </button>
        <button type="button" className="button ghost small" onClick={() => void store.askDelete()}>
          Delete chat
        </button>
      </span>
      {open ? (
        <Suspense fallback={null}>
          <ChatSettings
            key={conversation.id}
            conversation={conversation}
            onSave={(patch) => {
              store.updateConversation(patch);
              setOpen(false);
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

function ContextMeter() {
  const messages = useChat((s) => s.chat.messages);
  const leafId = useChat((s) => s.chat.leafId);
  const conversation = useChat((s) => s.chat.conversation);
  const settings = useChat((s) => s.settings);
  const attachments = useChat((s) => s.attachments);
  const draft = useChat((s) => s.draft);
  const texts = useMemo(() => {
    const path = leafId ? pathToLeaf(Object.values(messages), leafId) : [];
    return [
      conversation?.systemPrompt ?? settings?.systemPrompt ?? '',
      ...path.flatMap((m) => [m.content, ...m.attachments.map((a) => a.text)]),
      ...attachments.map((a) => a.text),
      draft,
    ];
  }, [messages, leafId, conversation, settings, attachments, draft]);
  return <TokenMeter texts={texts} model={conversation?.model || settings?.model || ''} />;
}

function UndoBanner() {
  const pending = useChat((s) => s.pendingDeletes);
  const store = useChatActions();
  const last = pending[pending.length - 1];
  if (!last) return null;
  return (
    <div className="banner" role="status">
      <span>Conversation deleted.</span>
      <button
        type="button"
        className="button small"
        onClick={() => store.undoDelete(last.conversationId)}
      >
        Undo
      </button>
    </div>
  );
}

function DeleteConfirm() {
  const deleting = useChat((s) => s.deleting);
  const store = useChatActions();
  if (!deleting) return null;
  return (
    <Suspense fallback={null}>
      <DeleteBar
        feedbackCount={deleting.feedbackCount}
        onDelete={(keep) => void store.confirmDelete(keep)}
        onCancel={() => store.cancelDelete()}
      />
    </Suspense>
  );
}

function Header() {
  const view = useChat((s) => s.view);
  const setView = useChat((s) => s.setView);
  const newChat = useChat((s) => s.newChat);
  const title = useChat((s) => s.chat.conversation?.title);
  const drawerOpen = useChat((s) => s.drawerOpen);
  const toggleDrawer = useChat((s) => s.toggleDrawer);
  return (
    <header className="panel-header">
      <button
        type="button"
        className="button ghost"
        aria-expanded={drawerOpen}
        onClick={() => toggleDrawer()}
      >
        Conversations
      </button>
      <h1 className="title" title={title}>
        {title ?? 'Parley'}
      </h1>
      <button
        type="button"
        className="button ghost"
        onClick={() => {
          newChat();
          setView('chat');
          toggleDrawer(false);
        }}
      >
        New chat
      </button>
      <button
        type="button"
        className="button ghost"
        aria-pressed={view === 'settings'}
        onClick={() => setView(view === 'settings' ? 'chat' : 'settings')}
      >
        Settings
      </button>
    </header>
  );
}

function Chat() {
  const messages = useChat((s) => s.chat.messages);
  const leafId = useChat((s) => s.chat.leafId);
  const conversationId = useChat((s) => s.chat.conversation?.id);
  const notice = useChat((s) => s.chat.notice);
  const history = useChat((s) => s.history);
  const ratings = useChat((s) => s.ratings);
  const reports = useChat((s) => s.reports);
  const comparePrompt = useChat((s) => s.comparePrompt);
  const compareSession = useChat((s) => s.compareSession);
  const feedbackError = useChat((s) => s.feedbackError);
  const pendingRequests = useChat((s) => s.chat.ownRequests.length);
  const draft = useChat((s) => s.draft);
  const hasAttachments = useChat((s) => s.attachments.length > 0);
  const editing = useChat((s) => s.editingId !== null);
  const store = useChatActions();
  const actions = useMemo<MessageActions>(
    () => ({
      regenerate: (id) => store.regenerateWithPrompt(id),
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
  const live = Object.values(messages).find((m) => m.role === 'assistant' && !isTerminal(m.state));
  const busy = Boolean(live) || pendingRequests > 0;
  const liveId = live?.id;

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
          You&apos;re offline: Parley can&apos;t reach the server until the connection is back.
        </p>
      )}
      {history === 'unavailable' ? (
        <p className="banner warn" role="status">
          History is unavailable (browser storage could not be opened). You can still chat; replies
          stay on screen.
        </p>
      ) : null}
      {notice || feedbackError ? (
        <div className="banner warn" role="alert">
          <span>{notice ?? feedbackError}</span>
          <button
            type="button"
            className="button ghost small"
            onClick={() => store.dismissNotice()}
          >
            Dismiss
          </button>
        </div>
      ) : null}
      <ConversationSettings />
      {empty ? (
        <div className="empty">
          <h1>Ask Parley</h1>
          <p>
            Ask a question, or select code on a page and send it here. Parley asks when something is
            unclear and tells you when a premise looks wrong.
          </p>
        </div>
      ) : (
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
      )}
      {compareSession ? (
        <Suspense fallback={<p className="muted">Loading the comparison…</p>}>
          <CompareView
            alternatives={compareSession.order
              .map((id) => messages[id])
              .filter((m) => m !== undefined)}
            generatedIds={compareSession.generated}
            waiting={compareSession.waiting.length}
            onMove={(id, direction) => store.moveInCompare(id, direction)}
            onFinish={(bestFirst) => store.finishCompare(bestFirst)}
            onCancel={() => store.cancelCompare()}
          />
        </Suspense>
      ) : null}
      <div className="composer-area">
        <ContextMeter />
        <Attachments />
        <Composer
          text={draft}
          onTextChange={(text) => store.setDraft(text)}
          hasAttachments={hasAttachments}
          busy={busy}
          canSend
          onSend={(text) => store.send(text)}
          onStop={() => live && store.stop(live.id)}
          editing={editing}
          onEditLast={() => store.editLastMessage()}
          onCancelEdit={() => store.cancelEditing()}
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

function Attachments() {
  const attachments = useChat((s) => s.attachments);
  const remove = useChat((s) => s.removeAttachment);
  const setLanguage = useChat((s) => s.setAttachmentLanguage);
  const capture = useChat((s) => s.captureSelection);
  return (
    <>
      {attachments.length ? (
        <Suspense fallback={<div className="attachments muted">Attaching…</div>}>
          <div className="attachments">
            {attachments.map((a) => (
              <AttachmentChip
                key={a.id}
                attachment={a}
                onRemove={() => remove(a.id)}
                onLanguageChange={(language) => setLanguage(a.id, language)}
              />
            ))}
          </div>
        </Suspense>
      ) : null}
      <div className="composer-tools">
        <button type="button" className="button ghost small" onClick={capture}>
          Add page selection
        </button>
      </div>
    </>
  );
}
