/**
 * llama.cpp's prompt progress against the real llama-server (issue 14, item 3): Parley learns
 * it is llama.cpp from /v1/models, asks `return_progress`, and the panel shows the server's own
 * count while the prompt is read. The 0.5B shape reads ~150–200 tokens/s on two cores, so small
 * batches (-b/-ub 64) give progress chunks for seconds (the tiny model read it too fast to see).
 */
import { describe, expect, it } from 'vitest';
import { setUpReal } from './support/real';

const real = setUpReal({
  model: '0.5b',
  ctx: 4096,
  threads: 2,
  extraArgs: ['-b', '64', '-ub', '64', '-n', '16'],
});

describe('a real llama-server reading a prompt', () => {
  it('the panel shows “Reading the prompt… N of M tokens” from the server’s progress', async () => {
    const { panel } = real;
    // Every text the reply's status line shows, however briefly (the tiny model reads fast).
    await panel.page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[role="status"]')) {
          const text = el.textContent ?? '';
          if (/ of [\d,]+ tokens/.test(text) && !seen.includes(text)) seen.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await panel.send(`Summarise: ${'lorem ipsum dolor sit amet '.repeat(250)}`);
    await panel.waitForState('complete', panel.lastAssistant(), 120_000);
    const seen = await panel.page.evaluate(
      () => (globalThis as unknown as { progressSeen: string[] }).progressSeen,
    );
    console.log('prompt progress seen in the panel:', seen);
    expect(seen.length).toBeGreaterThan(0);
    for (const text of seen) {
      expect(text).toMatch(/^Reading the prompt… [\d,]+ of [\d,]+ tokens · \d+ s$/);
    }
  });
});
