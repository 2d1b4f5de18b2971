import { describe, expect, it } from 'vitest';
import { FOLD_BUDGET_CHARS, nextBudget, takeWithinBudget } from '@/lib/panel/fold-budget';
import type { BackgroundToPanel } from '@/lib/protocol';

const delta = (seq: number, size: number, messageId = 'm'): BackgroundToPanel => ({
  type: 'delta',
  messageId,
  seq,
  offset: 0,
  text: 'x'.repeat(size),
});
const state = (seq: number): BackgroundToPanel => ({
  type: 'state',
  messageId: 'm',
  seq,
  state: { kind: 'streaming' },
});

describe('fold budget per frame', () => {
  it('takes everything a normal stream sends in a frame', () => {
    const events = [delta(1, 40), state(2), delta(3, 60)];
    expect(takeWithinBudget(events)).toEqual({ now: events, later: [] });
  });

  it('leaves text past the budget for the next frames, in order', () => {
    const events = [delta(1, 20_000), state(2), delta(3, 20_000), delta(4, 10)];
    const { now, later } = takeWithinBudget(events);
    expect(now).toEqual(events.slice(0, 2));
    expect(later).toEqual(events.slice(2));
    expect(FOLD_BUDGET_CHARS).toBe(32_768);
  });

  it('always makes progress, even with one delta larger than the budget', () => {
    const events = [delta(1, 100_000), delta(2, 5)];
    expect(takeWithinBudget(events).now).toEqual([events[0]]);
  });

  it('jumps to the end of a reply whose terminal state is queued (it carries the whole text)', () => {
    const end: BackgroundToPanel = {
      type: 'state',
      messageId: 'm',
      seq: 9,
      state: { kind: 'interrupted', reason: 'too_long' },
      content: 'all of it',
    };
    const other = delta(1, 50_000, 'n');
    const events = [delta(1, 50_000), delta(2, 50_000), other, end];
    expect(takeWithinBudget(events)).toEqual({ now: [other, end], later: [] });
  });
});

describe('the budget follows the frames', () => {
  it('halves after a slow frame, doubles after a quick one, within bounds', () => {
    expect(nextBudget(32_768, 200)).toBe(16_384);
    expect(nextBudget(32_768, 10)).toBe(65_536);
    expect(nextBudget(32_768, 33)).toBe(32_768);
    expect(nextBudget(4_096, 500)).toBe(4_096);
    expect(nextBudget(256 * 1024, 1)).toBe(256 * 1024);
  });
});
