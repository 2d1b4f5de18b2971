/**
 * Nothing outside Parley's own pages can drive it or read the key (issue 8, first checks): a page
 * script, a script injected into a page (content-script world), and storage access from there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { startE2E, stopE2E, type E2E } from './support/setup';
import { scenario } from './support/scenario';

const CANARY = `sk-canary-${crypto.randomUUID()}`;
let e2e: E2E;
let worker: Worker;
let page: Page;
const consoleLines: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  worker = await e2e.parley.worker();
  // Store the canary as the key through the UI, like a user.
  await e2e.panel.page.getByRole('button', { name: 'Settings', exact: true }).click();
  await e2e.panel.page.getByLabel('API key', { exact: true }).fill(CANARY);
  await e2e.panel.page.getByRole('button', { name: 'Save', exact: true }).click();
  await e2e.panel.composer.waitFor();
  e2e.panel.page.on('console', (m) => consoleLines.push(m.text()));
  worker.on('console', (m) => consoleLines.push(m.text()));
  page = await e2e.parley.context.newPage();
  page.on('console', (m) => consoleLines.push(m.text()));
  await page.goto(`${e2e.server.url}/pages/code-in-iframe.html`);
});
afterAll(async () => {
  await stopE2E(e2e);
});

type Probe = 'get_settings' | 'open_port' | 'read_storage';

// The extension APIs as the probes use them (they run in the worker and in the page's isolated world).
declare const chrome: {
  runtime: {
    sendMessage(message: object): Promise<unknown>;
    connect(options: { name: string }): {
      onDisconnect: { addListener(listener: () => void): void };
      postMessage(message: object): void;
    };
  };
  storage: { local: { get(keys: null): Promise<object> } };
  tabs: { query(query: object): Promise<{ id?: number }[]> };
  scripting: {
    executeScript(options: {
      target: { tabId: number };
      func: () => unknown;
    }): Promise<{ result?: unknown }[]>;
  };
};

/** Runs a probe in the page's isolated world, the way a content script would. */
async function inContentScript<T>(probe: Probe): Promise<T> {
  return worker.evaluate(
    async ({ url, probe }) => {
      const probes = {
        get_settings: async () => {
          try {
            return await chrome.runtime.sendMessage({ type: 'get_settings' });
          } catch (error) {
            return `refused: ${(error as Error).message}`;
          }
        },
        open_port: () =>
          new Promise((resolve) => {
            const port = chrome.runtime.connect({ name: 'chat' });
            port.onDisconnect.addListener(() => resolve('disconnected'));
            port.postMessage({
              type: 'send',
              requestId: 'x',
              conversationId: null,
              parentId: null,
              text: 'exfiltrate',
              attachments: [],
            });
            setTimeout(() => resolve('still open'), 1500);
          }),
        read_storage: async () => {
          try {
            return JSON.stringify(await chrome.storage.local.get(null));
          } catch (error) {
            return `refused: ${(error as Error).message}`;
          }
        },
      };
      const [tab] = await chrome.tabs.query({ url });
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: tab?.id as number },
        func: probes[probe],
      });
      return result?.result;
    },
    { url: `${e2e.server.url}/pages/code-in-iframe.html`, probe },
  ) as Promise<T>;
}

describe('security', () => {
  it('a web page has no way to message the extension (externally_connectable closed)', async (ctx) => {
    scenario(ctx, 'no messaging API for pages; nothing reaches Parley');
    const reachable = await page.evaluate(
      () =>
        typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
          ?.sendMessage,
    );
    expect(reachable).not.toBe('function');
  });

  it('a content-script-world script is refused: no settings, no generation', async (ctx) => {
    scenario(ctx, 'settings refused, port closed, no request to the server');
    e2e.server.reset();
    const answer = await inContentScript<unknown>('get_settings');
    expect(JSON.stringify(answer ?? null)).not.toContain('baseUrl');
    const portResult = await inContentScript<string>('open_port');
    expect(portResult).toBe('disconnected');
    await new Promise((r) => setTimeout(r, 500));
    expect(e2e.server.chatRequests()).toHaveLength(0);
  });

  it('a content-script-world script cannot read the key from storage', async (ctx) => {
    scenario(ctx, 'storage.local not readable from a content script');
    const read = await inContentScript<string>('read_storage');
    // The probe ran (it answered), and what it got has no key in it.
    expect(typeof read).toBe('string');
    expect(read).not.toContain(CANARY);
  });

  it('the key never shows in the panel DOM, the page, the console, or requests to other hosts', async (ctx) => {
    scenario(ctx, 'canary key: 0 occurrences outside requests to the API');
    await e2e.panel.sendAndWait('hello with the canary key set', 'complete');
    expect(await e2e.panel.page.content()).not.toContain(CANARY);
    expect(await page.content()).not.toContain(CANARY);
    expect(consoleLines.join('\n')).not.toContain(CANARY);
    expect(e2e.server.canaryHits).toHaveLength(0);
    // The key goes only to the configured endpoint, as a bearer token.
    const auth = e2e.server.chatRequests().at(-1)?.headers.authorization;
    expect(auth).toBe(`Bearer ${CANARY}`);
  });
});
