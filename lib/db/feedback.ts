/** Ratings, comparisons and moderation reports in IndexedDB. Written by the panel, never sent. */
import type { Comparison, ModerationReport, Rating } from '../model/feedback';
import type { FeedbackSets } from '../export/feedback-records';
import type { FeedbackData } from '../export/context';
import type { ParleyDb } from './schema';

/** Stores (or replaces, by id) one thumbs rating: what the panel shows and the SFT export reads. */
export async function saveRating(db: ParleyDb, rating: Rating): Promise<void> {
  await db.ratings.put(rating);
}

/** Removes a rating when the user clears their thumbs. */
export async function deleteRating(db: ParleyDb, id: string): Promise<void> {
  await db.ratings.delete(id);
}

/** A conversation's ratings, to show the thumbs state when it is opened. */
export async function ratingsForConversation(
  db: ParleyDb,
  conversationId: string,
): Promise<Rating[]> {
  return db.ratings.where('conversationId').equals(conversationId).toArray();
}

/** Stores one side-by-side comparison, the source of preference-pair exports. */
export async function saveComparison(db: ParleyDb, comparison: Comparison): Promise<void> {
  await db.comparisons.put(comparison);
}

/** Stores the user's report that a moderation verdict was wrong, for export and review. */
export async function saveModerationReport(db: ParleyDb, report: ModerationReport): Promise<void> {
  await db.moderationReports.put(report);
}

/** How many ratings, comparisons and reports exist, for the settings page's export summary. */
export async function feedbackCounts(
  db: ParleyDb,
): Promise<{ ratings: number; comparisons: number; reports: number }> {
  const [ratings, comparisons, reports] = await Promise.all([
    db.ratings.count(),
    db.comparisons.count(),
    db.moderationReports.count(),
  ]);
  return { ratings, comparisons, reports };
}

/** Everything an export needs: the feedback and the conversations it refers to. */
export async function loadFeedbackData(db: ParleyDb): Promise<FeedbackData> {
  const [ratings, comparisons, reports] = await Promise.all([
    db.ratings.toArray(),
    db.comparisons.toArray(),
    db.moderationReports.toArray(),
  ]);
  const conversationIds = [
    ...new Set([...ratings, ...comparisons, ...reports].map((f) => f.conversationId)),
  ];
  const [conversations, messages] = await Promise.all([
    db.conversations.bulkGet(conversationIds),
    db.messages.where('conversationId').anyOf(conversationIds).toArray(),
  ]);
  return {
    conversations: conversations.filter((c) => c !== undefined),
    messages,
    ratings,
    comparisons,
    reports,
  };
}

/** Writes a merge result in one transaction: an import either lands whole or not at all. */
export async function replaceFeedback(db: ParleyDb, sets: FeedbackSets): Promise<void> {
  await db.transaction('rw', db.ratings, db.comparisons, db.moderationReports, async () => {
    await db.ratings.bulkPut(sets.ratings);
    await db.comparisons.bulkPut(sets.comparisons);
    await db.moderationReports.bulkPut(sets.reports);
  });
}
