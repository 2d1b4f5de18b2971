import { describe, expect, it } from 'vitest';
import { isAccidentalStop, STOP_GUARD_MS } from '@/lib/panel/stop-guard';

describe('Stop right after Send', () => {
  it('ignores the second click of a double-click on Send (Stop appears in the same spot)', () => {
    for (const gap of [0, 60, 120, 200, 299])
      expect(isAccidentalStop(1_000, 1_000 + gap)).toBe(true);
  });

  it('takes a Stop the user means, from 300 ms on', () => {
    expect(STOP_GUARD_MS).toBe(300);
    for (const gap of [300, 301, 600, 10_000])
      expect(isAccidentalStop(1_000, 1_000 + gap)).toBe(false);
  });

  it('takes any Stop when nothing was sent from here (a reply started elsewhere)', () => {
    expect(isAccidentalStop(null, 5)).toBe(false);
  });

  it('counts a click stamped before the send was handled as part of the double-click', () => {
    // The second click's input time can precede the handling of the first on a busy thread.
    expect(isAccidentalStop(1_000, 990)).toBe(true);
  });
});
