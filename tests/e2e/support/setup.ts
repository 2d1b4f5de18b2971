/** Shared E2E set-up: one Chromium with Parley and one mock server per spec file. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startMockServer, type MockServer } from '../../server/mock-openai.mjs';
import { launchParley, type Parley } from './launch';
import { PanelPage } from './panel';

export interface E2E {
  parley: Parley;
  server: MockServer;
  panel: PanelPage;
}

export async function startE2E(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<E2E> {
  const server = await startMockServer();
  const parley = await launchParley(options);
  const page = await parley.openPanel();
  const panel = new PanelPage(page);
  await panel.configure(server.baseURL);
  return { parley, server, panel };
}

export async function stopE2E(e2e: E2E | undefined): Promise<void> {
  await e2e?.parley.close();
  await e2e?.server.close();
}

/** Sets settings the UI does not expose (the stall watchdog) straight in extension storage. */
export async function patchSettings(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (p) => {
    const api = (
      globalThis as unknown as {
        chrome: {
          storage: {
            local: {
              get(k: string): Promise<Record<string, unknown>>;
              set(v: object): Promise<void>;
            };
          };
        };
      }
    ).chrome;
    const current = (await api.storage.local.get('settings')).settings as object;
    await api.storage.local.set({ settings: { ...current, ...p } });
  }, patch);
}

export async function newChat(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New chat' }).click();
}

/**
 * One Chromium and one server for a spec file, a fresh chat and a clean server for each test.
 * Returns a holder filled in before the tests run (tests may swap its `panel`).
 */
export function setUpE2E(): E2E {
  const holder = {} as E2E;
  beforeAll(async () => {
    Object.assign(holder, await startE2E());
  });
  afterAll(async () => {
    await stopE2E(holder);
  });
  beforeEach(async () => {
    holder.server.reset();
    await newChat(holder.panel.page);
  });
  return holder;
}
