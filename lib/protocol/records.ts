/**
 * Shapes of the data model's records as they cross the port (lib/model/types.ts): checked for type
 * only; the values the UI can render are the render-time guard's job (lib/export/record-guard).
 */
import type { MessageState } from '../model/types';
import {
  arrayOf,
  isBoolean,
  isCount,
  isNullableString,
  isNumber,
  isRecord,
  isString,
  MAX_TEXT,
  oneOf,
  optional,
  shape,
  type Check,
} from './guards';

/** Page text brought to a message: every field, optional ones included, has its type. */
export const isAttachment: Check = shape({
  id: isString,
  kind: oneOf('selection'),
  text: (v) => isString(v) && v.length <= MAX_TEXT,
  language: optional(isString),
  source: shape({ url: isString, title: isString, topUrl: optional(isString) }),
  truncated: optional(shape({ kept: isCount, total: isCount })),
  hiddenTextRemoved: optional(isBoolean),
  hiddenPassages: optional(shape({ count: isCount, reasons: arrayOf(isString) })),
  formattingLost: optional(isBoolean),
});

/** The fields each message state kind carries (the renderer checks their values: record-guard). */
const stateFields: Record<MessageState['kind'], Check> = {
  pending: isRecord,
  streaming: isRecord,
  complete: isRecord,
  stopped: isRecord,
  interrupted: shape({ reason: isString }),
  error: shape({ code: isString, detail: optional(isString) }),
  blocked: shape({ categories: arrayOf(isString) }),
};

/** A message state: a known `kind` with the fields that kind carries. */
export const isState: Check = (v) =>
  isRecord(v) && isString(v.kind) && Object.hasOwn(stateFields, v.kind)
    ? stateFields[v.kind as MessageState['kind']](v)
    : false;

/** A moderation outcome kept on a message. */
export const isModeration: Check = shape({
  flagged: isBoolean,
  categories: arrayOf(isString),
  scores: optional(isRecord),
  checked: isBoolean,
  action: optional(oneOf('none', 'warn', 'block')),
});

/** A node of the conversation tree, as a turn's `started` event carries it. */
export const isMessage: Check = shape({
  id: isString,
  conversationId: isString,
  parentId: isNullableString,
  role: oneOf('system', 'user', 'assistant'),
  content: isString,
  attachments: arrayOf(isAttachment),
  state: isState,
  model: optional(isString),
  usage: optional(
    shape({ promptTokens: optional(isNumber), completionTokens: optional(isNumber) }),
  ),
  moderation: optional(isModeration),
  droppedTurns: optional(isCount),
  createdAt: isNumber,
  updatedAt: isNumber,
});
