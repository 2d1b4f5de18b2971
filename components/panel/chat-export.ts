/**
 * One conversation as a file: Markdown (what is on screen) or JSON (the whole tree, importable).
 * Made from the panel's memory, so a reply that storage refused is still exported.
 */
import { downloadText } from '@/components/common/download';
import type { PanelChat } from '@/lib/panel/panel-state';
import type { PanelStoreData } from './store-context';

/** Downloads `chat` as `<title>.md` or `<title>.json`; nothing without a conversation. */
export async function exportConversation(
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
