/**
 * Set-up for the real-server tier: one Chromium with the E2E build of Parley and one
 * llama-server per spec file, Parley configured through the settings UI as a user would.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchParley, type Parley } from '../../e2e/support/launch';
import { PanelPage } from '../../e2e/support/panel';
import { newChat } from '../../e2e/support/setup';
import { startLlama, type Llama, type LlamaOptions } from './llama';

/** One spec file's browser, panel and server. */
export interface RealE2E {
  parley: Parley;
  llama: Llama;
  panel: PanelPage;
}

/** Starts a server and Chromium, configures Parley for the server, and stops both after. */
export function setUpReal(options: LlamaOptions & { configure?: boolean } = {}): RealE2E {
  const holder = {} as RealE2E;
  beforeAll(async () => {
    holder.llama = await startLlama(options);
    holder.parley = await launchParley();
    holder.panel = new PanelPage(await holder.parley.openPanel());
    if (options.configure !== false) await holder.panel.configure(holder.llama.baseURL);
  });
  afterAll(async () => {
    await holder.parley?.close();
    await holder.llama?.stop();
  });
  beforeEach(async () => {
    await newChat(holder.panel.page);
  });
  return holder;
}

/** Fills the endpoint settings and saves, without loading the model list (a refused key). */
export async function configureUnchecked(page: Page, baseURL: string, key: string): Promise<void> {
  const settingsOpen = await page
    .getByRole('textbox', { name: 'Base URL', exact: true })
    .isVisible();
  if (!settingsOpen) await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Provider', { exact: true }).selectOption('custom');
  await page.getByRole('textbox', { name: 'Base URL', exact: true }).fill(baseURL);
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // An endpoint that refused the key makes Save ask once more (issue 14, item 7).
  const composer = page.getByRole('textbox', { name: 'Message' });
  const anyway = page.getByRole('button', { name: 'Save anyway' });
  await composer.or(anyway).first().waitFor();
  if (await anyway.isVisible()) await anyway.click();
  await composer.waitFor();
}

/** Polls until `check` holds or `timeoutMs` passes; resolves with whether it held. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}
