/**
 * The shapes of every exported JSONL line, as zod schemas: tests validate exports against them
 * and the importer refuses anything that does not match.
 */
import { z } from 'zod';
import {
  categoriesSchema,
  idSchema,
  MAX_TEXT,
  moderationSchema,
  timestampSchema,
} from './record-schemas';

const chatMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
const assistantMessage = z.object({ role: z.literal('assistant'), content: z.string() });

/** OpenAI preference fine-tuning (DPO) line. */
export const preferencePairSchema = z.object({
  input: z.object({ messages: z.array(chatMessage).min(1) }),
  preferred_output: z.array(assistantMessage).length(1),
  non_preferred_output: z.array(assistantMessage).length(1),
});

/** OpenAI supervised fine-tuning line. */
export const sftExampleSchema = z.object({
  messages: z.array(chatMessage).min(2),
});

const MAX_COMMENT = 10_000;
const MAX_RANKED = 16;

/**
 * The raw feedback records, closed: ids as Parley makes them, enums for every kind and reason,
 * dates from the epoch to a day after `now`, and caps on every text and list. Unknown keys are
 * stripped, so nothing the panel does not know lands in storage.
 */
export function feedbackRecordSchemaAt(now: number) {
  const time = timestampSchema(now);
  const text = z.string().max(MAX_TEXT);
  const ratingRecord = z.object({
    type: z.literal('rating'),
    id: idSchema,
    messageId: idSchema,
    conversationId: idSchema,
    value: z.enum(['good', 'bad']),
    reasons: z
      .array(z.enum(['harmful', 'untrue', 'unhelpful']))
      .max(3)
      .refine(unique),
    comment: z.string().max(MAX_COMMENT),
    model: z.string().max(200).optional(),
    createdAt: time,
    updatedAt: time,
    reply: text.optional(),
  });
  const comparisonRecord = z.object({
    type: z.literal('comparison'),
    id: idSchema,
    conversationId: idSchema,
    parentId: idSchema,
    kind: z.enum(['pair', 'ranking']),
    ranking: z.array(idSchema).min(2).max(MAX_RANKED).refine(unique),
    ties: z.boolean().optional(),
    createdAt: time,
    replies: z.array(text).max(MAX_RANKED).optional(),
  });
  const reportRecord = z.object({
    type: z.literal('moderation_report'),
    id: idSchema,
    messageId: idSchema,
    conversationId: idSchema,
    kind: z.enum(['false_positive', 'false_negative']),
    categories: categoriesSchema,
    scores: moderationSchema.shape.scores,
    createdAt: time,
    text: text.optional(),
  });
  return z.discriminatedUnion('type', [ratingRecord, comparisonRecord, reportRecord]);
}

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

/** The latest date a JavaScript Date can hold: the export-shape check has no "now" to bound by. */
const MAX_DATE = 8.64e15 - 86_400_000;

/** The shape of every exported record (tests check exports against it); imports bound dates by now. */
export const feedbackRecordSchema = feedbackRecordSchemaAt(MAX_DATE);

/**
 * One line of a preference-pair export, typed from its schema so the builder and the check agree.
 */
export type PreferencePairLine = z.infer<typeof preferencePairSchema>;
/** One line of a supervised fine-tuning export, typed from its schema. */
export type SftExampleLine = z.infer<typeof sftExampleSchema>;
/** One line of a feedback file (rating, comparison or report), typed from its schema. */
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

/** One JSON document per line, newline-terminated (what fine-tuning uploads expect). */
export function toJsonl(lines: readonly unknown[]): string {
  return lines.map((line) => JSON.stringify(line)).join('\n') + (lines.length ? '\n' : '');
}
