import { describe, expect, it } from 'vitest';
import type { BackgroundToPanel, DeltaEvent } from '@/lib/protocol';
import { createFoldQueue, type FrameScheduler } from '@/lib/panel/fold-queue';
import { FOLD_BUDGET_CHARS } from '@/lib/panel/fold-budget';

/** A frame clock the test advances by hand. */
function manualFrames() {
  const waiting: (() => void)[] = [];
  let time = 0;
  const frames: FrameScheduler = {
    request: (run) => void waiting.push(run),
    now: () => time,
  };
  return {
    frames,
    pending: () => waiting.length,
    /** Runs the frame callbacks requested so far, `ms` after the last frame. */
    frame(ms = 16) {
      time += ms;
      const due = waiting.splice(0);
      for (const run of due) run();
    },
  };
}

const delta = (messageId: string, seq: number, text: string, offset = 0): DeltaEvent => ({
  type: 'delta',
  messageId,
  seq,
  offset,
  text,
});

function setup() {
  const clock = manualFrames();
  const batches: BackgroundToPanel[][] = [];
  let folds = 0;
  const queue = createFoldQueue(
    (events) => void batches.push(events),
    clock.frames,
    () => void folds++,
  );
  return { clock, batches, queue, folds: () => folds };
}

describe('fold queue', () => {
  it('folds queued events at the next frame, once, however often schedule is called', () => {
    const { clock, batches, queue } = setup();
    queue.push(delta('a1', 1, 'a'));
    queue.schedule();
    queue.push(delta('a1', 2, 'b', 1));
    queue.schedule();
    expect(clock.pending()).toBe(1);
    expect(batches).toEqual([]);
    clock.frame();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((e) => (e as DeltaEvent).text)).toEqual(['a', 'b']);
    expect(clock.pending()).toBe(0);
  });

  it('folds at once on flush and calls the fold-start hook each time', () => {
    const { batches, queue, folds } = setup();
    queue.push(delta('a1', 1, 'a'));
    queue.flush();
    queue.flush();
    expect(batches).toEqual([[delta('a1', 1, 'a')], []]);
    expect(folds()).toBe(2);
  });

  it('can schedule again after a frame ran', () => {
    const { clock, batches, queue } = setup();
    queue.push(delta('a1', 1, 'a'));
    queue.schedule();
    clock.frame();
    queue.push(delta('a1', 2, 'b', 1));
    queue.schedule();
    expect(clock.pending()).toBe(1);
    clock.frame();
    expect(batches).toHaveLength(2);
  });

  it('keeps a frame within the text budget and folds the rest in later frames', () => {
    const { clock, batches, queue } = setup();
    const chunk = 'x'.repeat(FOLD_BUDGET_CHARS / 2);
    for (let i = 0; i < 4; i++) queue.push(delta('a1', i + 1, chunk, i * chunk.length));
    queue.flush();
    const first = batches[0] ?? [];
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(4);
    // What was left waits for the next frame, which the queue asked for itself.
    expect(clock.pending()).toBe(1);
    while (clock.pending()) clock.frame();
    expect(batches.flat()).toHaveLength(4);
    const texts = batches.flat().map((e) => (e as DeltaEvent).seq);
    expect(texts).toEqual([1, 2, 3, 4]);
  });

  it('takes at least one event per frame, even one larger than the budget', () => {
    const { batches, queue } = setup();
    queue.push(delta('a1', 1, 'y'.repeat(FOLD_BUDGET_CHARS * 3)));
    queue.flush();
    expect(batches[0]).toHaveLength(1);
  });

  it('on Stop drops the reply’s queued text and any that still arrives', () => {
    const { batches, queue } = setup();
    queue.push(delta('a1', 1, 'shown?'));
    queue.push(delta('a2', 1, 'other reply'));
    queue.stop('a1');
    expect(queue.push(delta('a1', 2, 'late', 6))).toBe(false);
    queue.flush();
    expect(batches[0]).toEqual([delta('a2', 1, 'other reply')]);
  });

  it('admits the stopped reply’s terminal state, and its deltas again after it', () => {
    const { batches, queue } = setup();
    queue.stop('a1');
    const end: BackgroundToPanel = {
      type: 'state',
      messageId: 'a1',
      seq: 3,
      state: { kind: 'stopped' },
      content: 'abc',
    };
    expect(queue.push(end)).toBe(true);
    queue.flush();
    expect(batches[0]).toEqual([end]);
    expect(queue.push(delta('a1', 4, 'new', 3))).toBe(true);
    queue.flush();
    expect(batches[1]).toEqual([delta('a1', 4, 'new', 3)]);
  });

  it('on disconnect folds everything at once, over the budget', () => {
    const { batches, queue, clock } = setup();
    const chunk = 'z'.repeat(FOLD_BUDGET_CHARS);
    for (let i = 0; i < 5; i++) queue.push(delta('a1', i + 1, chunk, i * chunk.length));
    queue.disconnected();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(5);
    expect(clock.pending()).toBe(0);
  });

  it('forgets stopped replies on disconnect: a new worker owns nothing stopping', () => {
    const { batches, queue } = setup();
    queue.stop('a1');
    queue.disconnected();
    expect(queue.push(delta('a1', 1, 'again'))).toBe(true);
    queue.flush();
    expect(batches.at(-1)).toEqual([delta('a1', 1, 'again')]);
  });

  it('reads frame times from the injected clock: fast frames fold more per frame', () => {
    const framesFor = (ms: number) => {
      const { clock, batches, queue } = setup();
      const chunk = 'w'.repeat(FOLD_BUDGET_CHARS / 2);
      for (let i = 0; i < 40; i++) queue.push(delta('a1', i + 1, chunk, i * chunk.length));
      queue.flush();
      while (clock.pending()) clock.frame(ms);
      expect(batches.flat()).toHaveLength(40);
      return batches.length;
    };
    // Slow frames (the panel cannot render this fast) shrink the budget; fast ones grow it.
    expect(framesFor(5)).toBeLessThan(framesFor(200));
  });
});
