/**
 * The panel's checks of what the background sends over port "chat" (the types are in port.ts).
 * Its own module, which the panel's transport loads before it connects, so the checks stay out of
 * the panel's initial bundle (budget, DESIGN §8). index.ts re-exports it for everyone else.
 */
import type { BackgroundToPanel } from './port';
import { arrayOf, isCount, isString, optional, parseWith, shape, type Check } from './guards';
import { isAttachment, isMessage, isModeration, isState } from './records';

const eventGuards: {
  [K in BackgroundToPanel['type']]: Check;
} = {
  started: shape({
    requestId: isString,
    conversationId: isString,
    messages: arrayOf(isMessage),
    assistantMessageId: isString,
  }),
  delta: shape({ messageId: isString, seq: isCount, offset: isCount, text: isString }),
  state: shape({ messageId: isString, seq: isCount, state: isState, content: optional(isString) }),
  snapshot: shape({
    generations: arrayOf(
      shape({
        messageId: isString,
        conversationId: isString,
        seq: isCount,
        content: isString,
        state: isState,
      }),
    ),
  }),
  request_failed: shape({ requestId: isString, message: isString }),
  storage_warning: shape({ message: isString }),
  attachments: shape({ attachments: arrayOf(isAttachment), suggestedText: optional(isString) }),
  capture_failed: shape({ message: isString }),
  moderation: shape({ messageId: isString, moderation: isModeration }),
  title: shape({ conversationId: isString, title: isString }),
  context_trimmed: shape({ messageId: isString, dropped: isCount }),
  prompt_progress: shape({
    messageId: isString,
    processed: isCount,
    total: isCount,
    cache: isCount,
    timeMs: isCount,
  }),
};

/** The background is trusted, but the panel still checks shape so a bug cannot corrupt its state. */
export function parseBackgroundMessage(value: unknown): BackgroundToPanel | null {
  return parseWith<BackgroundToPanel>(eventGuards, value);
}
