/**
 * The panel's only way into IndexedDB: every read and write the panel makes, as one interface
 * injected like the transport (createChatStore(transport, data)), and the Dexie-backed
 * implementation main.tsx creates. Components never import lib/db; they get these operations
 * through props.
 */
import type { Conversation, ChatMessage } from '@/lib/model/types';
import type { Comparison, ModerationReport, Rating } from '@/lib/model/feedback';
import type { ConversationBundle } from '@/lib/export/conversation';
import type { DrawerData } from '@/components/drawer/conversation-drawer';
import type { ConversationFilesData } from '@/components/drawer/conversation-files';
import type { FeedbackDataSource } from '@/components/settings/feedback-data';
import { getDb, reopenIfClosed, type ParleyDb } from '@/lib/db/schema';
import {
  feedbackCountFor,
  getConversation,
  getMessages,
  latestConversation,
  purgeDeletedConversations,
  restoreConversation,
  setCurrentLeaf,
  softDeleteConversation,
} from '@/lib/db/conversations';
import {
  listConversations,
  loadBundles,
  renameConversation,
  searchableMessages,
  setPinned,
} from '@/lib/db/conversation-list';
import {
  deleteRating,
  feedbackCounts,
  loadFeedbackData,
  ratingsForConversation,
  replaceFeedback,
  saveComparison,
  saveModerationReport,
  saveRating,
} from '@/lib/db/feedback';

/** What the panel reads and writes in browser storage. */
export interface PanelData extends DrawerData, ConversationFilesData, FeedbackDataSource {
  /** Tries a database that failed to open before again (it may work now). */
  reopenIfClosed(): Promise<void>;
  getConversation(id: string): Promise<Conversation | undefined>;
  latestConversation(): Promise<Conversation | undefined>;
  getMessages(conversationId: string): Promise<ChatMessage[]>;
  setCurrentLeaf(conversationId: string, leafId: string): Promise<void>;
  updateConversation(id: string, patch: { model: string; systemPrompt: string }): Promise<void>;
  loadBundles(ids?: readonly string[]): Promise<ConversationBundle[]>;
  softDeleteConversation(
    id: string,
    options: { keepFeedback: boolean; purgeAfter: number },
  ): Promise<void>;
  restoreConversation(id: string): Promise<void>;
  purgeDeletedConversations(now: number): Promise<number>;
  feedbackCountFor(conversationId: string): Promise<number>;
  saveRating(rating: Rating): Promise<void>;
  deleteRating(id: string): Promise<void>;
  ratingsForConversation(conversationId: string): Promise<Rating[]>;
  reportsForConversation(conversationId: string): Promise<ModerationReport[]>;
  saveComparison(comparison: Comparison): Promise<void>;
  saveModerationReport(report: ModerationReport): Promise<void>;
}

/** PanelData over the extension's Dexie database (opened on first use, as getDb() does). */
export function createDexiePanelData(): PanelData {
  const db = getDb;
  // Each operation is a lib/db function given the database at the call (one wrapper, small bundle).
  const withDb =
    <A extends unknown[], R>(f: (db: ParleyDb, ...args: A) => R) =>
    (...args: A): R =>
      f(db(), ...args);
  return {
    reopenIfClosed: withDb(reopenIfClosed),
    getConversation: withDb(getConversation),
    latestConversation: withDb(latestConversation),
    getMessages: withDb(getMessages),
    setCurrentLeaf: withDb(setCurrentLeaf),
    updateConversation: async (id, patch) => {
      await db().conversations.update(id, patch);
    },
    // The drawer's list, search, rename and pin; opening the list retries a database that failed
    // to open before (it may work now).
    list: () => reopenIfClosed(db()).then(() => listConversations(db())),
    messages: withDb(searchableMessages),
    rename: withDb(renameConversation),
    pin: withDb(setPinned),
    loadBundles: withDb(loadBundles),
    // The import code loads with its first use (the drawer's Import), not with the panel.
    importBundles: async (bundles, options) =>
      (await import('@/lib/db/import')).importBundles(db(), bundles, options),
    softDeleteConversation: withDb(softDeleteConversation),
    restoreConversation: withDb(restoreConversation),
    purgeDeletedConversations: withDb(purgeDeletedConversations),
    feedbackCountFor: withDb(feedbackCountFor),
    saveRating: withDb(saveRating),
    deleteRating: withDb(deleteRating),
    ratingsForConversation: withDb(ratingsForConversation),
    reportsForConversation: (conversationId) =>
      db().moderationReports.where('conversationId').equals(conversationId).toArray(),
    saveComparison: withDb(saveComparison),
    saveModerationReport: withDb(saveModerationReport),
    feedbackCounts: withDb(feedbackCounts),
    loadFeedbackData: withDb(loadFeedbackData),
    replaceFeedback: withDb(replaceFeedback),
  };
}
