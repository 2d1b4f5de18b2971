/**
 * Custom headers per endpoint (issue 14, item 4): a header saved for one server reaches that
 * server on every request (chat, title, moderation on the same origin, the model list), never a
 * second origin, and its value is never in the panel's DOM after saving or reloading, nor in an
 * export.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../server/mock-openai.mjs';
import { newChat, setUpE2E } from './support/setup';
import { PanelPage } from './support/panel';
import { scenario } from './support/scenario';

const e2e = setUpE2E();
const VALUE = 'hdr-secret-7f3a9c';

async function openSettings(panel: PanelPage) {
  const visible = await panel.page
    .getByRole('textbox', { name: 'Base URL', exact: true })
    .isVisible();
  if (!visible) await panel.page.getByRole('button', { name: 'Settings', exact: true }).click();
  const summary = panel.page.getByText('Custom headers', { exact: true }).first();
  await summary.waitFor();
  return summary;
}

async function setModerationBaseUrl(panel: PanelPage, baseUrl: string) {
  await panel.page.evaluate(async (url) => {
    const local = (
      globalThis as unknown as {
        chrome: {
          storage: {
            local: {
              get(k: string): Promise<Record<string, { moderation: object }>>;
              set(v: object): Promise<void>;
            };
          };
        };
      }
    ).chrome.storage.local;
    const { settings } = await local.get('settings');
    await local.set({
      settings: { ...settings, moderation: { ...settings!.moderation, baseUrl: url } },
    });
  }, baseUrl);
}

describe('custom headers', () => {
  it('saved for one server, sent to it on every request and to no other origin', async (ctx) => {
    const row = scenario(ctx, 'header on chat, title and model list; absent at the second origin');
    const { panel, server } = e2e;
    const summary = await openSettings(panel);
    await summary.click();
    await panel.page.getByRole('textbox', { name: 'Header name' }).fill('X-Title');
    await panel.page.getByLabel('Header value', { exact: true }).fill(VALUE);
    await panel.page.getByRole('button', { name: 'Add header' }).click();
    await panel.page.getByText('Header X-Title saved.').waitFor();
    await panel.page
      .getByRole('list', { name: 'Custom headers' })
      .getByText('X-Title', { exact: true })
      .waitFor();
    // Write-only: the value left the page with the request.
    expect(await panel.page.getByLabel('Header value', { exact: true }).inputValue()).toBe('');
    expect(await panel.page.content()).not.toContain(VALUE);

    // A refused name says why and saves nothing.
    await panel.page.getByRole('textbox', { name: 'Header name' }).fill('Cookie');
    await panel.page.getByLabel('Header value', { exact: true }).fill('x');
    await panel.page.getByRole('button', { name: 'Add header' }).click();
    await panel.page.getByRole('alert').filter({ hasText: 'Cookie' }).waitFor();

    await panel.page.getByRole('button', { name: 'Load models' }).click();
    await panel.page.getByText(/models? available/).waitFor();
    await panel.page.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.composer.waitFor();

    // Moderation goes to a second server (another port: another origin).
    const other: MockServer = await startMockServer();
    try {
      await setModerationBaseUrl(panel, other.baseURL);
      await newChat(panel.page);
      await panel.sendAndWait('Hello with a header', 'complete');
      await expect.poll(() => server.sideRequests().length).toBeGreaterThan(0);
      await expect.poll(() => other.requests.length).toBeGreaterThan(0);
      const chat = server.chatRequests().at(-1);
      expect(chat?.headers['x-title']).toBe(VALUE);
      expect(server.sideRequests().at(-1)?.headers['x-title']).toBe(VALUE);
      expect(server.requests.find((r) => r.path === '/v1/models')?.headers['x-title']).toBe(VALUE);
      expect(JSON.stringify(other.requests)).not.toContain(VALUE);
      expect(other.requests.every((r) => r.headers['x-title'] === undefined)).toBe(true);
      row.observed(
        `${server.requests.length} requests to the server with X-Title; ${other.requests.length} to the other origin without`,
      );
    } finally {
      await setModerationBaseUrl(panel, '');
      await other.close();
    }
  });

  it('the value is in neither the DOM after a reload nor an export', async (ctx) => {
    const row = scenario(ctx, 'names only in the panel; no header value in the JSON export');
    const { panel, server } = e2e;
    await panel.sendAndWait('Something to export', 'complete');
    expect(server.chatRequests().at(-1)?.headers['x-title']).toBe(VALUE);
    const download = panel.page.waitForEvent('download');
    await panel.moreAction('Export JSON');
    const exported = readFileSync((await (await download).path())!, 'utf8');
    expect(exported).toContain('Something to export');
    expect(exported).not.toContain(VALUE);

    await panel.page.reload();
    const summary = await openSettings(panel);
    await panel.page
      .getByRole('list', { name: 'Custom headers' })
      .getByText('X-Title', { exact: true })
      .waitFor();
    expect(await summary.isVisible()).toBe(true);
    expect(await panel.page.content()).not.toContain(VALUE);

    // Removing it stops it at once.
    await panel.page.getByRole('button', { name: 'Remove X-Title' }).click();
    await panel.page.getByText('Header X-Title removed.').waitFor();
    await panel.page.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.composer.waitFor();
    await newChat(panel.page);
    await panel.sendAndWait('After removal', 'complete');
    expect(server.chatRequests().at(-1)?.headers['x-title']).toBeUndefined();
    row.observed('export and DOM clean; removed header no longer sent');
  });
});
