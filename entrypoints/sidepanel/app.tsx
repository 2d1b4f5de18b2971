/**
 * The side panel: header, the conversation, the composer; first-run setup when nothing is
 * configured, and the settings view.
 */
import { useEffect } from 'react';
import { AttachmentChip } from '@/components/chat/attachment-chip';
import { Composer } from '@/components/chat/composer';
import { MessageList } from '@/components/chat/message-list';
import { SettingsForm } from '@/components/settings/settings-form';
import { isTerminal } from '@/lib/chat/types';
import { requiresKey } from '@/lib/settings';
import { callBackground } from './rpc';
import { useChat } from './store-context';

export function App() {
  const settings = useChat((s) => s.settings);
  const setSettings = useChat((s) => s.setSettings);
  const view = useChat((s) => s.view);
  const setView = useChat((s) => s.setView);

  useEffect(() => {
    void callBackground({ type: 'get_settings' }).then((response) => {
      if (response.type === 'settings') setSettings(response.settings);
    });
  }, [setSettings]);

  if (!settings) return <main className="panel loading" aria-busy="true" />;
  const needsSetup = !settings.hasApiKey && requiresKey(settings.baseUrl);

  return (
    <main className="panel">
      <Header />
      {view === 'settings' || needsSetup ? (
        <section className="settings-view" aria-label="Settings">
          {needsSetup ? (
            <div className="setup-intro">
              <h1>Welcome to Parley</h1>
              <p>
                Connect a model to start: paste an OpenAI API key, or choose a local
                OpenAI-compatible server such as Ollama or LM Studio.
              </p>
            </div>
          ) : (
            <h1>Settings</h1>
          )}
          <SettingsForm
            initial={settings}
            call={callBackground}
            compact={needsSetup}
            onSaved={(saved) => {
              setSettings(saved);
              if (!needsSetup || saved.hasApiKey || !requiresKey(saved.baseUrl)) setView('chat');
            }}
          />
        </section>
      ) : (
        <Chat />
      )}
    </main>
  );
}

function Header() {
  const view = useChat((s) => s.view);
  const setView = useChat((s) => s.setView);
  const newChat = useChat((s) => s.newChat);
  const title = useChat((s) => s.chat.conversation?.title);
  return (
    <header className="panel-header">
      <span className="title" title={title}>
        {title ?? 'Parley'}
      </span>
      <button
        type="button"
        className="button ghost"
        onClick={() => {
          newChat();
          setView('chat');
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
  const notice = useChat((s) => s.chat.notice);
  const history = useChat((s) => s.history);
  const send = useChat((s) => s.send);
  const stop = useChat((s) => s.stop);
  const regenerate = useChat((s) => s.regenerate);
  const selectLeaf = useChat((s) => s.selectLeaf);
  const setView = useChat((s) => s.setView);
  const dismissNotice = useChat((s) => s.dismissNotice);
  const pendingRequests = useChat((s) => s.chat.ownRequests.length);
  const draft = useChat((s) => s.draft);
  const setDraft = useChat((s) => s.setDraft);
  const hasAttachments = useChat((s) => s.attachments.length > 0);
  const leaf = leafId ? messages[leafId] : undefined;
  const live = leaf && leaf.role === 'assistant' && !isTerminal(leaf.state) ? leaf : undefined;
  const empty = !leafId;

  return (
    <>
      {history === 'unavailable' ? (
        <p className="banner warn" role="status">
          History is unavailable (browser storage could not be opened). You can still chat; replies
          stay on screen.
        </p>
      ) : null}
      {notice ? (
        <div className="banner warn" role="alert">
          <span>{notice}</span>
          <button type="button" className="button ghost small" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
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
          messages={messages}
          leafId={leafId}
          onRegenerate={regenerate}
          onSelectLeaf={selectLeaf}
          onOpenSettings={() => setView('settings')}
        />
      )}
      <div className="composer-area">
        <Attachments />
        <Composer
          text={draft}
          onTextChange={setDraft}
          hasAttachments={hasAttachments}
          busy={Boolean(live) || pendingRequests > 0}
          canSend
          onSend={send}
          onStop={() => live && stop(live.id)}
        />
      </div>
    </>
  );
}

function Attachments() {
  const attachments = useChat((s) => s.attachments);
  const remove = useChat((s) => s.removeAttachment);
  const setLanguage = useChat((s) => s.setAttachmentLanguage);
  const capture = useChat((s) => s.captureSelection);
  return (
    <>
      {attachments.length ? (
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
      ) : null}
      <div className="composer-tools">
        <button type="button" className="button ghost small" onClick={capture}>
          Add page selection
        </button>
      </div>
    </>
  );
}
