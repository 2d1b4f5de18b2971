/**
 * The panel's only way into IndexedDB: every read and write the panel makes, as one interface
 * injected like the transport (createChatStore(transport, data)), and the Dexie-backed
 * implementation main.tsx creates. Components never import lib/db; they get these operations
 * through props.
 */
import type { Conversation, ChatMessage } from '@/lib/model/types';
import type { Comparison, ModerationReport, Rating } from '@/lib/model/feedback';
import type { ConversationBundle } from '@/lib/export/conversation';
import type { DrawerData } from '@/components/history/conversation-drawer';
import type { ConversationFilesData } from '@/components/history/conversation-files';
import type { FeedbackDataSource } from '@/components/settings/feedback-data';
import { getDb, reopenIfClosed } from '@/lib/db/schema';
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
export interface PanelData extends ConversationFilesData, FeedbackDataSource {
  /** Tries a database that failed to open before again (it may work now). */
  reopenIfClosed(): Promise<void>;
  getConversation(id: string): Promise<Conversation | undefined>;
  latestConversation(): Promise<Conversation | undefined>;
  getMessages(conversationId: string): Promise<ChatMessage[]>;
  setCurrentLeaf(conversationId: string, leafId: string): Promise<void>;
  updateConversation(id: string, patch: { model: string; systemPrompt: string }): Promise<void>;
  listConversations(): Promise<Conversation[]>;
  searchableMessages(): Promise<ChatMessage[]>;
  renameConversation(id: string, title: string): Promise<void>;
  setPinned(id: string, pinned: boolean): Promise<void>;
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
  return {
    reopenIfClosed: () => reopenIfClosed(db()),
    getConversation: (id) => getConversation(db(), id),
    latestConversation: () => latestConversation(db()),
    getMessages: (conversationId) => getMessages(db(), conversationId),
    setCurrentLeaf: (conversationId, leafId) => setCurrentLeaf(db(), conversationId, leafId),
    updateConversation: async (id, patch) => {
      await db().conversations.update(id, patch);
    },
    listConversations: () => listConversations(db()),
    searchableMessages: () => searchableMessages(db()),
    renameConversation: (id, title) => renameConversation(db(), id, title),
    setPinned: (id, pinned) => setPinned(db(), id, pinned),
    loadBundles: (ids) => loadBundles(db(), ids),
    // The import code loads with its first use (the drawer's Import), not with the panel.
    importBundles: async (bundles, options) =>
      (await import('@/lib/db/import')).importBundles(db(), bundles, options),
    softDeleteConversation: (id, options) => softDeleteConversation(db(), id, options),
    restoreConversation: (id) => restoreConversation(db(), id),
    purgeDeletedConversations: (now) => purgeDeletedConversations(db(), now),
    feedbackCountFor: (conversationId) => feedbackCountFor(db(), conversationId),
    saveRating: (rating) => saveRating(db(), rating),
    deleteRating: (id) => deleteRating(db(), id),
    ratingsForConversation: (conversationId) => ratingsForConversation(db(), conversationId),
    reportsForConversation: (conversationId) =>
      db().moderationReports.where('conversationId').equals(conversationId).toArray(),
    saveComparison: (comparison) => saveComparison(db(), comparison),
    saveModerationReport: (report) => saveModerationReport(db(), report),
    feedbackCounts: () => feedbackCounts(db()),
    loadFeedbackData: () => loadFeedbackData(db()),
    replaceFeedback: (sets) => replaceFeedback(db(), sets),
  };
}

/** The drawer's view of the data: opening the list retries a database that failed before. */
export function drawerData(data: PanelData): DrawerData {
  return {
    list: () => data.reopenIfClosed().then(() => data.listConversations()),
    messages: () => data.searchableMessages(),
    rename: (id, title) => data.renameConversation(id, title),
    pin: (id, pinned) => data.setPinned(id, pinned),
  };
}
