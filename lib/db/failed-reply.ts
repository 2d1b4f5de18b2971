/**
 * Retry after an error replaces the error (issue 16): a failed reply that showed no text is
 * removed once its replacement is written, so it never becomes a variant to page through or rank.
 */
import { isEmptyFailure } from '../model/types';
import type { ParleyDb } from './schema';
import { deleteChunks } from './reply-chunks';

/**
 * Deletes a failed, empty reply to `parentId` that nothing continues from (no child message),
 * with its ratings and reports; anything else is left as it is. Says whether it deleted.
 */
export async function removeFailedReply(
  db: ParleyDb,
  messageId: string,
  parentId: string,
): Promise<boolean> {
  return db.transaction(
    'rw',
    [db.messages, db.replyChunks, db.ratings, db.moderationReports],
    async () => {
      const message = await db.messages.get(messageId);
      if (!isEmptyFailure(message) || message.parentId !== parentId) return false;
      if ((await db.messages.where('parentId').equals(messageId).count()) > 0) return false;
      await deleteChunks(db, messageId);
      await db.ratings.where('messageId').equals(messageId).delete();
      await db.moderationReports.where('messageId').equals(messageId).delete();
      await db.messages.delete(messageId);
      return true;
    },
  );
}
