/** Above the conversation: Chat settings, Export Markdown / JSON, Delete chat. */
import { lazy, Suspense, useContext, useState } from 'react';
import { downloadText } from '@/components/common/download';
import type { PanelChat } from '@/lib/panel/panel-state';
import {
  StoreContext,
  useChat,
  useChatActions,
  usePanelData,
  type PanelStoreData,
} from './store-context';

// A chat's own settings are opened by a click: they load then, not with the panel.
const ChatSettings = lazy(() =>
  import('@/components/chat/chat-settings').then((m) => ({ default: m.ChatSettings })),
);

/**
 * One conversation as a file: Markdown (what is on screen) or JSON (the whole tree, importable).
 * Made from the panel's memory, so a reply that storage refused is still exported.
 */
async function exportConversation(
  data: PanelStoreData,
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

export function ConversationBar() {
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
