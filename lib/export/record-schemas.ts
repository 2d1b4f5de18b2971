/**
 * Closed schemas for conversations and messages as they come back from a file (or from storage
 * written by an older build). Every field has a type, a range or an enum and a length cap, and
 * unknown keys are stripped: a record either has exactly the shape the panel renders or is refused.
 * Dates are bounded by `now` (passed in, so the schemas stay pure): a date far in the future would
 * make a record the "latest" conversation the panel reopens, forever.
 */
import { z } from 'zod';
import type { ChatMessage, Conversation } from '../model/types';
import { notice } from '../model/notices';
import {
  CATEGORY_PATTERN,
  ERROR_CODES,
  INTERRUPT_REASONS,
  MAX_CATEGORIES,
  MAX_DETAIL,
  MODERATION_ACTIONS,
} from './record-rules';

const DAY_MS = 86_400_000;
/** Longest message or attached page text accepted (characters); replies are capped well below. */
export const MAX_TEXT = 5_000_000;
const MAX_SYSTEM_PROMPT = 100_000;
const MAX_LABEL = 1_000;

// Names that would reach an object's prototype if a record were ever used as a map key.
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Ids as Parley makes them (UUIDs, test seeds): short, plain characters, never a prototype key. */
export const idSchema = z
  .string()
  .regex(/^[\w.:-]{1,128}$/)
  .refine((id) => !RESERVED.has(id));

const label = (max = MAX_LABEL) => z.string().max(max);
const count = (max: number) => z.number().int().min(0).max(max);

/** Milliseconds since the epoch, not later than a day after `now`. */
export function timestampSchema(now: number) {
  return z
    .number()
    .min(0)
    .max(now + DAY_MS);
}

const categorySchema = z.string().regex(CATEGORY_PATTERN);
/**
 * Moderation category names as imports accept them: bounded and pattern-checked, since files are
 * untrusted.
 */
export const categoriesSchema = z.array(categorySchema).max(MAX_CATEGORIES);

/** A message state as imports accept it: the same union as lib/model, checked field by field. */
export const messageStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pending') }),
  z.object({ kind: z.literal('streaming') }),
  z.object({ kind: z.literal('complete') }),
  z.object({ kind: z.literal('stopped') }),
  z.object({ kind: z.literal('interrupted'), reason: z.enum(INTERRUPT_REASONS) }),
  z.object({
    kind: z.literal('error'),
    code: z.enum(ERROR_CODES),
    detail: label(MAX_DETAIL).optional(),
  }),
  z.object({ kind: z.literal('blocked'), categories: categoriesSchema }),
]);

/** A stored moderation verdict as imports accept it. */
export const moderationSchema = z.object({
  flagged: z.boolean(),
  categories: categoriesSchema,
  scores: z
    .record(categorySchema, z.number().min(0).max(1))
    .refine((scores) => Object.keys(scores).length <= MAX_CATEGORIES)
    .optional(),
  checked: z.boolean(),
  action: z.enum(MODERATION_ACTIONS).optional(),
});

const attachmentSchema = z.object({
  id: idSchema,
  kind: z.literal('selection'),
  text: z.string().max(MAX_TEXT),
  language: z
    .string()
    .regex(/^[a-z0-9+#.-]{1,40}$/)
    .optional(),
  source: z.object({ url: label(4_096), title: label(), topUrl: label(4_096).optional() }),
  truncated: z.object({ kept: count(MAX_TEXT), total: count(1e9) }).optional(),
  hiddenTextRemoved: z.boolean().optional(),
  hiddenPassages: z
    .object({
      count: count(1e6),
      reasons: z.array(z.string().regex(/^[a-z-]{1,40}$/)).max(32),
    })
    .optional(),
  formattingLost: z.boolean().optional(),
});

/** A message as a file may carry it; `conversationId` is checked against its bundle separately. */
export function messageSchema(now: number) {
  const time = timestampSchema(now);
  return z.object({
    id: idSchema,
    conversationId: idSchema,
    parentId: idSchema.nullable(),
    role: z.enum(['system', 'user', 'assistant']),
    content: z.string().max(MAX_TEXT),
    attachments: z.array(attachmentSchema).max(32),
    state: messageStateSchema,
    model: label(200).optional(),
    usage: z
      .object({
        promptTokens: count(1e9).optional(),
        completionTokens: count(1e9).optional(),
      })
      .optional(),
    moderation: moderationSchema.optional(),
    droppedTurns: count(1e6).optional(),
    createdAt: time,
    updatedAt: time,
  }) satisfies z.ZodType<ChatMessage>;
}

/**
 * A conversation as a file may carry it. `hidden` and `purgeAfter` are not accepted (stripped):
 * a file can neither add a conversation the list does not show nor schedule a deletion.
 */
export function conversationSchema(now: number) {
  const time = timestampSchema(now);
  return z.object({
    id: idSchema,
    title: label(500),
    createdAt: time,
    updatedAt: time,
    model: label(200),
    systemPrompt: z.string().max(MAX_SYSTEM_PROMPT),
    currentLeafId: idSchema.nullable(),
    pinned: z.boolean().optional(),
    titledByModel: z.boolean().optional(),
  }) satisfies z.ZodType<Conversation>;
}

/** A short, readable account of the first problem zod found: the field and what was wrong. */
export function describeIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return notice('issueNotValid', prefix);
  const field = [prefix, ...issue.path.map(String)].join('.');
  const what =
    issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
      ? 'issueMissing'
      : issue.code === 'too_big' || issue.code === 'too_small'
        ? 'issueOutOfRange'
        : issue.code === 'invalid_type'
          ? 'issueWrongType'
          : 'issueUnknownValue';
  return notice(what, field);
}
