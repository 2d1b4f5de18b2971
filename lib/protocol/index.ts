/**
 * The one contract between Parley's contexts (DESIGN §1). The side panel talks to the background
 * worker over a port named "chat" (streams) and `runtime.sendMessage` (request/response).
 * Every message is a discriminated union member and is validated where it is received.
 */
import type { Attachment, ChatMessage, MessageState, ModerationRecord } from '../model/types';
import type { ModerationSettings } from '../model/moderation';

export const CHAT_PORT_NAME = 'chat';

// ── Panel → background, over the "chat" port ────────────────────────────────────────────────

/** Start a new turn: the user's message goes under `parentId` (null for the first turn). */
export interface SendRequest {
  type: 'send';
  requestId: string;
  conversationId: string | null;
  parentId: string | null;
  text: string;
  attachments: Attachment[];
}

/** A new reply to an existing user message; the old replies stay as siblings. */
export interface RegenerateRequest {
  type: 'regenerate';
  requestId: string;
  userMessageId: string;
}

export interface StopRequest {
  type: 'stop';
  messageId: string;
  /** How much of the reply the panel had shown at the click: the reply ends there. */
  shownLength?: number;
}

/** Ask for the live generations (after connecting, or after a gap in `seq`). */
export interface SyncRequest {
  type: 'sync';
}

/**
 * After the worker died, the panel may hold more of a reply than the last flush wrote; it hands
 * that text back so nothing the user saw is lost. Accepted only as an extension of what is stored.
 */
export interface SalvageRequest {
  type: 'salvage';
  messageId: string;
  content: string;
}

/**
 * The user deleted a conversation (it may still be restored by Undo): its live replies stop and
 * its pending side requests (title, moderation, write-back of unsaved records) are cancelled.
 */
export interface ConversationDeletedNotice {
  type: 'conversation_deleted';
  conversationId: string;
}

/** The panel's "Add page selection" button: capture from the active tab of the panel's window. */
export interface CaptureSelectionRequest {
  type: 'capture_selection';
  windowId?: number;
}

export type PanelToBackground =
  | CaptureSelectionRequest
  | SendRequest
  | RegenerateRequest
  | StopRequest
  | SyncRequest
  | SalvageRequest
  | ConversationDeletedNotice;

// ── Background → panel, over the "chat" port ────────────────────────────────────────────────

/** The records a turn created, so the panel can show them without a database read. */
export interface StartedEvent {
  type: 'started';
  requestId: string;
  conversationId: string;
  messages: ChatMessage[];
  assistantMessageId: string;
}

/** Appended text. `offset` is where `text` starts in the reply; `seq` increases by one each event. */
export interface DeltaEvent {
  type: 'delta';
  messageId: string;
  seq: number;
  offset: number;
  text: string;
}

/** A state change of a live reply (pending → streaming, and every terminal state). */
export interface StateEvent {
  type: 'state';
  messageId: string;
  seq: number;
  state: MessageState;
  /** The whole reply at a terminal state, so the panel ends exactly where the database does. */
  content?: string;
}

export interface LiveGeneration {
  messageId: string;
  conversationId: string;
  seq: number;
  content: string;
  state: MessageState;
}

export interface SnapshotEvent {
  type: 'snapshot';
  generations: LiveGeneration[];
}

/** A request failed before any message was written (e.g. the database is unavailable). */
export interface RequestFailedEvent {
  type: 'request_failed';
  requestId: string;
  message: string;
}

/** A persistence problem the user must hear about; the reply on screen is kept in memory. */
export interface StorageWarningEvent {
  type: 'storage_warning';
  message: string;
}

/** Page text captured for the next message (not sent yet); `suggestedText` pre-fills the composer. */
export interface AttachmentsEvent {
  type: 'attachments';
  attachments: Attachment[];
  suggestedText?: string;
}

/** A capture that produced nothing to attach, in one friendly sentence. */
export interface CaptureFailedEvent {
  type: 'capture_failed';
  message: string;
}

/** A moderation outcome for a message (the user's, or a reply while it streams and at the end). */
export interface ModerationEvent {
  type: 'moderation';
  messageId: string;
  moderation: ModerationRecord;
}

/** The model titled a new conversation. */
export interface TitleEvent {
  type: 'title';
  conversationId: string;
  title: string;
}

/** Older turns were left out of a reply's request to fit the context window. */
export interface ContextTrimmedEvent {
  type: 'context_trimmed';
  messageId: string;
  dropped: number;
}

export type BackgroundToPanel =
  | ContextTrimmedEvent
  | TitleEvent
  | ModerationEvent
  | AttachmentsEvent
  | CaptureFailedEvent
  | StartedEvent
  | DeltaEvent
  | StateEvent
  | SnapshotEvent
  | RequestFailedEvent
  | StorageWarningEvent;

// ── Request/response over runtime.sendMessage ───────────────────────────────────────────────

/** The panel-visible part of the settings: the key itself never leaves the background. */
export interface PublicSettings {
  baseUrl: string;
  model: string;
  systemPrompt: string;
  moderation: ModerationSettings;
  /** A key is saved for the chat base URL's origin (keys are bound to origins, lib/credentials). */
  hasApiKey: boolean;
  /** A separate key is saved for the moderation endpoint's origin. */
  hasModerationKey: boolean;
  /** Origins with a saved chat key, most recent last: hosts for the UI, never the keys. */
  keyOrigins: string[];
  /** Origins with a saved moderation key. */
  moderationKeyOrigins: string[];
  /** The moderation endpoint answered 404: this endpoint cannot check messages. */
  moderationUnsupported: boolean;
}

export type RpcRequest =
  | { type: 'get_settings' }
  | {
      type: 'save_settings';
      /** `apiKey` undefined keeps the stored key; an empty string removes it. */
      apiKey?: string;
      /** Same rule as `apiKey`, for the optional moderation key. */
      moderationApiKey?: string;
      /** The user confirmed "Use my key for <host>": the key saved for this origin goes there too. */
      reuseKeyFrom?: string;
      baseUrl: string;
      model: string;
      systemPrompt: string;
      /** Validated and repaired by normalizeSettings on the background side. */
      moderation?: Partial<ModerationSettings>;
    }
  | { type: 'list_models'; baseUrl: string; apiKey?: string; reuseKeyFrom?: string };

export type RpcResponse =
  | { type: 'settings'; settings: PublicSettings }
  | { type: 'models'; models: string[] }
  | { type: 'rpc_error'; message: string };

// ── Validation at the receiving end ─────────────────────────────────────────────────────────

type Guard<T> = (value: unknown) => value is T;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const MAX_TEXT = 2_000_000;
/** Ids are UUIDs (36 characters); anything far longer is not one of ours. */
const MAX_ID = 200;

function isAttachment(value: unknown): value is Attachment {
  return (
    isRecord(value) &&
    isString(value.id) &&
    value.kind === 'selection' &&
    isString(value.text) &&
    value.text.length <= MAX_TEXT &&
    (value.language === undefined || isString(value.language)) &&
    isRecord(value.source) &&
    isString(value.source.url) &&
    isString(value.source.title)
  );
}

const panelGuards: {
  [K in PanelToBackground['type']]: Guard<Extract<PanelToBackground, { type: K }>>;
} = {
  send: (v): v is SendRequest =>
    isRecord(v) &&
    isString(v.requestId) &&
    isNullableString(v.conversationId) &&
    isNullableString(v.parentId) &&
    isString(v.text) &&
    v.text.length <= MAX_TEXT &&
    Array.isArray(v.attachments) &&
    v.attachments.length <= 20 &&
    v.attachments.every(isAttachment),
  regenerate: (v): v is RegenerateRequest =>
    isRecord(v) && isString(v.requestId) && isString(v.userMessageId),
  stop: (v): v is StopRequest =>
    isRecord(v) && isString(v.messageId) && (v.shownLength === undefined || isCount(v.shownLength)),
  sync: (v): v is SyncRequest => isRecord(v),
  capture_selection: (v): v is CaptureSelectionRequest =>
    isRecord(v) && (v.windowId === undefined || Number.isInteger(v.windowId)),
  salvage: (v): v is SalvageRequest =>
    isRecord(v) && isString(v.messageId) && isString(v.content) && v.content.length <= MAX_TEXT,
  conversation_deleted: (v): v is ConversationDeletedNotice =>
    isRecord(v) && isString(v.conversationId) && v.conversationId.length <= MAX_ID,
};

/** Returns the message if it is a well-formed panel request, else null (and it is dropped). */
export function parsePanelMessage(value: unknown): PanelToBackground | null {
  if (!isRecord(value) || !isString(value.type) || !Object.hasOwn(panelGuards, value.type))
    return null;
  const guard = panelGuards[value.type as PanelToBackground['type']] as Guard<PanelToBackground>;
  return guard(value) ? value : null;
}

/** The background is trusted, but the panel still checks shape so a bug cannot corrupt its state. */
export function parseBackgroundMessage(value: unknown): BackgroundToPanel | null {
  if (!isRecord(value) || !isString(value.type)) return null;
  switch (value.type) {
    case 'delta':
      return isString(value.messageId) &&
        isCount(value.seq) &&
        isCount(value.offset) &&
        isString(value.text)
        ? (value as unknown as DeltaEvent)
        : null;
    case 'state':
      return isString(value.messageId) && isCount(value.seq) && isRecord(value.state)
        ? (value as unknown as StateEvent)
        : null;
    case 'started':
      return isString(value.conversationId) && Array.isArray(value.messages)
        ? (value as unknown as StartedEvent)
        : null;
    case 'snapshot':
      return Array.isArray(value.generations) ? (value as unknown as SnapshotEvent) : null;
    case 'context_trimmed':
      return isString(value.messageId) && isCount(value.dropped)
        ? (value as unknown as ContextTrimmedEvent)
        : null;
    case 'title':
      return isString(value.conversationId) && isString(value.title)
        ? (value as unknown as TitleEvent)
        : null;
    case 'moderation':
      return isString(value.messageId) && isRecord(value.moderation)
        ? (value as unknown as ModerationEvent)
        : null;
    case 'attachments':
      return Array.isArray(value.attachments) && value.attachments.every(isAttachment)
        ? (value as unknown as AttachmentsEvent)
        : null;
    case 'capture_failed':
    case 'request_failed':
    case 'storage_warning':
      return isString(value.message) ? (value as unknown as BackgroundToPanel) : null;
    default:
      return null;
  }
}

export function parseRpcRequest(value: unknown): RpcRequest | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'get_settings':
      return { type: 'get_settings' };
    case 'save_settings':
      return isString(value.baseUrl) &&
        isString(value.model) &&
        isString(value.systemPrompt) &&
        (value.apiKey === undefined || isString(value.apiKey)) &&
        (value.moderationApiKey === undefined || isString(value.moderationApiKey)) &&
        (value.reuseKeyFrom === undefined || isString(value.reuseKeyFrom))
        ? {
            type: 'save_settings',
            baseUrl: value.baseUrl,
            model: value.model,
            systemPrompt: value.systemPrompt,
            ...(value.apiKey === undefined ? {} : { apiKey: value.apiKey }),
            ...(isString(value.moderationApiKey)
              ? { moderationApiKey: value.moderationApiKey }
              : {}),
            ...(isString(value.reuseKeyFrom) ? { reuseKeyFrom: value.reuseKeyFrom } : {}),
            ...(isRecord(value.moderation)
              ? { moderation: value.moderation as Partial<ModerationSettings> }
              : {}),
          }
        : null;
    case 'list_models':
      return isString(value.baseUrl) &&
        (value.apiKey === undefined || isString(value.apiKey)) &&
        (value.reuseKeyFrom === undefined || isString(value.reuseKeyFrom))
        ? {
            type: 'list_models',
            baseUrl: value.baseUrl,
            ...(isString(value.apiKey) ? { apiKey: value.apiKey } : {}),
            ...(isString(value.reuseKeyFrom) ? { reuseKeyFrom: value.reuseKeyFrom } : {}),
          }
        : null;
    default:
      return null;
  }
}

/**
 * Only this extension's own pages may drive it: a content script, a web page or another extension
 * is refused (DESIGN §1). `extensionOrigin` is `chrome-extension://<id>/` (or moz-extension).
 */
export function isOwnExtensionPage(
  sender: { id?: string; url?: string; tab?: unknown } | undefined,
  runtimeId: string,
  extensionOrigin: string,
): boolean {
  if (!sender || sender.id !== runtimeId || !isString(sender.url)) return false;
  return sender.url.startsWith(extensionOrigin);
}
