/**
 * Feedback on replies, kept locally: ratings, comparisons between alternatives, and reports of
 * moderation mistakes. Exported as fine-tuning data on request; never sent anywhere by itself.
 */
export type RatingReason = 'harmful' | 'untrue' | 'unhelpful';

/** The words the thumbs-down dialog shows for each reason; stored records keep only the code. */
export const REASON_LABELS: Record<RatingReason, string> = {
  harmful: 'This is harmful / unsafe',
  untrue: "This isn't true",
  unhelpful: "This isn't helpful",
};

/** A thumbs rating of one reply, with its reasons and comment: the source of SFT exports. */
export interface Rating {
  id: string;
  messageId: string;
  conversationId: string;
  value: 'good' | 'bad';
  reasons: RatingReason[];
  comment: string;
  model?: string;
  createdAt: number;
  updatedAt: number;
}

/** The user's ranking of replies to the same message: the source of preference-pair exports. */
export interface Comparison {
  id: string;
  conversationId: string;
  /** The user message both replies answer. */
  parentId: string;
  kind: 'pair' | 'ranking';
  /** Message ids best → worst; for a pair: [better, worse]. */
  ranking: string[];
  /** "Same": no preference between the pair. */
  ties?: boolean;
  createdAt: number;
}

/** The user's report that a moderation verdict on a message was wrong. */
export interface ModerationReport {
  id: string;
  messageId: string;
  conversationId: string;
  kind: 'false_positive' | 'false_negative';
  categories: string[];
  scores?: Record<string, number>;
  createdAt: number;
}
