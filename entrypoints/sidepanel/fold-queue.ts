/**
 * The panel's queue of background events, folded once per animation frame (DESIGN §5) within a
 * budget of reply text per frame that follows how long frames take (lib/panel/fold-budget), and
 * the panel's side of Stop: a stopped
 * reply's text that was not shown yet is dropped (lib/panel/stopping).
 */
import type { BackgroundToPanel } from '@/lib/protocol';
import { FOLD_BUDGET_CHARS, nextBudget, takeWithinBudget } from '@/lib/panel/fold-budget';
import { createStopTracker } from '@/lib/panel/stopping';
import { benchProbe as installedBenchProbe } from '@/bench/panel/bench-probe';

// The bench's probe (bench/panel) is E2E-build scaffolding: behind this compile-time branch the
// production build drops it.
const benchProbe = import.meta.env.MODE === 'e2e' ? installedBenchProbe : undefined;

export function createFoldQueue(fold: (events: BackgroundToPanel[]) => void) {
  let queue: BackgroundToPanel[] = [];
  let frameScheduled = false;
  const stopped = createStopTracker();
  let budget = FOLD_BUDGET_CHARS;
  // When a fold left text waiting: the next fold's distance from it is what that budget cost.
  let backloggedAt: number | null = null;

  /** Folds what is queued; `all` ignores the budget (the port has gone: everything counts). */
  const flush = (all = false) => {
    benchProbe?.foldStart();
    frameScheduled = false;
    const startedAt = performance.now();
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
    // One React commit per frame while streaming; a hidden page gets no frames, so use a task.
    if (document.visibilityState === 'visible') requestAnimationFrame(() => flush());
    else setTimeout(() => flush(), 16);
  };

  return {
    flush,
    /** Queues an event (a delta of a stopped reply is dropped) and says whether it was kept. */
    push(event: BackgroundToPanel): boolean {
      if (!stopped.admit(event)) return false;
      queue.push(event);
      return true;
    },
    schedule,
    /** The user stopped this reply: its text not shown yet is not shown. */
    stop(messageId: string): void {
      queue = stopped.stop(messageId, queue);
    },
    /** The port went away: fold everything at once; a new worker owns nothing stopping. */
    disconnected(): void {
      stopped.clear();
      flush(true);
    },
  };
}
