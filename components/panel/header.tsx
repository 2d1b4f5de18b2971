/** The panel's header: Conversations, the chat's title and model, New chat, Settings. */
import { useChat } from './store-context';
import './panel.css';

export function Header() {
  const view = useChat((s) => s.view);
  const setView = useChat((s) => s.setView);
  const newChat = useChat((s) => s.newChat);
  const title = useChat((s) => s.chat.conversation?.title);
  // The model that answers next: what Settings chose (issue 14, item 7; the built-in one, 15).
  const model = useChat((s) =>
    s.settings?.provider === 'builtin' ? 'Built-in model' : s.settings?.model,
  );
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
      <div className="title">
        <h1 className="title" title={title}>
          {title ?? 'Parley'}
        </h1>
        <p className="model-name" title={model}>
          {model}
        </p>
      </div>
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
