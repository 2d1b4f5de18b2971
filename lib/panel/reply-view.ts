/**
 * What the conversation shows around each message, decided without React (issue 16): which
 * action rows stay visible, which replies are empty, what a key does in the edit box, and where
 * the one "not checked" line of a conversation goes.
 */
import type { ChatMessage } from '../model/types';

/**
 * The class of a message's action row: the latest reply keeps its actions in view, older ones
 * show them on hover and keyboard focus (they stay in the DOM and in the Tab order, so nothing
 * shifts and nothing is out of reach).
 */
export function actionRowClass(latest: boolean): string {
  return latest ? 'message-actions actions-pinned' : 'message-actions actions-on-hover';
}

/** A reply the model finished without any text (only an end token): it says so and offers Retry. */
export function isEmptyReply(message: ChatMessage): boolean {
  return (
    message.role === 'assistant' && message.state.kind === 'complete' && !message.content.trim()
  );
}

/** What a key press in a message's edit box does: the composer's keys, and Escape to cancel. */
export type EditKey = 'save' | 'newline' | 'cancel' | null;

/** Reads a key press in the edit box; an IME composition's Enter picks a word and is left alone. */
export function editKeyAction(event: {
  key: string;
  shiftKey: boolean;
  isComposing?: boolean;
}): EditKey {
  if (event.isComposing) return null;
  if (event.key === 'Escape') return 'cancel';
  if (event.key !== 'Enter') return null;
  return event.shiftKey ? 'newline' : 'save';
}

/**
 * The first message on the path whose moderation check did not run (the endpoint had none, or it
 * failed open): the conversation says so once, there, instead of under every bubble.
 */
export function firstUncheckedId(path: readonly ChatMessage[]): string | null {
  for (const m of path) {
    const record = m.moderation;
    if (record && record.checked === false && !record.flagged) return m.id;
  }
  return null;
}
