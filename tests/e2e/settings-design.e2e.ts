/**
 * Settings' design pass (issue 16), as a user meets it in the built extension: Escape leaves
 * Settings with focus back on the header's Settings button; "Open settings" on an auth error
 * focuses the API key field; "Remove saved key" asks first and Keep it (or Escape) keeps the key;
 * Theme on the options page switches data-theme (and the panel follows); "Sexual (minors)"
 * offers no Ignore; the import button names the chosen file; axe finds nothing in the view.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { setUpE2E } from './support/setup';
import { axeViolations } from './support/axe';
import { scenario } from './support/scenario';

const e2e = setUpE2E();

const settingsButton = (page: Page) => page.getByRole('button', { name: 'Settings', exact: true });
const baseUrl = (page: Page) => page.getByRole('textbox', { name: 'Base URL', exact: true });
const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

async function openSettings(page: Page): Promise<void> {
  await settingsButton(page).click();
  await baseUrl(page).waitFor();
}

describe('Settings as a surface', () => {
  it('Escape leaves Settings for the chat, with focus on the header\'s "Settings"', async (ctx) => {
    const row = scenario(ctx, 'Esc: back to the chat, focus on Settings');
    const { page } = e2e.panel;
    await openSettings(page);
    await baseUrl(page).focus();
    await page.keyboard.press('Escape');
    await e2e.panel.composer.waitFor();
    await expect.poll(() => isFocused(settingsButton(page))).toBe(true);
    expect(await baseUrl(page).count()).toBe(0);
    row.observed('chat shown, Settings focused');
  });

  it('"Open settings" on an auth error focuses the API key field', async (ctx) => {
    const row = scenario(ctx, 'focus lands in the API key input, not <body>');
    const { panel, server } = e2e;
    server.enqueue({ status: 401, errorCode: 'invalid_api_key' });
    await panel.sendAndWait('hello', 'error');
    await panel.lastAssistant().getByRole('button', { name: 'Open settings' }).click();
    const key = panel.page.getByLabel('API key', { exact: true });
    await key.waitFor();
    await expect.poll(() => isFocused(key)).toBe(true);
    expect(await key.getAttribute('type')).toBe('password');
    row.observed(await panel.page.evaluate(() => document.activeElement?.tagName ?? ''));
    await panel.page.keyboard.press('Escape');
    await panel.composer.waitFor();
  });
});

describe('Remove saved key', () => {
  it('asks first; Keep it and Escape keep the key (Escape closes only the question)', async (ctx) => {
    const row = scenario(ctx, 'asked "Remove the saved key?"; the key stays');
    const { page } = e2e.panel;
    await openSettings(page);
    await page.getByText(/^Key saved for /).waitFor();
    const question = page.getByRole('group', { name: 'Remove the saved key?' });

    await page.getByRole('button', { name: 'Remove saved key' }).click();
    await question.waitFor();
    expect(await isFocused(page.getByRole('button', { name: 'Keep it' }))).toBe(true);
    await page.getByRole('button', { name: 'Keep it' }).click();
    await question.waitFor({ state: 'detached' });
    await page.getByText(/^Key saved for /).waitFor();

    await page.getByRole('button', { name: 'Remove saved key' }).click();
    await question.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    // The inner surface closed, not Settings: focus is back on the button that asked.
    expect(await baseUrl(page).isVisible()).toBe(true);
    expect(await isFocused(page.getByRole('button', { name: 'Remove saved key' }))).toBe(true);
    await page.getByText(/^Key saved for /).waitFor();

    // The key really stayed: a reply still goes out with it.
    await page.keyboard.press('Escape');
    e2e.server.enqueue({ text: 'Still here.' });
    await e2e.panel.sendAndWait('hi', 'complete');
    expect(e2e.server.chatRequests().at(-1)?.headers.authorization).toBe('Bearer sk-test-key');
    row.observed('key kept after Keep it and Escape');
  });
});

describe('Moderation and Feedback data', () => {
  it('"Sexual (minors)" offers no Ignore; "Sexual" still does', async (ctx) => {
    scenario(ctx, 'no Ignore for Sexual (minors)');
    const { page } = e2e.panel;
    await openSettings(page);
    await page.getByText('Per-category rules').click();
    const optionsOf = (name: string) =>
      page
        .getByRole('combobox', { name, exact: true })
        .evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.text));
    expect(await optionsOf('Sexual (minors)')).toEqual(['As above', 'Warn', 'Block']);
    expect(await optionsOf('Sexual')).toContain('Ignore');
    await page.keyboard.press('Escape');
  });

  it("the import is a button that shows the chosen file's name", async (ctx) => {
    const row = scenario(ctx, 'the chosen file is named beside the button');
    const { page } = e2e.panel;
    await openSettings(page);
    const input = page.getByLabel('Import raw feedback (.jsonl)', { exact: true });
    expect(await input.getAttribute('type')).toBe('file');
    await page.getByText('No file chosen', { exact: true }).waitFor();
    await input.setInputFiles({
      name: 'parley-feedback-2026-12-02.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(''),
    });
    await page.getByText('parley-feedback-2026-12-02.jsonl', { exact: true }).waitFor();
    // Keyboard: the input itself takes focus (Enter or Space opens the picker).
    await input.focus();
    expect(await isFocused(input)).toBe(true);
    row.observed('name shown; input focusable');
    await page.keyboard.press('Escape');
  });
});

describe('options page', () => {
  it('has Theme, which switches data-theme at once, and the panel follows', async (ctx) => {
    const row = scenario(ctx, 'data-theme dark then light, panel too');
    const { parley, panel } = e2e;
    const options = await parley.context.newPage();
    await options.goto(`chrome-extension://${parley.extensionId}/options.html`);
    const theme = options.getByRole('combobox', { name: 'Theme', exact: true });
    const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
    await theme.selectOption('dark');
    await expect.poll(() => themeOf(options)).toBe('dark');
    await expect.poll(() => themeOf(panel.page)).toBe('dark');
    await theme.selectOption('light');
    await expect.poll(() => themeOf(options)).toBe('light');
    await expect.poll(() => themeOf(panel.page)).toBe('light');
    await theme.selectOption('system');
    row.observed('dark → light, panel followed');
    await options.close();
  });
});
