/**
 * When to check a streaming reply, and what to send (issue 17). While it streams, each check sends
 * only the new text since the last one, with an overlap before it so a phrase split across two
 * windows is still seen whole; sending the whole reply every few hundred characters made the
 * bytes sent grow with the square of its length (2 MB for a 41 KB reply). One check runs at a
 * time, and the whole final reply is checked once at the end.
 */
export interface OutputChecker {
  onText(fullTextSoFar: string): void;
  finish(finalText: string): Promise<void>;
}

/** What the reply checker needs: the check itself and, for tests, its window sizes. */
export interface OutputCheckerInit {
  /** New characters that make a window worth checking. */
  everyChars?: number;
  /** Characters before the new text that each window repeats. */
  overlapChars?: number;
  check: (text: string) => Promise<void>;
}

/**
 * Checks a streaming reply in windows of at least `everyChars` new characters plus an overlap of
 * `overlapChars`, never two checks at once, and the whole reply once at the end (unless the last
 * window already was the whole of it).
 */
export function createOutputChecker({
  everyChars = 2_000,
  overlapChars = 200,
  check,
}: OutputCheckerInit): OutputChecker {
  // The end of the text checked so far, and whether the last check was the whole text from 0.
  let checkedTo = 0;
  let wholeChecked = false;
  let running: Promise<void> | null = null;
  let latest = '';
  let due = false;

  const run = (text: string, from: number): Promise<void> => {
    checkedTo = text.length;
    wholeChecked = from === 0;
    running = check(from === 0 ? text : text.slice(from))
      .catch(() => undefined)
      .then(() => {
        running = null;
        if (due) {
          due = false;
          return runWindow(latest);
        }
      });
    return running;
  };
  const runWindow = (text: string) => run(text, Math.max(0, checkedTo - overlapChars));

  return {
    onText(text) {
      latest = text;
      if (text.length - checkedTo < everyChars) return;
      if (running) due = true;
      else void runWindow(text);
    },
    async finish(finalText) {
      latest = finalText;
      due = false;
      if (running) await running;
      if (finalText.length === 0) return;
      if (wholeChecked && finalText.length === checkedTo) return;
      await run(finalText, 0);
    },
  };
}
