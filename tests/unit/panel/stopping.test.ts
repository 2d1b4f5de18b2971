import { describe, expect, it } from 'vitest';
import { createStopTracker } from '@/lib/panel/stopping';
import { parsePanelMessage, type BackgroundToPanel } from '@/lib/protocol';

const delta = (messageId: string, seq: number): BackgroundToPanel => ({
  type: 'delta',
  messageId,
  seq,
  offset: 0,
  text: 'x',
});

describe('Stop in the panel', () => {
  it('drops the stopped reply’s queued and arriving text until its terminal state', () => {
    const tracker = createStopTracker();
    const queue = [delta('a', 1), delta('b', 1), delta('a', 2)];
    expect(tracker.stop('a', queue)).toEqual([delta('b', 1)]);
    expect(tracker.admit(delta('a', 3))).toBe(false);
    expect(tracker.admit(delta('b', 2))).toBe(true);
    const end: BackgroundToPanel = {
      type: 'state',
      messageId: 'a',
      seq: 4,
      state: { kind: 'stopped' },
      content: 'x',
    };
    expect(tracker.admit(end)).toBe(true);
    expect(tracker.admit(delta('a', 5))).toBe(true);
  });

  it('the Stop request carries the length shown, validated where it is received', () => {
    expect(parsePanelMessage({ type: 'stop', messageId: 'm', shownLength: 12 })).toEqual({
      type: 'stop',
      messageId: 'm',
      shownLength: 12,
    });
    expect(parsePanelMessage({ type: 'stop', messageId: 'm' })).not.toBeNull();
    expect(parsePanelMessage({ type: 'stop', messageId: 'm', shownLength: -1 })).toBeNull();
    expect(parsePanelMessage({ type: 'stop', messageId: 'm', shownLength: '5' })).toBeNull();
  });
});
