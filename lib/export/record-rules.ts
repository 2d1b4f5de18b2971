/**
 * The limits a stored or imported record must keep, as plain data: the import's zod schemas
 * (record-schemas.ts) and the panel's render-time guard (record-guard.ts) both read them, so the
 * two can never disagree, while the panel's initial bundle carries no schema library.
 */
import type { ErrorCode, InterruptReason } from '../model/types';
import { ERROR_MESSAGES, INTERRUPT_MESSAGES } from '../llm/errors';

/** Most moderation categories (or scores) one record may carry. */
export const MAX_CATEGORIES = 64;
/** Longest error detail kept with an error state. */
export const MAX_DETAIL = 2_000;

// The codes the UI has a sentence for: taken from the sentence tables themselves, so a code added
// to lib/model/types.ts (and given its sentence) is accepted without a second list to update.
/** Every error code the UI has a sentence for. */
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]];
/** Every interruption reason the UI has a sentence for. */
export const INTERRUPT_REASONS = Object.keys(INTERRUPT_MESSAGES) as [
  InterruptReason,
  ...InterruptReason[],
];
/** Moderation actions a record may name. */
export const MODERATION_ACTIONS = ['none', 'warn', 'block'] as const;

/** Moderation category names: plain words and slashes (`self-harm/intent`, `S1`). */
export const CATEGORY_PATTERN = /^[A-Za-z0-9][\w ./-]{0,99}$/;

/** Whether `value` is a category name a record may carry. */
export function isCategory(value: unknown): value is string {
  return typeof value === 'string' && CATEGORY_PATTERN.test(value);
}
