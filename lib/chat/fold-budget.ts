/**
 * How much reply text the panel folds into one frame. Markdown renders at a finite speed; when a
 * stream is faster than that, folding everything each frame made every frame longer than the
 * last (more text arrived meanwhile), until the panel stopped answering clicks, Stop included
 * (issue 12, item 5). With a budget per frame the panel falls behind such a stream instead and
 * stays responsive; any real model (a few KB per second) stays far below the budget.
 */
import type { BackgroundToPanel } from '../protocol';
import { isTerminal } from './types';

/** Characters of delta text per frame: ~4 MB/s at 60 frames a second. */
export const FOLD_BUDGET_CHARS = 64 * 1024;

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
