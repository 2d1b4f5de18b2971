/**
 * Long prompts on slow servers (issue 14): before the first token the server may read the
 * prompt in silence far longer than the stall watchdog; Parley waits while the connection is
 * open, says the model is reading the prompt (time and size), and Stop works throughout.
 */
import { describe, expect, it } from 'vitest';
import { patchSettings, setUpE2E } from './support/setup';

const e2e = setUpE2E();

describe('a long silence before the first token', () => {
  it('outlasts the stall watchdog, shows the prompt being read, then completes', async () => {
    const { panel, server } = e2e;
    await patchSettings(panel.page, { stallTimeoutMs: 1000, requestTimeoutMs: 1000 });
    server.enqueue({ text: 'Read it all.', ttftMs: 3500 });
    await panel.send(`Summarise this: ${'lorem ipsum dolor '.repeat(400)}`);
    const status = panel
      .lastAssistant()
      .getByRole('status')
      .filter({ hasText: 'Reading the prompt' });
    await status.waitFor({ timeout: 3000 });
    expect(await status.textContent()).toMatch(/Reading the prompt… \d+ s · about [\d,]+ tokens/);
    await panel.page.screenshot({ path: 'test-results/reading-prompt.png' });
    await expect(panel.stopButton.isVisible()).resolves.toBe(true);
    await panel.waitForState('complete', panel.lastAssistant(), 10_000);
    expect(await panel.lastAssistant().textContent()).toContain('Read it all.');
  });

  it('Stop while the prompt is read ends the reply and closes the request', async () => {
    const { panel, server } = e2e;
    server.enqueue({ text: 'never shown', ttftMs: 20_000 });
    await panel.send('A long one');
    await panel
      .lastAssistant()
      .getByText(/Reading the prompt/)
      .waitFor({ timeout: 5000 });
    await panel.stopButton.click();
    await panel.waitForState('stopped');
    await expect
      .poll(() => server.chatRequests().at(-1)?.closedByClient, { timeout: 3000 })
      .toBe(true);
  });

  it('the first-token cap (a setting) still ends a server that never answers', async () => {
    const { panel, server } = e2e;
    await patchSettings(panel.page, { firstTokenTimeoutMs: 1500 });
    server.enqueue({ text: 'too late', ttftMs: 20_000 });
    await panel.send('hello');
    await panel.waitForState('interrupted', panel.lastAssistant(), 10_000);
    await patchSettings(panel.page, {
      stallTimeoutMs: 45_000,
      requestTimeoutMs: 60_000,
      firstTokenTimeoutMs: 600_000,
    });
  });
});
