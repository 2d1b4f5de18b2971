/**
 * How much of the model's context the conversation, attachments and draft would take. From Send
 * until the reply ends the meter holds its last count: it keeps the messages as they were when the
 * turn began (so it neither rebuilds its list every frame nor restarts its count timer) and counts
 * again once the reply has ended, which also keeps the tokenizer's first load (a ~60 ms task) off
 * the stream. Counting while the request was out once showed the chat without the turn in flight
 * (the draft gone, the reply not yet there): 29 tokens mid-stream, 212 after Stop (issue 16).
 * An empty chat with nothing typed or attached shows no meter.
 * With the built-in model (issue 15) the count and the window are the session's own: the worker
 * measures (measure_context) after a pause in typing, and the o200k estimate stands in until then.
 */
import { useEffect, useMemo, useState } from 'react';
import { TokenMeter, type OwnMeasure } from '@/components/chat/token-meter';
import { callBackground } from '@/components/common/background-rpc';
import { BUILTIN_BASE_URL, BUILTIN_MODEL_ID } from '@/lib/llm/builtin/prompt-api';
import type { ChatMessage } from '@/lib/model/types';
import { pathToLeaf } from '@/lib/model/tree';
import { isBusy } from '@/lib/panel/status';
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

// Measuring asks the model for a session: not on every key, only once typing pauses this long.
const MEASURE_DEBOUNCE_MS = 400;

/**
 * The built-in model's own count of `texts` and its window, asked for after a pause in typing and
 * never while a reply streams (the last answer stands meanwhile); null with another provider.
 */
function useOwnMeasure(on: boolean, texts: readonly string[], paused: boolean): OwnMeasure | null {
  const [measure, setMeasure] = useState<OwnMeasure | null>(null);
  useEffect(() => {
    if (!on || paused) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void callBackground({ type: 'measure_context', texts: [...texts] }).then((answer) => {
        if (cancelled || answer.type !== 'context_measure') return;
        setMeasure({ tokens: answer.tokens, window: answer.window });
      });
    }, MEASURE_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [on, texts, paused]);
  return on ? measure : null;
}

type Messages = Record<string, ChatMessage>;

/** A selector that returns the messages as they were before the turn was sent, while it runs. */
export function settledMessages(): (s: Pick<PanelStore, 'status' | 'chat'>) => Messages {
  let settled: Messages | null = null;
  return (s) => {
    if (!isBusy(s.status) || !settled) settled = s.chat.messages;
    return settled;
  };
}

export function ContextMeter() {
  const [select] = useState(settledMessages);
  const messages = useChat(select);
  const live = useChat((s) => isBusy(s.status));
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
  const builtin = settings?.provider === 'builtin';
  const model = builtin ? BUILTIN_MODEL_ID : conversation?.model || settings?.model || '';
  // The built-in model's window as the engine learned it (`builtin:`), until the meter measures.
  const serverWindow = useServerWindow(
    builtin ? BUILTIN_BASE_URL : (settings?.baseUrl ?? ''),
    model,
  );
  const own = useOwnMeasure(builtin, texts, live);
  if (!leafId && !draft.trim() && attachments.length === 0) return null;
  return (
    <TokenMeter
      texts={texts}
      model={model}
      paused={live}
      serverWindow={own?.window ?? serverWindow}
      own={own}
      owner={builtin ? 'builtin' : 'server'}
    />
  );
}
