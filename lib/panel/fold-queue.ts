/**
 * The panel's queue of background events, folded once per frame (DESIGN §5) within a budget of
 * reply text per frame that follows how long frames take (./fold-budget), and the panel's side of
 * Stop: a stopped reply's text that was not shown yet is dropped (./stopping). The frame clock is
 * injected: the panel passes requestAnimationFrame, tests a manual one.
 */
import type { BackgroundToPanel } from '../protocol/port';
import { FOLD_BUDGET_CHARS, nextBudget, takeWithinBudget } from './fold-budget';
import { createStopTracker } from './stopping';

/** When the next fold runs, and what time it is (ms, monotonic). */
export interface FrameScheduler {
  /** Calls `run` once, at the next frame (or soon, when there are no frames). */
  request(run: () => void): void;
  now(): number;
}

/** The queue the store pushes events into; `fold` gets them in batches. */
export interface FoldQueue {
  /** Folds what is queued now; `all` ignores the budget (the port has gone: everything counts). */
  flush(all?: boolean): void;
  /** Queues an event (a delta of a stopped reply is dropped) and says whether it was kept. */
  push(event: BackgroundToPanel): boolean;
  /** Asks for a fold at the next frame (once, however often it is called before it runs). */
  schedule(): void;
  /** The user stopped this reply: its text not shown yet is not shown. */
  stop(messageId: string): void;
  /** The port went away: fold everything at once; a new worker owns nothing stopping. */
  disconnected(): void;
}

/** A fold queue over a frame scheduler; `onFoldStart` is the bench's hook (E2E builds only). */
export function createFoldQueue(
  fold: (events: BackgroundToPanel[]) => void,
  frames: FrameScheduler,
  onFoldStart?: () => void,
): FoldQueue {
  let queue: BackgroundToPanel[] = [];
  let frameScheduled = false;
  const stopped = createStopTracker();
  let budget = FOLD_BUDGET_CHARS;
  // When a fold left text waiting: the next fold's distance from it is what that budget cost.
  let backloggedAt: number | null = null;

  const flush = (all = false) => {
    onFoldStart?.();
    frameScheduled = false;
    const startedAt = frames.now();
    if (backloggedAt !== null) budget = nextBudget(budget, startedAt - backloggedAt);
    const { now, later } = all ? { now: queue, later: [] } : takeWithinBudget(queue, budget);
    queue = later;
    backloggedAt = queue.length ? startedAt : null;
    fold(now);
    if (queue.length) schedule();
  };

  const schedule = () => {
    if (frameScheduled) return;
    frameScheduled = true;
    frames.request(() => flush());
  };

  return {
    flush,
    push(event) {
      if (!stopped.admit(event)) return false;
      queue.push(event);
      return true;
    },
    schedule,
    stop(messageId) {
      queue = stopped.stop(messageId, queue);
    },
    disconnected() {
      stopped.clear();
      flush(true);
    },
  };
}
