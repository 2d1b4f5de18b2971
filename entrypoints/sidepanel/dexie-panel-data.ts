/**
 * The Dexie-backed PanelData, loaded by main.tsx with a dynamic import so Dexie (~30 KiB gzipped)
 * and lib/db stay out of the panel's initial JS (DESIGN §8, M9); panel-data.ts wraps it.
 */
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

import { injectE2EStorageFaults } from '@/tests/hooks/fault-source';
import type { PanelData } from './panel-data';

// Tests make the database fail to open or to write (DESIGN §7); at this module's load, before the
// database's first use. The hook lives in tests/hooks: behind this compile-time branch, the
// production build drops it.
if (import.meta.env.MODE === 'e2e') injectE2EStorageFaults(getDb());

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
