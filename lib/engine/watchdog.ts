/**
 * The silence watchdog of one attempt (DESIGN §2). Before the first token a local server may be
 * reading a long prompt in silence for minutes while the connection stays open: that wait has
 * its own generous cap. Once tokens flow, silence longer than the stall limit ends the reply.
 */

/** The limits a watchdog applies, in milliseconds. */
export interface SilenceLimits {
  /** Silence between parts, once the first part has arrived. */
  stallMs: number;
  /** The wait for the first part while the connection is open (the prompt is being read). */
  firstTokenMs: number;
  /** The wait for the response headers (the request timeout), which the first wait covers. */
  headersMs?: number;
}

/** How long the stream may stay silent now: the first-token cap until a part has arrived. */
export function silenceLimitMs(limits: SilenceLimits, receivedAny: boolean): number {
  if (receivedAny) return limits.stallMs;
  return Math.max(limits.firstTokenMs, limits.stallMs, limits.headersMs ?? 0);
}

/** A re-armable one-shot timer: `arm` moves its deadline, `fire` runs once the deadline passes. */
export interface Watchdog {
  arm(ms: number): void;
  clear(): void;
}

/**
 * Re-arming moves a deadline; the one timer checks it when it fires, and is replaced only when
 * the deadline comes earlier. Clearing and setting a timer per token was a tenth of the worker's
 * time at 1,000 tokens/s (bench M6).
 */
export function createWatchdog(
  fire: () => void,
  now: () => number = () => performance.now(),
): Watchdog {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deadline = 0;
  let firesAt = Infinity;
  const schedule = (at: number) => {
    clearTimeout(timer);
    firesAt = at;
    timer = setTimeout(check, Math.max(0, at - now()));
  };
  const check = () => {
    if (deadline > now()) return schedule(deadline);
    firesAt = Infinity;
    fire();
  };
  return {
    arm(ms) {
      deadline = now() + ms;
      if (deadline < firesAt) schedule(deadline);
    },
    clear() {
      clearTimeout(timer);
      firesAt = Infinity;
    },
  };
}
