/**
 * The panel's side of Stop: once the user stops a reply, its text that is still queued or still
 * arriving is not shown. The worker ends the reply at the length the panel had shown (the Stop
 * request says it) and its terminal state brings exactly that text (issue 12, item 5).
 */
import type { BackgroundToPanel } from '../protocol';
import { isTerminal } from '../model/types';

/** Replies stopped from this panel that have not reached their terminal state yet. */
export function createStopTracker() {
  const stopping = new Set<string>();
  return {
    /** Marks `messageId` stopped; returns `queue` without its deltas not shown yet. */
    stop(messageId: string, queue: readonly BackgroundToPanel[]): BackgroundToPanel[] {
      stopping.add(messageId);
      return queue.filter((e) => e.type !== 'delta' || e.messageId !== messageId);
    },
    /** Whether an arriving event is folded: not a delta of a stopped reply. */
    admit(event: BackgroundToPanel): boolean {
      if (event.type === 'delta') return !stopping.has(event.messageId);
      if (event.type === 'state' && isTerminal(event.state)) stopping.delete(event.messageId);
      return true;
    },
    /** The port went away: a new worker owns nothing that was stopping. */
    clear(): void {
      stopping.clear();
    },
  };
}
