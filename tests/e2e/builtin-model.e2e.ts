/**
 * The browser's built-in model (issue 15) end to end, against the E2E build's fake Prompt API
 * (tests/hooks/fake-language-model.ts), which the build installs where the model runs: the
 * worker, or the offscreen document when the worker has no LanguageModel, and the panel.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchParley, type Parley } from './support/launch';
import { PanelPage } from './support/panel';
import { newChat } from './support/setup';

type Log = {
  creates: { initialPrompts?: { role: string; content: string }[]; expectedInputs?: unknown }[];
  prompts: string[];
  destroyed: number;
};
type Logs = { worker: Log; offscreen: Log };
type Handle = {
  configure(c: object): Promise<void>;
  log(): Logs;
  resetLog(): void;
};

let parley: Parley;
let worker: Worker;
let panel: PanelPage;

const configure = (c: object) =>
  worker.evaluate(
    (c) =>
      (
        globalThis as unknown as { parleyFakeLanguageModel: Handle }
      ).parleyFakeLanguageModel.configure(c),
    c,
  );
const logs = () =>
  worker.evaluate(() =>
    (globalThis as unknown as { parleyFakeLanguageModel: Handle }).parleyFakeLanguageModel.log(),
  );
const resetLog = () =>
  worker.evaluate(() =>
    (
      globalThis as unknown as { parleyFakeLanguageModel: Handle }
    ).parleyFakeLanguageModel.resetLog(),
  );
const openPanel = async (): Promise<Page> => {
  const page = await parley.openPanel();
  panel = new PanelPage(page);
  return page;
};
const openSettings = async (page: Page) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
};

beforeAll(async () => {
  parley = await launchParley();
  worker = await parley.worker();
  await configure({ availability: 'available', chunkDelayMs: 10 });
});
afterAll(async () => {
  await parley?.close();
});

describe('built-in model', () => {
  it('first run offers it first, with a line on privacy', async () => {
    const page = await openPanel();
    const builtin = page.getByRole('radio', { name: /^Built-in model/ });
    await builtin.waitFor();
    expect(await builtin.isChecked()).toBe(true);
    const radios = await page.getByRole('radio').allTextContents();
    const names = await page
      .getByRole('radio')
      .evaluateAll((els) =>
        els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''),
      );
    expect(names[0]).toMatch(/^Built-in model \(on this device\)/);
    expect(radios.length).toBe(2);
    await page.getByText(/Nothing leaves this device/).waitFor();
    for (const width of [320, 400]) {
      await page.setViewportSize({ width, height: 700 });
      await page.screenshot({ path: `test-results/builtin-first-run-${width}.png` });
    }
    await page.setViewportSize({ width: 400, height: 900 });
    await page.getByRole('button', { name: 'Start with the built-in model' }).click();
    await panel.composer.waitFor();
    // The header names what answers: the built-in model, not the stored server model.
    await expect
      .poll(() => page.locator('.panel-header .model-name').textContent())
      .toBe('Built-in model');
  });

  it('streams a reply in the worker, stored with the built-in model id, and kept on reopen', async () => {
    await resetLog();
    await panel.sendAndWait('Hi there', 'complete');
    expect(await panel.lastAssistant().textContent()).toContain('Hello from the built-in model.');
    const { worker: w, offscreen } = await logs();
    // The reply's session, beside one-off ones (the context-size probe, the title request).
    expect(offscreen.creates).toHaveLength(0);
    const reply = w.creates.find((c) => c.initialPrompts?.length === 1);
    expect(reply?.initialPrompts?.map((m) => m.role)).toEqual(['system']);
    expect(reply?.expectedInputs).toEqual([{ type: 'text', languages: ['en', 'es', 'ja'] }]);
    expect(w.prompts[0]).toBe('Hi there');
    const stored = await panel.page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('parley');
          open.onsuccess = () => {
            const tx = open.result.transaction('messages');
            const all = tx.objectStore('messages').getAll();
            all.onsuccess = () =>
              resolve(
                (all.result as { role: string; model?: string }[])
                  .filter((m) => m.role === 'assistant')
                  .map((m) => m.model ?? ''),
              );
          };
        }),
    );
    expect(stored).toEqual(['built-in']);
    const before = panel.page;
    // A new panel reads the conversation back from IndexedDB (it opens on the last one).
    await openPanel();
    await panel.lastAssistant().getByText('Hello from the built-in model.').waitFor();
    await before.close();
  });

  it('a follow-up reuses the session; regenerate and edit re-create it with the earlier turns', async () => {
    // Reply sessions carry earlier turns; one-off sessions (title, the meter's count) only a system prompt.
    const replySessions = async () =>
      (await logs()).worker.creates.filter((c) => (c.initialPrompts?.length ?? 0) > 1);
    await resetLog();
    await panel.sendAndWait('Tell me more', 'complete');
    // The branch only grew: the same session, asked only the new question.
    expect(await replySessions()).toHaveLength(0);
    expect((await logs()).worker.prompts).toContain('Tell me more');
    // Regenerate replaces the (complete) article: wait for the new one.
    await panel.markReplies();
    await panel.lastAssistant().getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(async () => (await replySessions()).length, { timeout: 10_000 }).toBe(1);
    await panel.waitForState('complete', panel.newReply());
    const [regenerated] = await replySessions();
    expect(regenerated?.initialPrompts?.map((m) => [m.role, m.content.slice(0, 20)])).toEqual([
      ['system', expect.any(String)],
      ['user', 'Hi there'],
      ['assistant', 'Hello from the built'],
    ]);
    expect((await logs()).worker.destroyed).toBeGreaterThanOrEqual(1);
    const user = panel.userMessages.last();
    await user.getByRole('button', { name: 'Edit' }).click();
    await user.getByRole('textbox', { name: 'Edit message' }).fill('Tell me less');
    await panel.markReplies();
    await user.getByRole('button', { name: 'Send edit' }).click();
    await expect.poll(async () => (await replySessions()).length, { timeout: 10_000 }).toBe(2);
    await panel.waitForState('complete', panel.newReply());
    expect((await replySessions())[1]?.initialPrompts).toHaveLength(3);
    expect((await logs()).worker.prompts.at(-1)).toBe('Tell me less');
  });

  it('Stop ends the reply as stopped, text kept', async () => {
    await newChat(panel.page);
    await configure({ chunkDelayMs: 250, chunks: ['One', ' two', ' three', ' four', ' five'] });
    await panel.sendAndWait('Count slowly', 'streaming');
    await panel.stopButton.click();
    await panel.waitForState('stopped');
    expect(await panel.lastAssistant().textContent()).toContain('One');
    // The panel shows "stopped" at the click: past the rest of the reply's time, the model's session
    // was stopped too (a reply that ran on would end complete, with all five words).
    await panel.page.waitForTimeout(1_300);
    expect(await panel.lastAssistant().getAttribute('data-state')).toBe('stopped');
    expect(await panel.lastAssistant().textContent()).not.toContain('five');
    await configure({ chunkDelayMs: 10, chunks: ['Hello', ' from the', ' built-in model.'] });
  });

  it('a conversation in another language says the model may not support it', async () => {
    await newChat(panel.page);
    const reply = await panel.send('Was ist das und wie funktioniert es nicht?');
    await panel.page
      .getByText(/seems to be in German: the built-in model may not support it/)
      .waitFor();
    await panel.waitForState('complete', reply);
  });

  it('runs in an offscreen document when the worker has no LanguageModel', async () => {
    await newChat(panel.page);
    await configure({ workerHasModel: false });
    await resetLog();
    await panel.sendAndWait('Where do you run?', 'complete');
    expect(await panel.lastAssistant().textContent()).toContain('Hello from the built-in model.');
    await expect.poll(async () => (await logs()).offscreen.prompts).toContain('Where do you run?');
    expect((await logs()).worker.creates).toHaveLength(0);
    // Stop crosses the port too.
    await configure({ chunkDelayMs: 250, chunks: ['Slow', ' and', ' steady', ' wins'] });
    await panel.sendAndWait('Again, slowly', 'streaming');
    await panel.stopButton.click();
    await panel.waitForState('stopped');
    await panel.page.waitForTimeout(1_300);
    expect(await panel.lastAssistant().getAttribute('data-state')).toBe('stopped');
    expect(await panel.lastAssistant().textContent()).not.toContain('wins');
    await configure({
      workerHasModel: true,
      chunkDelayMs: 10,
      chunks: ['Hello', ' from the', ' built-in model.'],
    });
  });

  it('the meter counts with the session’s own numbers; a long conversation is trimmed with the notice', async () => {
    await newChat(panel.page);
    await configure({ contextWindow: 64 });
    const systemPrompt = await worker.evaluate(async () => {
      const local = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local;
      const { settings } = await local.get('settings');
      return (settings as { systemPrompt?: string } | undefined)?.systemPrompt ?? '';
    });
    const draft = 'A long question about the built-in model. '.repeat(10);
    await panel.composer.fill(draft);
    // The fake measures ceil(length / 4) per text (measureContextUsage): system prompt and draft.
    const expected = Math.ceil(systemPrompt.length / 4) + Math.ceil(draft.length / 4);
    const meter = panel.page.locator('.token-meter');
    await expect
      .poll(() => meter.textContent(), { timeout: 10_000 })
      .toContain(`${expected.toLocaleString('en')} / 64 tokens`);
    expect(await meter.getAttribute('data-counted-by')).toBe('model');
    await meter.getByText("more than the built-in model's context").waitFor();
    expect(Number(await meter.locator('meter').getAttribute('value'))).toBe(expected);
    await panel.page.screenshot({ path: 'test-results/builtin-meter-over.png' });
    await panel.composer.fill('');
    // A long conversation in a window the engine learned earlier (4,096): the oldest turns go.
    await configure({ contextWindow: 4096 });
    for (const n of [1, 2, 3]) {
      // Each turn waits for its own reply: the one before it is already complete.
      await panel.sendAndWait(
        `Turn ${n}: ${'The quarterly report lists figures for every region. '.repeat(75)}`,
        'complete',
      );
    }
    await panel
      .lastAssistant()
      .getByText(/earlier messages? (was|were) left out/)
      .waitFor();
  });

  it('downloads from a click in Settings, with progress', async () => {
    await configure({ availability: 'downloadable', downloadDelayMs: 400 });
    const page = await openPanel();
    await openSettings(page);
    const download = page.getByRole('button', { name: 'Download the built-in model' });
    await download.click();
    const bar = page.getByRole('progressbar', { name: 'Downloading the built-in model' });
    await bar.waitFor();
    await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/builtin-download.png' });
    await page.getByText('The built-in model is ready.').waitFor({ timeout: 10_000 });
  });

  it('unavailable: not offered at first run, and Settings says why', async () => {
    await configure({ availability: 'unavailable' });
    await worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { remove(k: string): Promise<void> } } };
        }
      ).chrome.storage.local.remove('settings'),
    );
    const page = await openPanel();
    await page.getByRole('textbox', { name: 'Base URL', exact: true }).waitFor();
    expect(await page.getByRole('radio', { name: /^Built-in model/ }).count()).toBe(0);
    expect(
      await page
        .locator('option[value="builtin"]')
        .evaluate((o) => (o as HTMLOptionElement).hidden),
    ).toBe(true);
    // Choose the built-in model the way an older setting would have: Settings says why it cannot run.
    await worker.evaluate(async () => {
      const local = (
        globalThis as unknown as {
          chrome: {
            storage: {
              local: {
                get(k: string): Promise<Record<string, object>>;
                set(v: object): Promise<void>;
              };
            };
          };
        }
      ).chrome.storage.local;
      const { settings } = await local.get('settings');
      await local.set({ settings: { ...(settings ?? {}), provider: 'builtin' } });
    });
    const again = await openPanel();
    await openSettings(again);
    await again.getByText(/22 GB of free disk space/).waitFor();
    await again.getByText(/GenAILocalFoundationalModelSettings/).waitFor();
    await again.screenshot({ path: 'test-results/builtin-unavailable.png' });
  });
});
