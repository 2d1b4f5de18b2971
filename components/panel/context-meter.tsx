/**
 * How much of the model's context the conversation, attachments and draft would take. While a
 * reply streams the meter holds still: it keeps the messages as they were when the reply began
 * (so it neither rebuilds its list every frame nor restarts its count timer) and counts again once
 * the reply has ended, which also keeps the tokenizer's first load (a ~60 ms task) off the stream.
 */
import { useEffect, useMemo, useState } from 'react';
import { TokenMeter } from '@/components/chat/token-meter';
import type { ChatMessage } from '@/lib/model/types';
import { pathToLeaf } from '@/lib/model/tree';
import { liveReplyId } from '@/lib/panel/status';
import { useChat, type PanelStore } from './store-context';

/**
 * The window the server said it has for this model, once the worker has asked (issue 14). The
 * storage adapter loads after the first render: the panel's first load stays within its budget.
 */
function useServerWindow(baseUrl: string, model: string): number | undefined {
  const [found, setFound] = useState<{
    key: (b: string, m: string) => string;
    all: Record<string, number>;
  }>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('@/lib/context-size-store').then(
      ({ contextWindowKey: key, contextWindowsItem: item }) => {
        if (cancelled) return;
        void item.getValue().then(
          (all) => setFound({ key, all }),
          () => undefined,
        );
        stop = item.watch((all) => setFound({ key, all: all ?? {} }));
      },
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
  return found && baseUrl && model ? found.all[found.key(baseUrl, model)] : undefined;
}

type Messages = Record<string, ChatMessage>;

/** A selector that returns the messages as they were before the live reply began, while it runs. */
function settledMessages(): (s: PanelStore) => Messages {
  let settled: Messages | null = null;
  return (s) => {
    if (!liveReplyId(s.status) || !settled) settled = s.chat.messages;
    return settled;
  };
}

export function ContextMeter() {
  const [select] = useState(settledMessages);
  const messages = useChat(select);
  const live = useChat((s) => liveReplyId(s.status) !== undefined);
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
  const model = conversation?.model || settings?.model || '';
  const serverWindow = useServerWindow(settings?.baseUrl ?? '', model);
  return <TokenMeter texts={texts} model={model} paused={live} serverWindow={serverWindow} />;
}
