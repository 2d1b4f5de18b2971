/**
 * The one router for events from the worker: which change the composer or the notice at once,
 * which go through the per-frame fold, and what a folded batch means besides the chat itself
 * (a `started` for the feedback bookkeeping, a change to the conversation list, a gap to sync).
 */
import type { AttachmentsEvent, BackgroundToPanel, StartedEvent } from '../protocol';
import type { Attachment } from '../model/types';
import { applyEvent, type PanelChat } from './panel-state';

/** Where the store sends an incoming event: each handler is the store's. */
export interface RouteHandlers {
  /** Selected text for the composer: not part of the conversation, shown at once. */
  attachments(event: AttachmentsEvent): void;
  /** A capture failure: said at once, not a frame later. */
  notice(message: string): void;
  /** Everything about the conversation: queued and folded once per frame. */
  fold(event: BackgroundToPanel): void;
}

/** Sends one incoming event to the handler that owns it. */
export function routeEvent(event: BackgroundToPanel, handlers: RouteHandlers): void {
  if (event.type === 'attachments') handlers.attachments(event);
  else if (event.type === 'capture_failed') handlers.notice(event.message);
  else handlers.fold(event);
}

/** The composer's part of the state an `attachments` event changes. */
export interface ComposerState {
  attachments: Attachment[];
  draft: string;
  chat: PanelChat;
}

/**
 * Selected text arrives: it is added to the composer, its suggested text fills an empty draft
 * (a draft being typed is kept), and the notice of an earlier failed capture goes.
 */
export function receiveAttachments(state: ComposerState, event: AttachmentsEvent): ComposerState {
  return {
    attachments: [...state.attachments, ...event.attachments],
    draft: state.draft.trim() ? state.draft : (event.suggestedText ?? state.draft),
    chat: { ...state.chat, notice: null },
  };
}

/** What one folded batch did. */
export interface BatchResult {
  chat: PanelChat;
  /** A delta went missing: ask the worker for a snapshot. */
  needsSync: boolean;
  /** A conversation started or a reply's text was stored: the drawer's list may have changed. */
  listChanged: boolean;
  /** Replies that started, in order, for the feedback bookkeeping (regenerate, compare). */
  started: StartedEvent[];
}

/** Folds a batch of queued events into the chat and says what else they call for. */
export function foldBatch(chat: PanelChat, events: readonly BackgroundToPanel[]): BatchResult {
  let next = chat;
  let needsSync = false;
  let listChanged = false;
  const started: StartedEvent[] = [];
  for (const event of events) {
    if (event.type === 'started') started.push(event);
    if (event.type === 'started' || (event.type === 'state' && event.content !== undefined))
      listChanged = true;
    const result = applyEvent(next, event);
    next = result.chat;
    needsSync ||= result.needsSync;
  }
  return { chat: next, needsSync, listChanged, started };
}
