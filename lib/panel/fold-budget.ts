/**
 * How much reply text the panel folds into one frame. Markdown renders at a finite speed; when a
 * stream is faster than that, folding everything each frame made every frame longer than the
 * last (more text arrived meanwhile), until the panel stopped answering clicks, Stop included
 * (issue 12, item 5). With a budget per frame the panel falls behind such a stream instead and
 * stays responsive; any real model (a few KB per second) stays far below the budget.
 */
import type { BackgroundToPanel } from '../protocol';
import { isTerminal } from '../model/types';

/** Characters of delta text per frame to start with: ~2 MB/s at 60 frames a second. */
export const FOLD_BUDGET_CHARS = 32 * 1024;
const MIN_BUDGET = 4 * 1024;
const MAX_BUDGET = 256 * 1024;
/** A frame this long (ms) while text waits: the budget costs more than the panel can render. */
const SLOW_FRAME_MS = 50;
const FAST_FRAME_MS = 25;

/**
 * Splits queued events into those to fold now and those left for the next frame, in order. At
 * least one event is always taken, so a single large delta still makes progress. Deltas of a
 * reply whose terminal state is already queued are dropped: that state carries the whole text,
 * so a panel far behind a reply that has ended jumps to its end instead of replaying it.
 */
export function takeWithinBudget(
  events: readonly BackgroundToPanel[],
  budget: number = FOLD_BUDGET_CHARS,
): { now: BackgroundToPanel[]; later: BackgroundToPanel[] } {
  const ended = new Set<string>();
  for (const e of events)
    if (e.type === 'state' && isTerminal(e.state) && e.content !== undefined)
      ended.add(e.messageId);
  const live = ended.size
    ? events.filter((e) => e.type !== 'delta' || !ended.has(e.messageId))
    : events;
  let chars = 0;
  let i = 0;
  for (; i < live.length; i++) {
    const event = live[i];
    if (event?.type !== 'delta') continue;
    if (i > 0 && chars + event.text.length > budget) break;
    chars += event.text.length;
  }
  return { now: live.slice(0, i), later: live.slice(i) };
}

/**
 * The next frame's budget, from how long the frame that left text waiting took. What a frame
 * costs depends on the text (a thousand short paragraphs cost far more than one long one), so
 * the budget follows the frames: halved after a slow one, doubled after a quick one.
 */
export function nextBudget(budget: number, frameMs: number): number {
  if (frameMs > SLOW_FRAME_MS) return Math.max(MIN_BUDGET, Math.floor(budget / 2));
  if (frameMs < FAST_FRAME_MS) return Math.min(MAX_BUDGET, budget * 2);
  return budget;
}
