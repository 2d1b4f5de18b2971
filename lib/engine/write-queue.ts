/**
 * One write at a time, in order. A write asked for while one runs is merged into a single next
 * write of the text as it is then: when storage is slower than the flush window, writes used to
 * queue up behind each other, each with its own copy of the reply, and the final state waited
 * behind them all (Stop took 8 s at 6 MB).
 */

/** A merging write queue over one `writeNow` that reads the current state when it runs. */
export interface WriteQueue {
  /** Writes now, or once more after the running write; resolves when that write has landed. */
  write(): Promise<void>;
  /** Whether a write is running. */
  busy(): boolean;
}

/** Builds the queue; `writeNow` must not throw (it reports its own failures). */
export function createWriteQueue(writeNow: () => Promise<void>): WriteQueue {
  let writing: Promise<void> | null = null;
  let again = false;
  return {
    write() {
      if (writing) {
        again = true;
        return writing;
      }
      writing = (async () => {
        do {
          again = false;
          await writeNow();
        } while (again);
        writing = null;
      })();
      return writing;
    },
    busy: () => writing !== null,
  };
}
