/**
 * The panel's chat actions without React or zustand: send, stop, regenerate, compare and edit,
 * and the bookkeeping that ties a `started` reply back to the regenerate or comparison that asked
 * for it. It talks to the worker through `post` and keeps its state in a host ({get, set}): the
 * store passes zustand's, tests a plain object. Ids are injected too (crypto.randomUUID is the
 * browser's).
 */
import type { PanelToBackground, RegenerateRequest, StartedEvent } from '../protocol';
import type { Attachment } from '../model/types';
import type { Comparison } from '../model/feedback';
import { pathToLeaf } from '../model/tree';
import { isEmptyFailure, isTerminal } from '../model/types';
import { markStopping, withoutFailure, type PanelChat } from './panel-state';
import type { RankingContext } from './ranking';

/** "Was this better or worse?" after a regenerate: the reply replaced and the new one. */
export interface ComparePrompt {
  parentId: string;
  oldId: string;
  newId: string;
}

/** Several alternatives to one message, generated in parallel and ranked by the user. */
export interface CompareSession {
  parentId: string;
  /** Requests still waiting for their reply to start. */
  waiting: string[];
  /** Alternatives in the user's current order, best first. */
  order: string[];
  /** Alternatives in the order they were generated: their labels A, B, C… */
  generated: string[];
}

/** The part of the store the controller reads and writes. */
export interface ControllerState {
  chat: PanelChat;
  attachments: Attachment[];
  draft: string;
  /** The user message being edited from the composer. */
  editingId: string | null;
  comparePrompt: ComparePrompt | null;
  compareSession: CompareSession | null;
}

/** Where the state lives: zustand's get/set in the panel, a plain object in tests. */
export interface StateHost<S> {
  get(): S;
  set(patch: Partial<S>): void;
}

/** What the controller is given: nothing of it touches a browser global. */
export interface ControllerDeps {
  host: StateHost<ControllerState>;
  post(message: PanelToBackground): void;
  /** A fresh unique id (request ids, comparison ids). */
  newId(): string;
  /** The fold queue's side of Stop. */
  stopQueued(messageId: string): void;
  /** Shows a leaf and stores the choice (the store owns the write). */
  selectLeaf(leafId: string): void;
  /** Stores a comparison the user made (the store owns the write and says when it fails). */
  saveComparison(comparison: Comparison): void;
}

/** The panel's chat controller; see the module comment. */
export type ChatController = ReturnType<typeof createChatController>;

/** A controller over the injected host, transport and id maker. */
export function createChatController(deps: ControllerDeps) {
  const { post, newId } = deps;
  const { get, set } = deps.host;
  const ranking: RankingContext = { ...deps, get, set };
  // Ranking code loads with the first regenerate-with-prompt or Compare, the only ways in to it.
  let loading: Promise<typeof import('./ranking')> | undefined;
  const loadRanking = () => (loading ??= import('./ranking'));
  // Which started replies belong to a regenerate (and what they replace).
  const regenerations = new Map<string, { oldId: string; parentId: string }>();
  // Retries of a reply that failed before any text: request id → the failure it replaces.
  const replacing = new Map<string, string>();

  /** The chat with these requests awaited and the old notice gone. */
  const requesting = (requestIds: string[]): PanelChat => {
    const chat = get().chat;
    return { ...chat, ownRequests: [...chat.ownRequests, ...requestIds], notice: null };
  };

  const editAndResend = (userMessageId: string, text: string): void => {
    const { chat } = get();
    const original = chat.messages[userMessageId];
    if (!original || !chat.conversation || !text.trim()) return;
    const requestId = newId();
    set({ chat: requesting([requestId]) });
    // A sibling of the original: both branches stay reachable through the pager.
    post({
      type: 'send',
      requestId,
      conversationId: chat.conversation.id,
      parentId: original.parentId,
      text,
      attachments: original.attachments,
    });
  };

  return {
    /** Sends the composer's text below the leaf, or as the edit of the message being edited. */
    send(text: string): void {
      const { chat, attachments, editingId } = get();
      if (editingId) {
        set({ editingId: null, draft: '' });
        editAndResend(editingId, text);
        return;
      }
      const requestId = newId();
      set({ chat: requesting([requestId]), attachments: [], draft: '' });
      post({
        type: 'send',
        requestId,
        conversationId: chat.conversation?.id ?? null,
        parentId: chat.leafId,
        text,
        attachments,
      });
    },

    /** Hides the better-or-worse question unanswered. */
    dismissComparePrompt(): void {
      set({ comparePrompt: null });
    },

    /** Reopens a comparison left unranked when the panel closed (lib/panel/compare-draft). */
    resumeCompare(session: CompareSession): void {
      if (!get().compareSession) set({ compareSession: session });
    },

    /** Leaves a comparison unranked. */
    cancelCompare(): void {
      set({ compareSession: null });
    },

    /** Stops a reply where the user saw it: queued text not shown yet goes. */
    stop(messageId: string): void {
      const message = get().chat.messages[messageId];
      const live = message !== undefined && !isTerminal(message.state);
      if (live) {
        deps.stopQueued(messageId);
        set({ chat: markStopping(get().chat, messageId) });
      }
      const shown = live ? { shownLength: message.content.length } : {};
      post({ type: 'stop', messageId, ...shown });
    },

    /** Asks for another reply to a user message, without the better-or-worse question. */
    regenerate(userMessageId: string): void {
      const requestId = newId();
      set({ chat: requesting([requestId]) });
      post({ type: 'regenerate', requestId, userMessageId });
    },

    /**
     * Asks for another reply; when it starts, asks whether it is better than the one shown.
     * `fix` makes a request the server refused for its length smaller (issue 14).
     */
    regenerateWithPrompt(userMessageId: string, fix?: RegenerateRequest['fix']): void {
      const { chat } = get();
      const visible = chat.leafId ? pathToLeaf(Object.values(chat.messages), chat.leafId) : [];
      const old = visible.find((m) => m.parentId === userMessageId && m.role === 'assistant');
      const requestId = newId();
      // A failed reply is retried, not ranked: nobody asks whether the answer beat an error.
      const failed =
        old?.state.kind === 'error' ||
        old?.state.kind === 'interrupted' ||
        (old?.state.kind === 'complete' && isEmptyFailure(old));
      if (old && !failed) {
        regenerations.set(requestId, { oldId: old.id, parentId: userMessageId });
        void loadRanking();
      }
      const replaces = isEmptyFailure(old) ? old.id : undefined;
      if (replaces) replacing.set(requestId, replaces);
      set({ chat: requesting([requestId]), comparePrompt: null });
      post({
        type: 'regenerate',
        requestId,
        userMessageId,
        ...(replaces ? { replaces } : {}),
        ...(fix ? { fix } : {}),
      });
    },

    /** Stores the answer to the better-or-worse question as a pair comparison. */
    answerComparePrompt: (answer: 'better' | 'worse' | 'same') =>
      loadRanking().then((r) => r.answerComparePrompt(ranking, answer)),

    /** Starts 2 to 4 alternatives to a user message, in parallel: each streams on its own. */
    startCompare(userMessageId: string, count: number): void {
      const requestIds = Array.from({ length: Math.min(4, Math.max(2, count)) }, () => newId());
      set({
        chat: requesting(requestIds),
        compareSession: { parentId: userMessageId, waiting: requestIds, order: [], generated: [] },
        comparePrompt: null,
      });
      for (const requestId of requestIds) post({ type: 'regenerate', requestId, userMessageId });
      void loadRanking();
    },

    /** Moves an alternative one place up (-1) or down (1) in the user's ranking. */
    moveInCompare: (messageId: string, direction: -1 | 1) =>
      loadRanking().then((r) => r.moveInCompare(ranking, messageId, direction)),

    /** Ends a comparison: stores the ranking; the best reply continues the chat. */
    finishCompare: (bestFirst: string[]) =>
      loadRanking().then((r) => r.finishCompare(ranking, bestFirst)),

    /** Sends an edited user message as a new branch beside the original. */
    editAndResend,

    /** Puts the last user message on the path shown into the composer to edit; false if none. */
    editLastMessage(): boolean {
      const { chat } = get();
      const path = chat.leafId ? pathToLeaf(Object.values(chat.messages), chat.leafId) : [];
      const last = [...path].reverse().find((m) => m.role === 'user');
      if (!last) return false;
      set({ editingId: last.id, draft: last.content });
      return true;
    },

    /** Leaves editing: the composer empties. */
    cancelEditing(): void {
      set({ editingId: null, draft: '' });
    },

    /** Ties a started reply to the regenerate or comparison that asked for it (if any). */
    onStarted(event: StartedEvent): void {
      const replaced = replacing.get(event.requestId);
      if (replaced) {
        replacing.delete(event.requestId);
        set({ chat: withoutFailure(get().chat, replaced) });
      }
      const regeneration = regenerations.get(event.requestId);
      if (regeneration) {
        regenerations.delete(event.requestId);
        set({ comparePrompt: { ...regeneration, newId: event.assistantMessageId } });
      }
      const session = get().compareSession;
      if (session?.waiting.includes(event.requestId)) {
        set({
          compareSession: {
            ...session,
            waiting: session.waiting.filter((id) => id !== event.requestId),
            order: [...session.order, event.assistantMessageId],
            generated: [...session.generated, event.assistantMessageId],
          },
        });
      }
    },
  };
}
