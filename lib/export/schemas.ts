/**
 * The shapes of every exported JSONL line, as zod schemas: tests validate exports against them
 * and the importer refuses anything that does not match.
 */
import { z } from 'zod';

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

const ratingRecord = z.object({
  type: z.literal('rating'),
  id: z.string().min(1),
  messageId: z.string().min(1),
  conversationId: z.string().min(1),
  value: z.enum(['good', 'bad']),
  reasons: z.array(z.enum(['harmful', 'untrue', 'unhelpful'])),
  comment: z.string(),
  model: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  reply: z.string().optional(),
});

const comparisonRecord = z.object({
  type: z.literal('comparison'),
  id: z.string().min(1),
  conversationId: z.string().min(1),
  parentId: z.string().min(1),
  kind: z.enum(['pair', 'ranking']),
  ranking: z.array(z.string()).min(2),
  ties: z.boolean().optional(),
  createdAt: z.number(),
  replies: z.array(z.string()).optional(),
});

const reportRecord = z.object({
  type: z.literal('moderation_report'),
  id: z.string().min(1),
  messageId: z.string().min(1),
  conversationId: z.string().min(1),
  kind: z.enum(['false_positive', 'false_negative']),
  categories: z.array(z.string()),
  scores: z.record(z.string(), z.number()).optional(),
  createdAt: z.number(),
  text: z.string().optional(),
});

export const feedbackRecordSchema = z.discriminatedUnion('type', [
  ratingRecord,
  comparisonRecord,
  reportRecord,
]);

export type PreferencePairLine = z.infer<typeof preferencePairSchema>;
export type SftExampleLine = z.infer<typeof sftExampleSchema>;
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

/** One JSON document per line, newline-terminated (what fine-tuning uploads expect). */
export function toJsonl(lines: readonly unknown[]): string {
  return lines.map((line) => JSON.stringify(line)).join('\n') + (lines.length ? '\n' : '');
}
