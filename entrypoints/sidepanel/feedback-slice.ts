/**
 * The feedback part of the panel's store: ratings, "was this better or worse?" after a regenerate,
 * comparing several alternatives, and editing a sent message into a new branch.
 * Feedback is written to IndexedDB from here and never sent anywhere.
 */
import type { StartedEvent } from '@/lib/protocol';
import type { Comparison, ModerationReport, Rating, RatingReason } from '@/lib/model/feedback';
import { deepestLeaf, pathToLeaf } from '@/lib/model/tree';
import type { PanelChat } from '@/lib/panel/panel-state';
import type { ChatTransport } from './transport';
import type { PanelData } from './panel-data';

export interface ComparePrompt {
  parentId: string;
  oldId: string;
  newId: string;
}

export interface CompareSession {
  parentId: string;
  /** Requests still waiting for their reply to start. */
  waiting: string[];
  /** Alternatives in the user's current order, best first. */
  order: string[];
  /** Alternatives in the order they were generated: their labels A, B, C… */
  generated: string[];
}

export interface FeedbackSlice {
  ratings: Record<string, Rating>;
  /** Moderation reports made per message (false positive / false negative). */
  reports: Record<string, ('false_positive' | 'false_negative')[]>;
  comparePrompt: ComparePrompt | null;
  compareSession: CompareSession | null;
  feedbackError: string | null;
  rate(messageId: string, value: 'good' | 'bad', reasons?: RatingReason[], comment?: string): void;
  clearRating(messageId: string): void;
  regenerateWithPrompt(userMessageId: string): void;
  answerComparePrompt(answer: 'better' | 'worse' | 'same'): void;
  dismissComparePrompt(): void;
  startCompare(userMessageId: string, count: number): void;
  moveInCompare(messageId: string, direction: -1 | 1): void;
  finishCompare(bestFirst: string[]): void;
  cancelCompare(): void;
  editAndResend(userMessageId: string, text: string): void;
  loadRatings(conversationId: string): Promise<void>;
  reportModeration(messageId: string, kind: 'false_positive' | 'false_negative'): void;
}

interface Host {
  chat: PanelChat;
  selectLeaf(leafId: string): void;
}

type Set = (
  partial: Partial<FeedbackSlice> | ((s: FeedbackSlice & Host) => Partial<FeedbackSlice & Host>),
) => void;
type Get = () => FeedbackSlice & Host;

export function createFeedbackSlice(set: Set, get: Get, transport: ChatTransport, data: PanelData) {
  // Which started replies belong to a regenerate (and what they replace) or a comparison.
  const regenerations = new Map<string, { oldId: string; parentId: string }>();

  const persist = (work: Promise<unknown>) =>
    void work.catch(() =>
      set({ feedbackError: 'Parley could not save your feedback to browser storage.' }),
    );

  const slice: FeedbackSlice = {
    ratings: {},
    reports: {},
    comparePrompt: null,
    compareSession: null,
    feedbackError: null,

    rate(messageId, value, reasons = [], comment = '') {
      const { chat, ratings } = get();
      const message = chat.messages[messageId];
      if (!message) return;
      const now = Date.now();
      const previous = ratings[messageId];
      const rating: Rating = {
        id: previous?.id ?? crypto.randomUUID(),
        messageId,
        conversationId: message.conversationId,
        value,
        reasons: value === 'bad' ? reasons : [],
        comment,
        ...(message.model ? { model: message.model } : {}),
        createdAt: previous?.createdAt ?? now,
        updatedAt: now,
      };
      set({ ratings: { ...ratings, [messageId]: rating } });
      persist(data.saveRating(rating));
    },

    clearRating(messageId) {
      const { ratings } = get();
      const existing = ratings[messageId];
      if (!existing) return;
      const rest = { ...ratings };
      delete rest[messageId];
      set({ ratings: rest });
      persist(data.deleteRating(existing.id));
    },

    regenerateWithPrompt(userMessageId) {
      const { chat } = get();
      const visible = chat.leafId ? pathToLeaf(Object.values(chat.messages), chat.leafId) : [];
      const old = visible.find((m) => m.parentId === userMessageId && m.role === 'assistant');
      const requestId = crypto.randomUUID();
      if (old) regenerations.set(requestId, { oldId: old.id, parentId: userMessageId });
      set((s) => ({
        chat: { ...s.chat, ownRequests: [...s.chat.ownRequests, requestId], notice: null },
        comparePrompt: null,
      }));
      transport.post({ type: 'regenerate', requestId, userMessageId });
    },

    answerComparePrompt(answer) {
      const prompt = get().comparePrompt;
      const message = prompt && get().chat.messages[prompt.newId];
      if (!prompt || !message) return;
      const comparison: Comparison = {
        id: crypto.randomUUID(),
        conversationId: message.conversationId,
        parentId: prompt.parentId,
        kind: 'pair',
        ranking: answer === 'worse' ? [prompt.oldId, prompt.newId] : [prompt.newId, prompt.oldId],
        ...(answer === 'same' ? { ties: true } : {}),
        createdAt: Date.now(),
      };
      set({ comparePrompt: null });
      persist(data.saveComparison(comparison));
    },

    dismissComparePrompt() {
      set({ comparePrompt: null });
    },

    startCompare(userMessageId, count) {
      const requestIds = Array.from({ length: Math.min(4, Math.max(2, count)) }, () =>
        crypto.randomUUID(),
      );
      set((s) => ({
        chat: { ...s.chat, ownRequests: [...s.chat.ownRequests, ...requestIds], notice: null },
        compareSession: { parentId: userMessageId, waiting: requestIds, order: [], generated: [] },
        comparePrompt: null,
      }));
      // Parallel requests: each alternative streams on its own.
      for (const requestId of requestIds)
        transport.post({ type: 'regenerate', requestId, userMessageId });
    },

    moveInCompare(messageId, direction) {
      const session = get().compareSession;
      if (!session) return;
      const order = [...session.order];
      const at = order.indexOf(messageId);
      const to = at + direction;
      if (at < 0 || to < 0 || to >= order.length) return;
      [order[at], order[to]] = [order[to] as string, order[at] as string];
      set({ compareSession: { ...session, order } });
    },

    finishCompare(bestFirst) {
      const session = get().compareSession;
      const best = bestFirst[0];
      const message = best ? get().chat.messages[best] : undefined;
      if (!session || !best || !message) return;
      const comparison: Comparison = {
        id: crypto.randomUUID(),
        conversationId: message.conversationId,
        parentId: session.parentId,
        kind: 'ranking',
        ranking: bestFirst,
        createdAt: Date.now(),
      };
      set({ compareSession: null });
      persist(data.saveComparison(comparison));
      // The chosen reply continues the conversation.
      get().selectLeaf(deepestLeaf(Object.values(get().chat.messages), best));
    },

    cancelCompare() {
      set({ compareSession: null });
    },

    editAndResend(userMessageId, text) {
      const { chat } = get();
      const original = chat.messages[userMessageId];
      if (!original || !chat.conversation || !text.trim()) return;
      const requestId = crypto.randomUUID();
      set((s) => ({
        chat: { ...s.chat, ownRequests: [...s.chat.ownRequests, requestId], notice: null },
      }));
      // A sibling of the original: both branches stay reachable through the pager.
      transport.post({
        type: 'send',
        requestId,
        conversationId: chat.conversation.id,
        parentId: original.parentId,
        text,
        attachments: original.attachments,
      });
    },

    reportModeration(messageId, kind) {
      const message = get().chat.messages[messageId];
      if (!message) return;
      const report: ModerationReport = {
        id: crypto.randomUUID(),
        messageId,
        conversationId: message.conversationId,
        kind,
        categories: message.moderation?.categories ?? [],
        ...(message.moderation?.scores ? { scores: message.moderation.scores } : {}),
        createdAt: Date.now(),
      };
      set((s) => ({
        reports: { ...s.reports, [messageId]: [...(s.reports[messageId] ?? []), kind] },
      }));
      persist(data.saveModerationReport(report));
    },

    async loadRatings(conversationId) {
      try {
        const list = await data.ratingsForConversation(conversationId);
        const reports = await data.reportsForConversation(conversationId);
        const byMessage: FeedbackSlice['reports'] = {};
        for (const r of reports)
          byMessage[r.messageId] = [...(byMessage[r.messageId] ?? []), r.kind];
        set({ ratings: Object.fromEntries(list.map((r) => [r.messageId, r])), reports: byMessage });
      } catch {
        set({ feedbackError: 'Ratings could not be read from browser storage.' });
      }
    },
  };

  /** Called by the store for every `started` event before it is folded in. */
  const onStarted = (event: StartedEvent) => {
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
  };

  return { slice, onStarted };
}
