/**
 * The options page's way into IndexedDB: what its Feedback data section reads and writes (the side
 * panel has its own, entrypoints/sidepanel/panel-data.ts; each page owns its storage access).
 */
import type { FeedbackDataSource } from '@/components/settings/feedback-data';
import { getDb } from '@/lib/db/schema';
import { feedbackCounts, loadFeedbackData, replaceFeedback } from '@/lib/db/feedback';

export function createDexieOptionsData(): FeedbackDataSource {
  return {
    feedbackCounts: () => feedbackCounts(getDb()),
    loadFeedbackData: () => loadFeedbackData(getDb()),
    replaceFeedback: (sets) => replaceFeedback(getDb(), sets),
  };
}
