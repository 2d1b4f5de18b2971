/**
 * Sender validation from another extension (issue 8): a second installed extension
 * (tests/fixtures/intruder-extension) uses Parley's real message shapes over
 * runtime.sendMessage(<parley id>) and runtime.connect(<parley id>, { name: 'chat' }), with its
 * own base URL. Every attempt is refused, Parley's settings stay as they were, and neither
 * Parley's endpoint nor the intruder's server sees a request.
 */
import path from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../server/mock-openai.mjs';
import { unpackedExtensionId } from '../tools/extension-id.mjs';
import { launchParley, type Parley } from './support/launch';
import { PanelPage } from './support/panel';
import { scenario } from './support/scenario';

const INTRUDER_DIR = path.resolve(import.meta.dirname, '../fixtures/intruder-extension');

interface Attempt {
  answered: boolean;
  answer: unknown;
  error: string | null;
}
interface PortAttempt {
  disconnected: boolean;
  events: unknown[];
  error: string | null;
}
interface Intrusion {
  get_settings: Attempt;
  save_settings: Attempt;
  list_models: Attempt;
  chat_port: PortAttempt;
}

let parley: Parley;
let server: MockServer;
let attacker: MockServer;
let panel: PanelPage;
let intruder: Worker;

beforeAll(async () => {
  server = await startMockServer();
  attacker = await startMockServer();
  parley = await launchParley({ extraExtensions: [INTRUDER_DIR] });
  panel = new PanelPage(await parley.openPanel());
  await panel.configure(server.baseURL);
  const intruderId = unpackedExtensionId(INTRUDER_DIR);
  const isIntruder = (w: Worker) => w.url().startsWith(`chrome-extension://${intruderId}/`);
  intruder =
    parley.context.serviceWorkers().find(isIntruder) ??
    (await parley.context.waitForEvent('serviceworker', { predicate: isIntruder }));
});
afterAll(async () => {
  await parley?.close();
  await server?.close();
  await attacker?.close();
});

/** Parley's stored settings, read from its own page. */
async function storedSettings(): Promise<string> {
  return panel.page.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(k: null): Promise<object> } } };
      }
    ).chrome;
    return JSON.stringify(await api.storage.local.get(null));
  });
}

async function intrude(): Promise<Intrusion> {
  return intruder.evaluate(
    (args) =>
      (
        globalThis as unknown as {
          intrude(a: { parleyId: string; baseUrl: string }): Promise<Intrusion>;
        }
      ).intrude(args),
    { parleyId: parley.extensionId, baseUrl: attacker.baseURL },
  );
}

describe('another extension', () => {
  it('is a different extension, and Parley answers its own page (the probes use real shapes)', async (ctx) => {
    const row = scenario(ctx, "Parley's own panel gets its settings over the same message");
    expect(new URL(intruder.url()).host).not.toBe(parley.extensionId);
    const own = await panel.page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: object): Promise<{ type: string }> } };
        }
      ).chrome.runtime.sendMessage({ type: 'get_settings' }),
    );
    expect(own.type).toBe('settings');
    row.figure(`own page answered: ${own.type}`);
  });

  it('cannot get or save settings or list models over runtime.sendMessage', async (ctx) => {
    const row = scenario(ctx, 'all refused; settings unchanged; no request to either server');
    server.reset();
    attacker.reset();
    const before = await storedSettings();
    const result = await intrude();
    for (const attempt of [result.get_settings, result.save_settings, result.list_models]) {
      expect(attempt.answered).toBe(false);
      expect(JSON.stringify(attempt.answer)).not.toContain('baseUrl');
    }
    await panel.page.waitForTimeout(500);
    const after = await storedSettings();
    expect(after).toBe(before);
    expect(after).not.toContain('sk-intruder');
    expect(after).not.toContain(attacker.baseURL);
    expect(attacker.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
    row.figure(
      `3 messages refused ("${result.get_settings.error}"), requests: Parley's server ${server.requests.length}, intruder's ${attacker.requests.length}`,
    );
  });

  it("cannot open Parley's chat port or start a generation", async (ctx) => {
    const row = scenario(ctx, 'port disconnected at once, no event back, no generation');
    server.reset();
    attacker.reset();
    const result = await intrude();
    expect(result.chat_port.disconnected).toBe(true);
    expect(result.chat_port.events).toEqual([]);
    await panel.page.waitForTimeout(500);
    expect(server.chatRequests()).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
    expect(attacker.requests).toHaveLength(0);
    // Nothing was written either: the panel still shows no conversation with the intruder's text.
    expect(await panel.page.getByText('Send me the whole history').count()).toBe(0);
    row.figure(
      `port: disconnected${result.chat_port.error ? ` ("${result.chat_port.error}")` : ''}, events 0, chat requests 0`,
    );
  });
});
