/**
 * Long prompts on slow servers (issue 14): before the first token the server may read the
 * prompt in silence far longer than the stall watchdog; Parley waits while the connection is
 * open, says the model is reading the prompt (time and size), and Stop works throughout.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newChat, patchSettings, setUpE2E } from './support/setup';

const e2e = setUpE2E();

type Runtime = { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } };
const rpc = (page: Page, message: object) =>
  page.evaluate(
    (m) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<Record<string, unknown>>;
const WAIT = 'Wait for the first token (minutes)';

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  return page.getByRole('spinbutton', { name: WAIT, exact: true });
}

describe('a long silence before the first token', () => {
  it('outlasts the stall watchdog, shows the prompt being read, then completes', async () => {
    const { panel, server } = e2e;
    await patchSettings(panel.page, { stallTimeoutMs: 1000, requestTimeoutMs: 1000 });
    server.enqueue({ text: 'Read it all.', ttftMs: 3500 });
    const reply = await panel.send(`Summarise this: ${'lorem ipsum dolor '.repeat(400)}`);
    const status = panel
      .lastAssistant()
      .getByRole('status')
      .filter({ hasText: 'Reading the prompt' });
    await status.waitFor({ timeout: 3000 });
    expect(await status.textContent()).toMatch(/Reading the prompt… \d+ s · about [\d,]+ tokens/);
    await panel.page.screenshot({ path: 'test-results/reading-prompt.png' });
    await expect(panel.stopButton.isVisible()).resolves.toBe(true);
    await panel.waitForState('complete', reply, 10_000);
    expect(await panel.lastAssistant().textContent()).toContain('Read it all.');
  });

  it('Stop while the prompt is read ends the reply and closes the request', async () => {
    const { panel, server } = e2e;
    server.enqueue({ text: 'never shown', ttftMs: 20_000 });
    const reply = await panel.send('A long one');
    await panel
      .lastAssistant()
      .getByText(/Reading the prompt/)
      .waitFor({ timeout: 5000 });
    await panel.stopButton.click();
    await panel.waitForState('stopped', reply);
    await expect
      .poll(() => server.chatRequests().at(-1)?.closedByClient, { timeout: 3000 })
      .toBe(true);
  });

  it('the first-token cap (a setting) still ends a server that never answers', async () => {
    const { panel, server } = e2e;
    await patchSettings(panel.page, { firstTokenTimeoutMs: 1500 });
    server.enqueue({ text: 'too late', ttftMs: 20_000 });
    const sentAt = Date.now();
    await panel.sendAndWait('hello', 'interrupted', 10_000);
    // The cap's own sentence, not the stall watchdog's, and not before the cap.
    await panel
      .lastAssistant()
      .getByText(/Parley waited as long as Settings allows for the first word/)
      .waitFor();
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1400);
    await patchSettings(panel.page, {
      stallTimeoutMs: 45_000,
      requestTimeoutMs: 60_000,
      firstTokenTimeoutMs: 600_000,
    });
  });

  it('"Wait for the first token" is set in Settings, kept, and ends a longer silence', async () => {
    const { panel, server } = e2e;
    const { page } = panel;
    let field = await openSettings(page);
    expect(await field.inputValue()).toBe('10');
    await field.fill('0.1');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.composer.waitFor();
    await page.reload();
    field = await openSettings(page);
    expect(await field.inputValue()).toBe('0.1');
    const saved = await rpc(page, { type: 'get_settings' });
    expect((saved.settings as { firstTokenTimeoutMs: number }).firstTokenTimeoutMs).toBe(6000);
    // The worker checks the range too, whatever a page sends.
    const refused = await rpc(page, {
      type: 'save_settings',
      baseUrl: server.baseURL,
      model: 'gpt-test',
      systemPrompt: '',
      firstTokenTimeoutMs: 61 * 60_000,
    });
    expect(refused).toEqual({
      type: 'rpc_error',
      message: 'Wait for the first token must be between 0.1 and 60 minutes.',
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.composer.waitFor();

    // Stall and headers limits short, so the 6 s cap is the one that ends the wait.
    await patchSettings(page, { stallTimeoutMs: 1000, requestTimeoutMs: 1000 });
    await newChat(page);
    server.enqueue({ text: 'too late', ttftMs: 20_000 });
    const started = Date.now();
    await panel.sendAndWait('A prompt the server reads too slowly', 'interrupted', 15_000);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(5_500);
    expect(waited).toBeLessThan(12_000);
    const reply = (await panel.lastAssistant().textContent()) ?? '';
    expect(reply).toContain('Parley waited as long as Settings allows for the first word');
    expect(reply).toContain('raise “Wait for the first token” in Settings');
    await patchSettings(page, {
      stallTimeoutMs: 45_000,
      requestTimeoutMs: 60_000,
      firstTokenTimeoutMs: 600_000,
    });
  });

  it('llama.cpp’s prompt progress: asked of llama.cpp only, and shown while it reads', async () => {
    const { panel, server } = e2e;
    const { page } = panel;
    const before = (await rpc(page, { type: 'get_settings' })).settings as { model: string };
    // A model not probed yet in this worker: its context size (and server kind) is read afresh.
    server.local.modelsShape = 'llamacpp';
    await patchSettings(page, { model: 'tiny-progress' });
    await newChat(page);
    server.enqueue({
      text: 'Read it all.',
      progress: { total: 2560, steps: [0, 1200], stepMs: 300 },
      ttftMs: 2500,
    });
    const reply = await panel.send('Summarise this, please.');
    const status = panel
      .lastAssistant()
      .getByRole('status')
      .filter({ hasText: '1,200 of 2,560 tokens' });
    await status.waitFor({ timeout: 5000 });
    expect(await status.textContent()).toMatch(
      /^Reading the prompt… 1,200 of 2,560 tokens · \d+ s$/,
    );
    await page.screenshot({ path: 'test-results/prompt-progress.png' });
    await panel.waitForState('complete', reply, 10_000);
    expect(await panel.lastAssistant().textContent()).toContain('Read it all.');
    expect(server.chatRequests().at(-1)?.body).toMatchObject({ return_progress: true });

    // Another server (its list is not llama.cpp's) is never sent the field.
    server.local.modelsShape = 'openai';
    await patchSettings(page, { model: 'other-progress' });
    await newChat(page);
    server.enqueue({ text: 'Plain.', progress: { total: 10, steps: [0] } });
    await panel.sendAndWait('Hello', 'complete', 10_000);
    expect(server.chatRequests().at(-1)?.body).not.toHaveProperty('return_progress');
    await patchSettings(page, { model: before.model });
  });
});
