/**
 * Send turns into "Stop generating" in the same spot, so the second click of a double-click on
 * Send (60–200 ms later) used to stop the reply it had just started (issue 12, item 10). Only a
 * Send clicked with a pointer arms the guard: after Enter, a click on Stop is meant.
 */

/** A Stop this soon after Send is taken as the tail of a double-click, not a decision. */
export const STOP_GUARD_MS = 300;

/**
 * Whether a Stop click stamped `at` (an input event's timeStamp) should be ignored because Send
 * was clicked at `sentAt` (same clock) less than `windowMs` before. A click stamped before the
 * send was handled (a busy main thread) counts too. `sentAt` null: nothing was sent from here.
 */
export function isAccidentalStop(
  sentAt: number | null,
  at: number,
  windowMs: number = STOP_GUARD_MS,
): boolean {
  return sentAt !== null && at - sentAt < windowMs;
}
