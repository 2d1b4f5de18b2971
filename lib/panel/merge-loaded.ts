/**
 * Merging what was read from IndexedDB into the panel's chat. Its own module so that it loads
 * beside the first database read instead of in the panel's initial bundle (it is only needed once
 * that read is back).
 */
import { isTerminal, type ChatMessage, type Conversation } from '../model/types';
import type { PanelChat } from './panel-state';

/**
 * Stored messages replace the in-memory ones, except where the panel saw more text than the
 * database holds (a flush that never happened): what the user saw wins.
 */
export function mergeLoaded(
  chat: PanelChat,
  conversation: Conversation,
  loaded: ChatMessage[],
): PanelChat {
  const sameConversation = chat.conversation?.id === conversation.id;
  const messages: Record<string, ChatMessage> = {};
  for (const stored of loaded) {
    const mine = sameConversation ? chat.messages[stored.id] : undefined;
    const sawMore =
      mine &&
      mine.content.length > stored.content.length &&
      mine.content.startsWith(stored.content);
    // A reply still live here and in the database is ahead in memory; a stored terminal state wins.
    const live = mine && !isTerminal(mine.state) && !isTerminal(stored.state);
    messages[stored.id] =
      live || sawMore
        ? { ...stored, content: mine.content, state: live ? mine.state : stored.state }
        : stored;
  }
  if (sameConversation) {
    // Messages announced by `started` but not yet readable from the database stay.
    for (const m of Object.values(chat.messages)) messages[m.id] ??= m;
  }
  return {
    ...chat,
    conversation,
    messages,
    seqs: sameConversation ? chat.seqs : {},
    leafId:
      conversation.currentLeafId && messages[conversation.currentLeafId]
        ? conversation.currentLeafId
        : chat.leafId,
  };
}
