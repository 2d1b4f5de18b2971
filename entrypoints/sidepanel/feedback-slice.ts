/**
 * The feedback part of the panel's store: ratings, moderation reports, and the storage side of
 * "was this better or worse?" and Compare (the flows themselves are lib/panel/controller's).
 * Feedback is written to IndexedDB from here and never sent anywhere.
 */
import type { Comparison, ModerationReport, Rating, RatingReason } from '@/lib/model/feedback';
import type { ComparePrompt, CompareSession } from '@/lib/panel/controller';
import type { PanelChat } from '@/lib/panel/panel-state';
import type { PanelData } from './panel-data';

export type { ComparePrompt, CompareSession } from '@/lib/panel/controller';

export interface FeedbackSlice {
  ratings: Record<string, Rating>;
  /** Moderation reports made per message (false positive / false negative). */
  reports: Record<string, ('false_positive' | 'false_negative')[]>;
  comparePrompt: ComparePrompt | null;
  compareSession: CompareSession | null;
  feedbackError: string | null;
  rate(messageId: string, value: 'good' | 'bad', reasons?: RatingReason[], comment?: string): void;
  clearRating(messageId: string): void;
  regenerateWithPrompt(userMessageId: string, fix?: 'drop_attachments' | 'drop_older_turns'): void;
  answerComparePrompt(answer: 'better' | 'worse' | 'same'): void;
  dismissComparePrompt(): void;
  startCompare(userMessageId: string, count: number): void;
  moveInCompare(messageId: string, direction: -1 | 1): void;
  finishCompare(bestFirst: string[]): void;
  cancelCompare(): void;
  resumeCompare(session: CompareSession): void;
  editAndResend(userMessageId: string, text: string): void;
  loadRatings(conversationId: string): Promise<void>;
  reportModeration(messageId: string, kind: 'false_positive' | 'false_negative'): void;
}

interface Host {
  chat: PanelChat;
}

type Set = (
  partial: Partial<FeedbackSlice> | ((s: FeedbackSlice & Host) => Partial<FeedbackSlice & Host>),
) => void;
type Get = () => FeedbackSlice & Host;

/** The store's actions that lib/panel/controller implements (the store spreads them in). */
export type ControllerActions =
  | 'regenerateWithPrompt'
  | 'answerComparePrompt'
  | 'dismissComparePrompt'
  | 'startCompare'
  | 'moveInCompare'
  | 'finishCompare'
  | 'cancelCompare'
  | 'resumeCompare'
  | 'editAndResend';

/** The slice over PanelData (the writes) and an id maker; `saveComparison` is the controller's. */
export function createFeedbackSlice(set: Set, get: Get, data: PanelData, newId: () => string) {
  const persist = (work: Promise<unknown>) =>
    void work.catch(() =>
      set({ feedbackError: 'Parley could not save your feedback to browser storage.' }),
    );

  const slice: Omit<FeedbackSlice, ControllerActions> = {
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
        id: previous?.id ?? newId(),
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

    reportModeration(messageId, kind) {
      const message = get().chat.messages[messageId];
      if (!message) return;
      const report: ModerationReport = {
        id: newId(),
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
  return { slice, saveComparison: (c: Comparison) => persist(data.saveComparison(c)) };
}
