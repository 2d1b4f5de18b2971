/** The panel's header: Conversations, the chat's title, New chat, Settings. */
import { useChat } from './store-context';

export function Header() {
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
