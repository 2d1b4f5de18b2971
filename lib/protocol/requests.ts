/**
 * The background's checks of what a panel sends over port "chat" (the types are in port.ts): every
 * field, optional ones included, has its type, or the message is dropped.
 */
import type { PanelToBackground } from './port';
import {
  arrayOf,
  isCount,
  isNullableString,
  isRecord,
  isString,
  MAX_ID,
  MAX_TEXT,
  optional,
  parseWith,
  shape,
  type Check,
} from './guards';
import { isAttachment } from './records';

const panelGuards: {
  [K in PanelToBackground['type']]: Check;
} = {
  send: shape({
    requestId: isString,
    conversationId: isNullableString,
    parentId: isNullableString,
    text: (v) => isString(v) && v.length <= MAX_TEXT,
    attachments: arrayOf(isAttachment, 20),
  }),
  regenerate: shape({
    requestId: isString,
    userMessageId: isString,
    replaces: optional(isString),
    fix: optional((v) => v === 'drop_attachments' || v === 'drop_older_turns'),
  }),
  stop: shape({ messageId: isString, shownLength: optional(isCount) }),
  sync: isRecord,
  capture_selection: shape({ windowId: optional(Number.isInteger) }),
  salvage: shape({ messageId: isString, content: (v) => isString(v) && v.length <= MAX_TEXT }),
  conversation_deleted: shape({ conversationId: (v) => isString(v) && v.length <= MAX_ID }),
};

/** Returns the message if it is a well-formed panel request, else null (and it is dropped). */
export function parsePanelMessage(value: unknown): PanelToBackground | null {
  return parseWith<PanelToBackground>(panelGuards, value);
}
