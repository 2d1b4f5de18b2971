/**
 * The render-time guard: a message read from storage may predate strict imports or be hand
 * edited, and one malformed field (a `blocked` state without categories, an error code of
 * `__proto__`, an object where a count belongs) used to blank the panel on every open. These turn
 * any value into one of the shapes the UI renders, keeping whatever part of it is valid.
 */
import type { Attachment, ChatMessage, MessageState, ModerationRecord, Role } from '../model/types';
import {
  ERROR_CODES,
  INTERRUPT_REASONS,
  isCategory,
  MAX_CATEGORIES,
  MAX_DETAIL,
  MODERATION_ACTIONS,
} from './record-rules';

// Hand-written rather than zod: this runs in the panel's initial bundle, which has a size budget.
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  (list as readonly unknown[]).includes(value);

const isCategoryList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= MAX_CATEGORIES && value.every(isCategory);

/** The valid category names in `value` (an array of strings), or none. */
export function safeCategories(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isCategory).slice(0, MAX_CATEGORIES);
}

/** Whether `value` is exactly one of the states the UI renders (the same rules as the import). */
function isMessageState(value: unknown): value is MessageState {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'pending':
    case 'streaming':
    case 'complete':
    case 'stopped':
      return true;
    case 'interrupted':
      return includes(INTERRUPT_REASONS, value.reason);
    case 'error':
      return (
        includes(ERROR_CODES, value.code) &&
        (value.detail === undefined ||
          (typeof value.detail === 'string' && value.detail.length <= MAX_DETAIL))
      );
    case 'blocked':
      return isCategoryList(value.categories);
    default:
      return false;
  }
}

function isScores(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_CATEGORIES &&
    entries.every(([k, v]) => isCategory(k) && typeof v === 'number' && v >= 0 && v <= 1)
  );
}

function isModeration(value: unknown): value is ModerationRecord {
  return (
    isRecord(value) &&
    typeof value.flagged === 'boolean' &&
    typeof value.checked === 'boolean' &&
    isCategoryList(value.categories) &&
    isScores(value.scores) &&
    (value.action === undefined || includes(MODERATION_ACTIONS, value.action))
  );
}

/**
 * A message state the UI can render. Valid input comes back as is (same object). A `blocked`
 * state keeps its valid categories and an `error` its known code and text detail; anything else
 * unreadable is an unknown error on a reply (it offers Retry and keeps the text) and `complete` on
 * the user's own message.
 */
export function safeMessageState(value: unknown, role: Role = 'assistant'): MessageState {
  if (isMessageState(value)) return value;
  const record = isRecord(value) ? value : {};
  if (record.kind === 'blocked')
    return { kind: 'blocked', categories: safeCategories(record.categories) };
  if (role === 'user') return { kind: 'complete' };
  if (record.kind === 'error') {
    const code = ERROR_CODES.find((c) => c === record.code) ?? 'unknown';
    const detail =
      typeof record.detail === 'string' ? record.detail.slice(0, MAX_DETAIL) : undefined;
    return detail ? { kind: 'error', code, detail } : { kind: 'error', code };
  }
  return { kind: 'error', code: 'unknown' };
}

/**
 * A moderation record the UI can render, or undefined when there is none to speak of. A record
 * that says `flagged: true` stays flagged (the notice is the safe side), with the valid
 * categories only; an unknown action is shown as a warning, not as content hidden.
 */
export function safeModeration(value: unknown): ModerationRecord | undefined {
  if (value === undefined || value === null) return undefined;
  if (isModeration(value)) return value;
  if (!isRecord(value)) return undefined;
  return {
    flagged: value.flagged === true,
    categories: safeCategories(value.categories),
    // A record that cannot say whether it was checked is not shown as "not checked".
    checked: value.checked !== false,
    ...(includes(MODERATION_ACTIONS, value.action) ? { action: value.action } : {}),
  };
}

/** A count of left-out turns, or undefined for anything that is not a small whole number. */
export function safeCount(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 1e6
    ? (value as number)
    : undefined;
}

function isAttachment(value: unknown): value is Attachment {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.text !== 'string')
    return false;
  const source = value.source;
  return (
    isRecord(source) &&
    typeof source.url === 'string' &&
    typeof source.title === 'string' &&
    (value.language === undefined || typeof value.language === 'string')
  );
}

const cache = new WeakMap<ChatMessage, ChatMessage>();

/**
 * The message with every field the UI reads in a renderable shape. Records are immutable in the
 * panel's store, so the answer is cached per object and a valid message comes back unchanged.
 */
export function renderableMessage(message: ChatMessage): ChatMessage {
  const known = cache.get(message);
  if (known) return known;
  const role: Role =
    message.role === 'user' || message.role === 'system' ? message.role : 'assistant';
  const state = safeMessageState(message.state, role);
  const moderation = safeModeration(message.moderation);
  const droppedTurns = safeCount(message.droppedTurns);
  const attachments: unknown = message.attachments;
  const list = Array.isArray(attachments) ? attachments : [];
  const safeAttachments = list.every(isAttachment) ? list : list.filter(isAttachment);
  const content = typeof message.content === 'string' ? message.content : '';
  const same =
    role === message.role &&
    state === message.state &&
    moderation === message.moderation &&
    droppedTurns === message.droppedTurns &&
    safeAttachments === attachments &&
    content === message.content;
  const result: ChatMessage = same
    ? message
    : {
        ...message,
        role,
        state,
        content,
        attachments: safeAttachments,
        moderation,
        droppedTurns,
      };
  cache.set(message, result);
  return result;
}
