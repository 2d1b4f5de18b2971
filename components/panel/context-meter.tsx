/** How much of the model's context the conversation, attachments and draft would take. */
import { useMemo } from 'react';
import { TokenMeter } from '@/components/chat/token-meter';
import { pathToLeaf } from '@/lib/model/tree';
import { useChat } from './store-context';

export function ContextMeter() {
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
