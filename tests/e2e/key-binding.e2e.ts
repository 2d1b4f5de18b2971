/**
 * A key goes only to the origin it was saved for (issue 12, item 1). Every "other" server here is
 * a mock of its own on its own port, so it is another origin; what it was sent is read from the
 * requests it recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startMockServer, type MockServer } from '../server/mock-openai.mjs';
import { launchParley, type Parley } from './support/launch';
import { PanelPage } from './support/panel';
import { newChat } from './support/setup';
import { scenario } from './support/scenario';

const KEY_A = `sk-a-${crypto.randomUUID()}`;
const KEY_M = `sk-m-${crypto.randomUUID()}`;
let parley: Parley;
let panel: PanelPage;
let page: Page;
let a: MockServer;
const servers: MockServer[] = [];

async function server(): Promise<MockServer> {
  const started = await startMockServer();
  servers.push(started);
  return started;
}

beforeAll(async () => {
  a = await server();
  parley = await launchParley();
  page = await parley.openPanel();
  panel = new PanelPage(page);
});
afterAll(async () => {
  await parley?.close();
  for (const s of servers) await s.close();
});

/** The state every test starts from: server A configured with KEY_A, through the UI. */
async function useA(): Promise<void> {
  await panel.configure(a.baseURL, KEY_A);
  a.reset();
  await newChat(page);
}

async function openSettings(): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('textbox', { name: 'Base URL', exact: true }).waitFor();
}

async function typeBaseUrl(url: string): Promise<void> {
  await page.getByLabel('Provider', { exact: true }).selectOption('custom');
  await page.getByRole('textbox', { name: 'Base URL', exact: true }).fill(url);
}

async function save(): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.composer.waitFor();
}

/** Every Authorization header a server saw, and whether any carried this key. */
function authsOf(s: MockServer, path?: string): string[] {
  return s.requests
    .filter((r) => !path || r.path === path)
    .map((r) => String(r.headers.authorization ?? '(none)'));
}
const carries = (auths: string[], key: string) => auths.some((h) => h.includes(key));
const hostOf = (s: MockServer) => new URL(s.url).host;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function chatOnce(text: string): Promise<void> {
  // This send's own reply: the last one may be an earlier, already complete reply.
  await panel.sendAndWait(text, 'complete');
}

describe('key binding', () => {
  it('Load models for a new server with an empty key field sends it no saved key', async (ctx) => {
    const row = scenario(ctx, "B's /models gets no Authorization with A's key");
    await useA();
    const b = await server();
    await openSettings();
    await typeBaseUrl(b.baseURL);
    await page.getByRole('button', { name: 'Load models' }).click();
    await page.getByText(/models? available/).waitFor();
    const auths = authsOf(b, '/v1/models');
    row.observed(`B's /v1/models saw Authorization: ${auths.join(', ')}`);
    expect(auths).toHaveLength(1);
    expect(carries(auths, KEY_A)).toBe(false);
    // The form says the saved key is not for this server.
    await page.getByText(new RegExp(`^No key saved for .*${escape(hostOf(b))}`)).waitFor();
    await save();
  });

  it('after Save with a new server and no key, chats and their retries carry no key of another server', async (ctx) => {
    const row = scenario(ctx, "chat, retry and title requests to B carry no A key; A's key kept");
    await useA();
    const b = await server();
    await openSettings();
    await typeBaseUrl(b.baseURL);
    await page.getByLabel('Model', { exact: true }).fill('parley-test-model');
    await save();
    // A 500 is retried: the retry goes with the same (absent) key.
    b.enqueue({ status: 500, headers: { 'retry-after-ms': '50' } }, { text: 'Hello from B.' });
    await chatOnce('hello B');
    const auths = authsOf(b);
    row.figure(
      `${auths.length} requests to B, ${auths.filter((h) => h.includes(KEY_A)).length} with A's key`,
    );
    expect(b.chatRequests().length).toBeGreaterThanOrEqual(2);
    expect(carries(auths, KEY_A)).toBe(false);
    // A's key is still A's: switching back sends it to A again.
    await openSettings();
    await typeBaseUrl(a.baseURL);
    await page.getByText(new RegExp(`^Key saved for .*${escape(hostOf(a))}`)).waitFor();
    await save();
    a.reset();
    await newChat(page);
    await chatOnce('hello A again');
    expect(authsOf(a, '/v1/chat/completions')).toContain(`Bearer ${KEY_A}`);
    row.observed(`B saw ${[...new Set(auths)].join(', ')}; A still gets its key`);
  });

  it('"Use my key for <host>" binds the key to the new server too; removing it there leaves A\'s', async (ctx) => {
    const row = scenario(
      ctx,
      'B gets the key only after the confirmation naming B; Remove is per server',
    );
    await useA();
    const b = await server();
    await openSettings();
    await typeBaseUrl(b.baseURL);
    const confirm = page.getByRole('checkbox', {
      name: new RegExp(`^Use my key for .*${escape(hostOf(b))}`),
    });
    await confirm.check();
    await page.screenshot({ path: 'test-results/settings-key-binding.png', fullPage: true });
    await page.getByRole('button', { name: 'Load models' }).click();
    await page.getByText(/models? available/).waitFor();
    expect(authsOf(b, '/v1/models')).toEqual([`Bearer ${KEY_A}`]);
    await save();
    await chatOnce('hello B with the shared key');
    expect(authsOf(b, '/v1/chat/completions')).toContain(`Bearer ${KEY_A}`);
    // The key is B's now as well, shown by host, and removable for B alone.
    await openSettings();
    await page.getByText(new RegExp(`^Key saved for .*${escape(hostOf(b))}`)).waitFor();
    await page.getByRole('button', { name: 'Remove saved key' }).click();
    // It asks first (issue 16): "Remove the saved key?" → Remove key.
    await page
      .getByRole('group', { name: 'Remove the saved key?' })
      .getByRole('button', { name: 'Remove key' })
      .click();
    await panel.composer.waitFor();
    b.reset();
    await newChat(page);
    await chatOnce('hello B after removing');
    expect(carries(authsOf(b), KEY_A)).toBe(false);
    await openSettings();
    await typeBaseUrl(a.baseURL);
    await page.getByText(new RegExp(`^Key saved for .*${escape(hostOf(a))}`)).waitFor();
    await save();
    expect(await page.content()).not.toContain(KEY_A);
    row.observed('B got the key after the confirmation, none after Remove; A kept its key');
  });

  it('moderation at another origin gets no chat key, only its own', async (ctx) => {
    const row = scenario(ctx, 'moderation server gets no chat key; only the key saved for it');
    await useA();
    const m = await server();
    await openSettings();
    await page.getByRole('combobox', { name: 'Moderation', exact: true }).selectOption('warn');
    await page.getByLabel('Endpoint for checks').fill(m.baseURL);
    await save();
    await chatOnce('hello with moderation elsewhere');
    await expect.poll(() => authsOf(m, '/v1/moderations').length).toBeGreaterThan(0);
    const before = authsOf(m, '/v1/moderations');
    expect(carries(before, KEY_A)).toBe(false);
    // Its own key goes to it, and only to it.
    await openSettings();
    await page.getByLabel('Key for checks').fill(KEY_M);
    await save();
    m.reset();
    a.reset();
    await newChat(page);
    await chatOnce('hello with a moderation key');
    await expect.poll(() => authsOf(m, '/v1/moderations').length).toBeGreaterThan(0);
    expect(authsOf(m, '/v1/moderations').every((h) => h === `Bearer ${KEY_M}`)).toBe(true);
    expect(carries(authsOf(a), KEY_M)).toBe(false);
    expect(authsOf(a, '/v1/chat/completions')).toContain(`Bearer ${KEY_A}`);
    row.observed(`moderation server saw ${before.join(', ')} before its key was saved`);
    // Back to moderation on the chat endpoint for the tests after this one.
    await openSettings();
    await page.getByLabel('Endpoint for checks').fill('');
    await save();
  });

  it('a key saved by an older version is bound to the endpoint it was used with', async (ctx) => {
    const row = scenario(
      ctx,
      'old single key migrated to the base URL origin; a new server gets none',
    );
    await useA();
    const legacy = `sk-legacy-${crypto.randomUUID()}`;
    // The storage an older Parley left: one key, not bound to anything.
    await page.evaluate(async (key) => {
      const local = (
        globalThis as unknown as {
          chrome: {
            storage: {
              local: { set(v: object): Promise<void>; remove(k: string[]): Promise<void> };
            };
          };
        }
      ).chrome.storage.local;
      await local.remove(['secrets']);
      await local.set({ apiKey: key });
    }, legacy);
    await page.reload();
    await panel.composer.waitFor();
    await chatOnce('hello after the update');
    expect(authsOf(a, '/v1/chat/completions')).toContain(`Bearer ${legacy}`);
    const b = await server();
    await openSettings();
    await page.getByText(new RegExp(`^Key saved for .*${escape(hostOf(a))}`)).waitFor();
    await typeBaseUrl(b.baseURL);
    await page.getByRole('button', { name: 'Load models' }).click();
    await page.getByText(/models? available/).waitFor();
    const auths = authsOf(b, '/v1/models');
    expect(carries(auths, legacy)).toBe(false);
    row.observed(`A got the old key; B's /models saw ${auths.join(', ')}`);
    await typeBaseUrl(a.baseURL);
    await save();
  });
});
