/**
 * The panel's header, one row at 320–600 px: Conversations, the icon, the chat's title and the
 * model that answers next, New chat, More actions (the chat's rare actions, DESIGN §6), Settings.
 * Chat settings open from More actions as a popover over the chat, never pushing it down.
 */
import { lazy, Suspense, useCallback, useContext, useRef, useState } from 'react';
import { t } from '@/components/common/i18n';
import { IconButton } from '@/components/common/icon-button';
import { MenuButton } from '@/components/common/menu';
import { useEscape } from '@/components/common/use-escape';
import { exportConversation } from './chat-export';
import { modelLabel } from './model-label';
import { MoreIcon, TrashIcon } from '@/components/common/icons';
import { DownloadIcon, HistoryIcon, NewChatIcon, SettingsIcon, TuneIcon } from './panel-icons';
import { StoreContext, useChat, useChatActions, usePanelData } from './store-context';
import './panel.css';

// A chat's own settings are opened by a click: they load then, not with the panel.
const ChatSettings = lazy(() =>
  import('@/components/chat/chat-settings').then((m) => ({ default: m.ChatSettings })),
);

/** The model line: a middle ellipsis keeps the end of a long name (its size, its quantisation). */
function ModelName() {
  const settings = useChat((s) => s.settings);
  const conversationModel = useChat((s) => s.chat.conversation?.model);
  const label = modelLabel(settings, conversationModel, t('panel.header.builtinModel'));
  if (!label) return null;
  return (
    <p className="model-name" title={label.full} dir="auto">
      <span className="model-head">{label.head}</span>
      {label.tail ? <span className="model-tail">{label.tail}</span> : null}
    </p>
  );
}

function ChatSettingsPopover({ onClose }: { onClose: () => void }) {
  const conversation = useChat((s) => s.chat.conversation);
  const store = useChatActions();
  useEscape(onClose);
  if (!conversation) return null;
  return (
    <div className="popover chat-settings-popover">
      <Suspense fallback={null}>
        <ChatSettings
          key={conversation.id}
          conversation={conversation}
          onSave={(patch) => {
            store.updateConversation(patch);
            onClose();
          }}
          onClose={onClose}
        />
      </Suspense>
    </div>
  );
}

export function Header() {
  const view = useChat((s) => s.view);
  const setView = useChat((s) => s.setView);
  const newChat = useChat((s) => s.newChat);
  const title = useChat((s) => s.chat.conversation?.title);
  const conversationId = useChat((s) => s.chat.conversation?.id);
  const drawerOpen = useChat((s) => s.drawerOpen);
  const toggleDrawer = useChat((s) => s.toggleDrawer);
  const store = useChatActions();
  // Read at the click, not per render: the header need not re-render while a reply streams.
  const useStore = useContext(StoreContext);
  const data = usePanelData();
  // Open for one chat in one view: another chat, or Settings, closes it (it belonged to that one).
  const here = `${conversationId ?? ''}|${view}`;
  const [chatSettingsFor, setChatSettingsFor] = useState<string | null>(null);
  const chatSettings = chatSettingsFor === here;
  const more = useRef<HTMLSpanElement>(null);
  const closeChatSettings = useCallback(() => {
    setChatSettingsFor(null);
    more.current?.querySelector('button')?.focus();
  }, []);

  const exportAs = (format: 'md' | 'json') => {
    const chat = useStore?.getState().chat;
    if (chat) void exportConversation(data, chat, format);
  };
  const name = title ?? t('panel.header.appName');

  return (
    <div className="panel-top">
      <header className="panel-header">
        <IconButton
          className="tip-start"
          label={t('panel.header.conversations')}
          icon={<HistoryIcon />}
          aria-expanded={drawerOpen}
          data-drawer-toggle=""
          onClick={() => toggleDrawer()}
        />
        <img className="panel-logo" src="/icon/parley-small.svg" alt="" width={20} height={20} />
        <div className="panel-title">
          <h1 className="title" title={name} dir="auto">
            {name}
          </h1>
          <ModelName />
        </div>
        <IconButton
          label={t('panel.header.newChat')}
          icon={<NewChatIcon />}
          onClick={() => {
            newChat();
            setView('chat');
            toggleDrawer(false);
          }}
        />
        <span ref={more} className="header-more">
          {conversationId ? (
            <MenuButton
              label={t('panel.header.more')}
              icon={<MoreIcon />}
              items={[
                {
                  label: t('panel.header.chatSettings'),
                  icon: <TuneIcon />,
                  onSelect: () => setChatSettingsFor(here),
                },
                {
                  label: t('panel.header.exportMarkdown'),
                  icon: <DownloadIcon />,
                  onSelect: () => exportAs('md'),
                },
                {
                  label: t('panel.header.exportJson'),
                  icon: <DownloadIcon />,
                  onSelect: () => exportAs('json'),
                },
                {
                  label: t('panel.header.deleteChat'),
                  icon: <TrashIcon />,
                  danger: true,
                  onSelect: () => void store.askDelete(),
                },
              ]}
            />
          ) : (
            // An empty chat has nothing to export or delete: the button keeps its place, disabled.
            <IconButton label={t('panel.header.more')} icon={<MoreIcon />} disabled />
          )}
        </span>
        <IconButton
          className="tip-end"
          label={t('panel.header.settings')}
          icon={<SettingsIcon />}
          aria-pressed={view === 'settings'}
          onClick={() => setView(view === 'settings' ? 'chat' : 'settings')}
        />
      </header>
      {chatSettings ? <ChatSettingsPopover onClose={closeChatSettings} /> : null}
    </div>
  );
}
