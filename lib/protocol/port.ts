/**
 * Port "chat" (DESIGN §1): the messages the side panel and the background worker send each other,
 * both ways, and the guards each side runs on what it receives.
 */
import type { Attachment, ChatMessage, MessageState, ModerationRecord } from '../model/types';

/** The name of the port the panel connects to the background with. */
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
  /** A failed reply with no text that the new one replaces (Retry): removed once it starts. */
  replaces?: string;
  /** After a refusal for context length: leave out the question's attachments or older turns. */
  fix?: 'drop_attachments' | 'drop_older_turns';
}

/** The panel asks to stop a reply at what it had shown. */
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

/** Every message the panel sends on the chat port; the worker validates each on receipt. */
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

/** A reply still being generated, so a panel that (re)connects can resume folding its deltas. */
export interface LiveGeneration {
  messageId: string;
  conversationId: string;
  seq: number;
  content: string;
  state: MessageState;
}

/** Sent on connect: the generations running now, so a reopened panel catches up. */
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

/**
 * How far the server has read a reply's prompt, before its first token (llama.cpp's
 * `prompt_progress` with `return_progress`, issue 14): tokens read of `total`, `cache` of them
 * reused from its cache, and its time so far.
 */
export interface PromptProgressEvent {
  type: 'prompt_progress';
  messageId: string;
  processed: number;
  total: number;
  cache: number;
  timeMs: number;
}

/** Every event the worker sends on the chat port; the panel validates each on receipt. */
export type BackgroundToPanel =
  | PromptProgressEvent
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
