/**
 * Shared test fixtures for lib/panel: messages, a conversation, chats in known states, and a
 * plain-object state host with a recording transport for the controller.
 */
import type { Attachment, ChatMessage, Conversation, MessageState } from '@/lib/model/types';
import type { PanelToBackground, StartedEvent } from '@/lib/protocol';
import type { Comparison } from '@/lib/model/feedback';
import { EMPTY_CHAT, type PanelChat } from '@/lib/panel/panel-state';
import { createChatController, type ControllerState, type StateHost } from '@/lib/panel/controller';

/** A message in conversation c1. */
export function msg(
  id: string,
  role: 'user' | 'assistant',
  content: string,
  state: MessageState = { kind: 'complete' },
  parentId: string | null = null,
): ChatMessage {
  return {
    id,
    conversationId: 'c1',
    parentId,
    role,
    content,
    attachments: [],
    state,
    createdAt: 1,
    updatedAt: 1,
  };
}

export const conversation: Conversation = {
  id: 'c1',
  title: 'First chat',
  createdAt: 1,
  updatedAt: 1,
  model: 'm',
  systemPrompt: '',
  currentLeafId: 'a1',
};

export const selection: Attachment = {
  id: 'att1',
  kind: 'selection',
  text: 'const x = 1;',
  source: { url: 'https://example.com/', title: 'Example' },
};

/** A chat from messages: conversation c1, leaf `leafId`. */
export function chatOf(messages: ChatMessage[], leafId: string | null = null): PanelChat {
  return {
    ...EMPTY_CHAT,
    conversation: { ...conversation, currentLeafId: leafId },
    messages: Object.fromEntries(messages.map((m) => [m.id, m])),
    leafId,
  };
}

/** u1 → a1, both complete, leaf a1. */
export function oneTurn(): PanelChat {
  return chatOf(
    [msg('u1', 'user', 'Hi'), msg('a1', 'assistant', 'Hello', { kind: 'complete' }, 'u1')],
    'a1',
  );
}

/** The `started` a worker sends for request `requestId`, with reply `assistantId` under `parentId`. */
export function startedEvent(
  requestId: string,
  assistantId: string,
  parentId = 'u1',
  conversationId = 'c1',
): StartedEvent {
  return {
    type: 'started',
    requestId,
    conversationId,
    messages: [
      {
        ...msg(assistantId, 'assistant', '', { kind: 'pending' }, parentId),
        conversationId,
      },
    ],
    assistantMessageId: assistantId,
  };
}

/** A controller over a plain object, a recording `post`, counted ids and a fixed clock. */
export function controllerOver(chat: PanelChat = oneTurn(), extra: Partial<ControllerState> = {}) {
  let state: ControllerState = {
    chat,
    attachments: [],
    draft: '',
    editingId: null,
    comparePrompt: null,
    compareSession: null,
    ...extra,
  };
  const host: StateHost<ControllerState> = {
    get: () => state,
    set: (patch) => void (state = { ...state, ...patch }),
  };
  const posted: PanelToBackground[] = [];
  const stopped: string[] = [];
  const leaves: string[] = [];
  const saved: Comparison[] = [];
  let ids = 0;
  const controller = createChatController({
    host,
    post: (message) => void posted.push(message),
    newId: () => `id${++ids}`,
    stopQueued: (id) => void stopped.push(id),
    selectLeaf: (leafId) => {
      leaves.push(leafId);
      host.set({ chat: { ...state.chat, leafId } });
    },
    saveComparison: (comparison) => void saved.push(comparison),
  });
  return { controller, state: () => state, host, posted, stopped, leaves, saved };
}
