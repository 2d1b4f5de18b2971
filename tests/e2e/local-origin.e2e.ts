/**
 * Ollama's Origin check (issue 14, item 1), against the mock acting like Ollama (403 with an empty
 * body for an extension's Origin): the session rule removes Origin from Parley's own requests to
 * the local endpoint, a page's requests to the same server keep theirs, and without the rule the
 * 403 shows what Ollama checks and the exact OLLAMA_ORIGINS fix with a copy button.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { patchSettings, setUpE2E } from './support/setup';
import { killServiceWorker } from './support/launch';
import { scenario } from './support/scenario';

const e2e = setUpE2E();
const SHOTS = path.resolve(import.meta.dirname, 'screenshots');

interface Rule {
  id: number;
  action: { type: string; requestHeaders?: { header: string; operation: string }[] };
  condition: { urlFilter?: string; initiatorDomains?: string[]; resourceTypes?: string[] };
}

type Dnr = {
  declarativeNetRequest: {
    getSessionRules(): Promise<Rule[]>;
    updateSessionRules(o: { removeRuleIds: number[] }): Promise<void>;
  };
};

const sessionRules = (worker: Worker) =>
  worker.evaluate(() =>
    (globalThis as unknown as { chrome: Dnr }).chrome.declarativeNetRequest.getSessionRules(),
  );

async function settingsRewritten() {
  // Any settings write makes the worker apply the rule again (it follows the saved settings).
  await patchSettings(e2e.panel.page, { systemPrompt: `Be brief. ${Date.now()}` });
}

describe('Ollama’s Origin check', () => {
  it('one session rule, for Parley’s own requests to the local host and port only', async () => {
    const worker = await e2e.parley.worker();
    await expect.poll(() => sessionRules(worker)).toHaveLength(1);
    const [rule] = await sessionRules(worker);
    expect(rule?.action).toEqual({
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'origin', operation: 'remove' }],
    });
    expect(rule?.condition).toEqual({
      urlFilter: `|${e2e.server.url}/`,
      initiatorDomains: [e2e.parley.extensionId],
      resourceTypes: ['xmlhttprequest'],
    });
  });

  it('chat completes against an Ollama-like server, which never sees the extension’s Origin', async (ctx) => {
    const row = scenario(ctx, 'reply complete; no chrome-extension Origin reached the server');
    const { panel, server } = e2e;
    server.local.originCheck = true;
    await panel.sendAndWait('Hello Ollama', 'complete');
    await expect.poll(() => server.sideRequests().length).toBeGreaterThan(0);
    const ours = server.requests.filter((r) => r.path.startsWith('/v1/'));
    expect(ours.length).toBeGreaterThan(0);
    const origins = ours.map((r) => r.headers.origin);
    expect(origins.every((o) => o === undefined)).toBe(true);
    row.observed(`${ours.length} requests (chat, title, moderation), none with an Origin`);
  });

  it('a page on another origin calling the same server keeps its Origin', async (ctx) => {
    const row = scenario(ctx, 'the rule never touches a web page’s requests');
    const { parley, server } = e2e;
    server.local.originCheck = true;
    const port = new URL(server.url).port;
    const page = await parley.context.newPage();
    await page.goto(`http://localhost:${port}/pages/go-snippet.html`);
    const status = await page.evaluate(
      async (url) => (await fetch(url, { method: 'POST', body: '{}' })).status,
      `${server.url}/v1/moderations`,
    );
    await page.close();
    const seen = server.requests.filter((r) => r.path === '/v1/moderations');
    expect(seen.at(-1)?.headers.origin).toBe(`http://localhost:${port}`);
    // Ollama lets a localhost page in, as it always did: nothing widened, nothing narrowed.
    expect(status).toBe(200);
    row.observed(`the page's request arrived with Origin http://localhost:${port}`);
  });

  it('without the rule, the 403 names what Ollama checks and the exact fix, with a copy button', async (ctx) => {
    const row = scenario(ctx, 'error card: OLLAMA_ORIGINS=chrome-extension://<id>, Copy setting');
    const { panel, server, parley } = e2e;
    server.local.originCheck = true;
    const worker = await parley.worker();
    await worker.evaluate(() =>
      (globalThis as unknown as { chrome: Dnr }).chrome.declarativeNetRequest.updateSessionRules({
        removeRuleIds: [1401, 1402],
      }),
    );
    await panel.sendAndWait('Hello again', 'error');
    const card = panel.lastAssistant().getByRole('alert');
    const fix = `OLLAMA_ORIGINS=chrome-extension://${parley.extensionId}`;
    await expect.poll(() => card.textContent()).toContain(fix);
    const text = (await card.textContent()) ?? '';
    expect(text).toMatch(/The local server refused the request/);
    expect(text).toMatch(/Ollama checks each request’s Origin/);
    expect(text).not.toMatch(/This key is not allowed/);
    expect(server.chatRequests().at(-1)?.headers.origin).toBe(
      `chrome-extension://${parley.extensionId}`,
    );
    await card.getByRole('button', { name: 'Copy setting' }).click();
    await card.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    // What the user would paste: the real clipboard, pasted into the composer.
    await panel.composer.fill('');
    await panel.composer.focus();
    await panel.page.keyboard.press('ControlOrMeta+V');
    const copied = await panel.composer.inputValue();
    await panel.composer.fill('');
    expect(copied).toBe(fix);
    mkdirSync(SHOTS, { recursive: true });
    await panel.lastAssistant().screenshot({ path: `${SHOTS}/local-origin-403.png` });

    // The rule comes back with the next settings write; Retry then goes through.
    await settingsRewritten();
    await expect.poll(() => sessionRules(worker)).toHaveLength(1);
    await panel.replyAfter(() => card.getByRole('button', { name: 'Retry' }).click());
    row.observed(`card shows "${fix}"; copied exactly; Retry after the rule returned completes`);
  });

  it('the Ollama preset’s shape (localhost, not 127.0.0.1) gets its own rule and works', async () => {
    const { panel, server, parley } = e2e;
    const port = new URL(server.url).port;
    const worker = await parley.worker();
    server.local.originCheck = true;
    await patchSettings(panel.page, { baseUrl: `http://localhost:${port}/v1` });
    try {
      await expect
        .poll(async () => (await sessionRules(worker))[0]?.condition.urlFilter)
        .toBe(`|http://localhost:${port}/`);
      await panel.sendAndWait('Hello localhost', 'complete');
      const chat = server.chatRequests().at(-1);
      expect(chat?.headers.host).toBe(`localhost:${port}`);
      expect(chat?.headers.origin).toBeUndefined();
    } finally {
      await patchSettings(panel.page, { baseUrl: server.baseURL });
    }
  });

  it('after the worker’s death the new worker has the rule again, and the chat still works', async () => {
    const { panel, server, parley } = e2e;
    server.local.originCheck = true;
    await killServiceWorker(panel.page, parley.extensionId);
    await panel.sendAndWait('After a worker restart', 'complete');
    expect(server.chatRequests().at(-1)?.headers.origin).toBeUndefined();
    await expect.poll(async () => (await sessionRules(await parley.worker())).length).toBe(1);
  });

  it('Load models on a local URL not saved yet gets through too, and leaves no rule behind', async () => {
    const { panel, server, parley } = e2e;
    server.local.originCheck = true;
    const fresh = `http://localhost:${new URL(server.url).port}/v1`;
    const answer = await panel.page.evaluate(
      (baseUrl) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: object): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage({ type: 'list_models', baseUrl }),
      fresh,
    );
    expect(answer).toEqual({
      type: 'models',
      models: ['parley-test-model', 'parley-test-model-2'],
    });
    expect(server.requests.at(-1)?.headers.origin).toBeUndefined();
    const rules = await sessionRules(await parley.worker());
    expect(rules.map((r) => r.condition.urlFilter)).toEqual([`|${server.url}/`]);
  });

  it('a remote endpoint has no rule; a local one gets it back', async () => {
    const worker = await e2e.parley.worker();
    await patchSettings(e2e.panel.page, { baseUrl: 'https://api.openai.com/v1' });
    await expect.poll(() => sessionRules(worker)).toHaveLength(0);
    await patchSettings(e2e.panel.page, { baseUrl: e2e.server.baseURL });
    await expect.poll(() => sessionRules(worker)).toHaveLength(1);
  });
});
