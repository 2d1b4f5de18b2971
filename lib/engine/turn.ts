/** The records of a new turn: the conversation (when the first message starts it) and the question. */
import type { SendRequest } from '../protocol';
import type { ChatMessage, Conversation } from '../model/types';
import type { Settings } from '../settings';

const TITLE_LENGTH = 60;

/** The title a conversation has until the model writes one: the question's first line. */
export function titleFrom(text: string, attachments: SendRequest['attachments']): string {
  const source = text.trim() || attachments[0]?.source.title || 'New chat';
  const line = source.split('\n')[0] ?? source;
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
}

/** The conversation `request` goes to (`existing`, or a new one) and its user message. */
export function newTurn(
  request: SendRequest,
  existing: Conversation | undefined,
  settings: Settings,
  ids: { newId: () => string; now: number },
): { conversation: Conversation; user: ChatMessage } {
  const { now } = ids;
  const conversation: Conversation = existing ?? {
    id: ids.newId(),
    title: titleFrom(request.text, request.attachments),
    createdAt: now,
    updatedAt: now,
    model: settings.model,
    systemPrompt: settings.systemPrompt,
    currentLeafId: null,
  };
  const user: ChatMessage = {
    id: ids.newId(),
    conversationId: conversation.id,
    parentId: request.parentId,
    role: 'user',
    content: request.text,
    attachments: request.attachments,
    state: { kind: 'complete' },
    createdAt: now,
    updatedAt: now,
  };
  return { conversation, user };
}
