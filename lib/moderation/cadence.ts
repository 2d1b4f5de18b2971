/**
 * When to check a streaming reply: every few hundred new characters (not every delta), one check
 * at a time, and always once more on the final text.
 */
export interface OutputChecker {
  onText(fullTextSoFar: string): void;
  finish(finalText: string): Promise<void>;
}

/**
 * Checks a streaming reply every `everyChars` new characters, never two checks at once, and once at
 * the end.
 */
export function createOutputChecker({
  everyChars = 400,
  check,
}: {
  everyChars?: number;
  check: (textSoFar: string) => Promise<void>;
}): OutputChecker {
  let checkedLength = 0;
  let running: Promise<void> | null = null;
  let latest = '';
  let due = false;

  const run = (text: string): Promise<void> => {
    checkedLength = text.length;
    running = check(text)
      .catch(() => undefined)
      .then(() => {
        running = null;
        if (due) {
          due = false;
          return run(latest);
        }
      });
    return running;
  };

  return {
    onText(text) {
      latest = text;
      if (text.length - checkedLength < everyChars) return;
      if (running) due = true;
      else void run(text);
    },
    async finish(finalText) {
      latest = finalText;
      due = false;
      if (running) await running;
      if (finalText.length > 0 && finalText.length !== checkedLength) await run(finalText);
    },
  };
}
