/**
 * The panel's view of the open conversation and how background events change it. Pure: the
 * zustand store calls these once per animation frame with the events that arrived.
 */
import type { BackgroundToPanel, DeltaEvent, StateEvent } from '../protocol';
import { foldDelta, foldSnapshot, foldState, type ReplyView } from './reducer';
import { isEmptyFailure, isTerminal, type ChatMessage, type Conversation } from '../model/types';

/** The open conversation as the panel holds it: messages, the leaf shown, and what is pending. */
export interface PanelChat {
  conversation: Conversation | null;
  messages: Record<string, ChatMessage>;
  /** Last folded `seq` per live reply. */
  seqs: Record<string, number>;
  leafId: string | null;
  /** Requests this panel sent and has not seen start yet. */
  ownRequests: string[];
  notice: string | null;
  /** The latest prompt progress of a reply waiting for its first token (llama.cpp, issue 14). */
  progress?: { messageId: string; processed: number; total: number; timeMs: number };
  /**
   * Replies the user stopped that show `stopped` before the worker has said how they ended: its
   * terminal state still replaces the panel's (the reply may have completed or failed first).
   */
  stopping?: readonly string[];
}

/** No conversation open: a new chat. */
export const EMPTY_CHAT: PanelChat = {
  conversation: null,
  messages: {},
  seqs: {},
  leafId: null,
  ownRequests: [],
  notice: null,
};

function view(chat: PanelChat, message: ChatMessage): ReplyView {
  return { content: message.content, state: message.state, seq: chat.seqs[message.id] ?? 0 };
}

function withReply(chat: PanelChat, message: ChatMessage, reply: ReplyView): PanelChat {
  if (
    reply.content === message.content &&
    reply.state === message.state &&
    chat.seqs[message.id] === reply.seq
  ) {
    return chat;
  }
  return {
    ...chat,
    messages: {
      ...chat.messages,
      [message.id]: { ...message, content: reply.content, state: reply.state },
    },
    seqs: { ...chat.seqs, [message.id]: reply.seq },
  };
}

/** Folds one event; `needsSync` asks the caller to request a snapshot (a gap in the deltas). */
export function applyEvent(
  chat: PanelChat,
  event: BackgroundToPanel,
): { chat: PanelChat; needsSync: boolean } {
  switch (event.type) {
    case 'started': {
      const ours = chat.ownRequests.includes(event.requestId);
      const sameConversation = chat.conversation?.id === event.conversationId;
      if (!ours && !sameConversation) return { chat, needsSync: false };
      const messages = { ...chat.messages };
      for (const m of event.messages) messages[m.id] = m;
      const conversation =
        sameConversation && chat.conversation
          ? { ...chat.conversation, currentLeafId: event.assistantMessageId }
          : placeholderConversation(event.conversationId, event.messages, event.assistantMessageId);
      return {
        chat: {
          ...chat,
          conversation,
          messages: sameConversation || ours ? messages : chat.messages,
          leafId: event.assistantMessageId,
          ownRequests: chat.ownRequests.filter((id) => id !== event.requestId),
        },
        needsSync: false,
      };
    }
    case 'delta':
    case 'state': {
      const message = chat.messages[event.messageId];
      if (!message) return { chat, needsSync: false };
      if (chat.stopping?.includes(message.id))
        return { chat: settleStop(chat, event), needsSync: false };
      const result =
        event.type === 'delta'
          ? foldDelta(view(chat, message), event)
          : foldState(view(chat, message), event);
      return { chat: withReply(chat, message, result.reply), needsSync: result.needsSync };
    }
    case 'snapshot': {
      let next = chat;
      for (const live of event.generations) {
        const message = next.messages[live.messageId];
        if (message) next = withReply(next, message, foldSnapshot(view(next, message), live));
      }
      return { chat: next, needsSync: false };
    }
    case 'request_failed':
      return {
        chat: {
          ...chat,
          ownRequests: chat.ownRequests.filter((id) => id !== event.requestId),
          notice: event.message,
        },
        needsSync: false,
      };
    case 'storage_warning':
    case 'capture_failed':
      return { chat: { ...chat, notice: event.message }, needsSync: false };
    case 'prompt_progress': {
      const { messageId, processed, total, timeMs } = event;
      return {
        chat: { ...chat, progress: { messageId, processed, total, timeMs } },
        needsSync: false,
      };
    }
    case 'context_trimmed': {
      const message = chat.messages[event.messageId];
      if (!message) return { chat, needsSync: false };
      return {
        chat: {
          ...chat,
          messages: { ...chat.messages, [message.id]: { ...message, droppedTurns: event.dropped } },
        },
        needsSync: false,
      };
    }
    case 'title':
      return chat.conversation?.id === event.conversationId
        ? {
            chat: { ...chat, conversation: { ...chat.conversation, title: event.title } },
            needsSync: false,
          }
        : { chat, needsSync: false };
    case 'moderation': {
      const message = chat.messages[event.messageId];
      if (!message) return { chat, needsSync: false };
      return {
        chat: {
          ...chat,
          messages: {
            ...chat.messages,
            [message.id]: { ...message, moderation: event.moderation },
          },
        },
        needsSync: false,
      };
    }
    case 'attachments':
      // The composer's business, not the conversation's (the store handles it).
      return { chat, needsSync: false };
  }
}

/**
 * Shows a reply stopped at the click, within the frame, instead of a round trip to the worker
 * later (issue 17: Stop in one frame). Its text is already what was shown (./stopping drops the
 * rest), which is what the worker keeps too.
 */
export function markStopping(chat: PanelChat, messageId: string): PanelChat {
  const message = chat.messages[messageId];
  if (!message || isTerminal(message.state)) return chat;
  return {
    ...chat,
    messages: { ...chat.messages, [messageId]: { ...message, state: { kind: 'stopped' } } },
    stopping: [...(chat.stopping ?? []), messageId],
    progress: chat.progress?.messageId === messageId ? undefined : chat.progress,
  };
}

/** The worker's word on a reply shown stopped: its terminal state and text replace the guess. */
function settleStop(chat: PanelChat, event: DeltaEvent | StateEvent): PanelChat {
  const message = chat.messages[event.messageId];
  if (!message || event.type !== 'state' || !isTerminal(event.state)) return chat;
  return {
    ...chat,
    messages: {
      ...chat.messages,
      [message.id]: { ...message, content: event.content ?? message.content, state: event.state },
    },
    seqs: { ...chat.seqs, [message.id]: Math.max(chat.seqs[message.id] ?? 0, event.seq) },
    stopping: chat.stopping?.filter((id) => id !== message.id),
  };
}

function placeholderConversation(
  id: string,
  messages: ChatMessage[],
  leafId: string,
): Conversation {
  const first = messages[0];
  const now = first?.createdAt ?? 0;
  return {
    id,
    title: first?.content.split('\n')[0]?.slice(0, 60) || 'New chat',
    createdAt: now,
    updatedAt: now,
    model: messages.find((m) => m.model)?.model ?? '',
    systemPrompt: '',
    currentLeafId: leafId,
  };
}

/**
 * The port dropped: the worker may have died, and with it every live reply. Marks them at once
 * (the user sees it within a second) and returns their text, to hand back to the new worker.
 */
export function markDisconnected(chat: PanelChat): {
  chat: PanelChat;
  salvage: { messageId: string; content: string }[];
} {
  const salvage: { messageId: string; content: string }[] = [];
  const messages = { ...chat.messages };
  for (const m of Object.values(chat.messages)) {
    if (m.state.kind === 'pending' || m.state.kind === 'streaming') {
      messages[m.id] = { ...m, state: { kind: 'interrupted', reason: 'worker_restart' } };
      if (m.content) salvage.push({ messageId: m.id, content: m.content });
    } else if (chat.stopping?.includes(m.id) && m.content) {
      // Stopped here, but the worker may have died before it kept the stop: what was shown is
      // handed back like a live reply's; the reload after reconnecting shows what was stored.
      salvage.push({ messageId: m.id, content: m.content });
    }
  }
  const { stopping: _settled, ...rest } = chat;
  return {
    chat: salvage.length || Object.keys(messages).length ? { ...rest, messages } : chat,
    salvage,
  };
}

/** The chat without a failed, empty reply that a retry replaced (unchanged if it is not one). */
export function withoutFailure(chat: PanelChat, messageId: string): PanelChat {
  if (!isEmptyFailure(chat.messages[messageId])) return chat;
  const messages = { ...chat.messages };
  delete messages[messageId];
  const seqs = { ...chat.seqs };
  delete seqs[messageId];
  return { ...chat, messages, seqs };
}
