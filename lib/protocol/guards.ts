/**
 * Small hand-written shape checks for the protocol's guards. Hand-written rather than zod: the side
 * panel validates every event and answer with these, and its initial bundle has a size budget.
 */

/** A check of one value: whether it has the shape the contract promises. */
export type Check = (value: unknown) => boolean;

/** A type guard for `T`, the typed face of a check. */
export type Guard<T> = (value: unknown) => value is T;

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string. */
export const isString = (v: unknown): v is string => typeof v === 'string';
/** A string or null (a parent id, a conversation not created yet). */
export const isNullableString = (v: unknown): v is string | null => v === null || isString(v);
/** A boolean. */
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
/** A finite number (a time in ms since the epoch, a score). */
export const isNumber = (v: unknown): v is number => Number.isFinite(v);
/** A whole number ≥ 0 (a sequence number, an offset, a length). */
export const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

// Marked free of side effects so a bundle drops the guard tables it does not use (the panel
// never parses its own requests, the worker never parses RPC answers).

/** The check with `undefined` allowed too (an optional field). */
/*@__NO_SIDE_EFFECTS__*/
export function optional(check: Check): Check {
  return (v) => v === undefined || check(v);
}

/** An array of at most `max` items, each passing `check`. */
/*@__NO_SIDE_EFFECTS__*/
export function arrayOf(check: Check, max = Infinity): Check {
  return (v) => Array.isArray(v) && v.length <= max && v.every(check);
}

/** One of the listed literal values. */
/*@__NO_SIDE_EFFECTS__*/
export function oneOf(...values: readonly unknown[]): Check {
  return (v) => values.includes(v);
}

/** An object whose every listed field passes its check (fields not listed are not looked at). */
/*@__NO_SIDE_EFFECTS__*/
export function shape(fields: Record<string, Check>): Check {
  return (v) => isRecord(v) && Object.entries(fields).every(([key, check]) => check(v[key]));
}

/** The message if its `type` is one of `guards` and it passes that type's guard, else null. */
export function parseWith<T>(guards: Record<string, Check>, value: unknown): T | null {
  if (!isRecord(value) || !isString(value.type) || !Object.hasOwn(guards, value.type)) return null;
  return guards[value.type]?.(value) ? (value as T) : null;
}

/** Longest text a message may carry across the port. */
export const MAX_TEXT = 2_000_000;
/** Ids are UUIDs (36 characters); anything far longer is not one of ours. */
export const MAX_ID = 200;
