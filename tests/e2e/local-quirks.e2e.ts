/**
 * Local servers' quirks through the whole extension (issue 14, item 5), in the shapes llama.cpp's
 * llama-server sends (../shared/tools/llama-server/README.md): a role-only first chunk, an error
 * event after a 200 with no [DONE], model lists with both `models` and `data` (or `data: null`),
 * and a server without /v1/moderations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { patchSettings, setUpE2E } from './support/setup';
import { scenario } from './support/scenario';

const e2e = setUpE2E();

type Runtime = { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } };
const rpc = (page: Page, message: object) =>
  page.evaluate(
    (m) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<Record<string, unknown>>;

async function moderationSettings(page: Page, patch: Record<string, unknown>) {
  const answer = await rpc(page, { type: 'get_settings' });
  const settings = answer.settings as { moderation: object };
  await patchSettings(page, { moderation: { ...settings.moderation, ...patch } });
}

describe('local server quirks', () => {
  it('a role-only first chunk with content null: the reply is just the text', async (ctx) => {
    const row = scenario(ctx, 'complete, no "null" and nothing lost');
    const { panel, server } = e2e;
    server.enqueue({ text: 'Hello from llama.cpp', roleOnlyFirst: true });
    await panel.sendAndWait('Hi', 'complete');
    const text = await panel.lastAssistant().textContent();
    expect(text).toContain('Hello from llama.cpp');
    expect(text).not.toContain('null');
    row.observed(`reply "${'Hello from llama.cpp'}"`);
  });

  it('an error event after a 200 with no [DONE]: the server’s error shown, the text kept', async (ctx) => {
    const row = scenario(ctx, 'error state with the partial text and the server’s message');
    const { panel, server } = e2e;
    server.enqueue({
      chunks: ['Partial ', 'answer so far'],
      roleOnlyFirst: true,
      fault: 'sse-error',
      faultAfterChunks: 2,
      errorEvent: { error: { code: 500, message: 'llama_decode failed', type: 'server_error' } },
    });
    await panel.sendAndWait('Go', 'error');
    const reply = panel.lastAssistant();
    await expect.poll(() => reply.textContent()).toContain('Partial answer so far');
    const card = reply.getByRole('alert');
    // Parley's sentence leads; the server's own words sit under "Server's message" (issue 16).
    const detail = card.locator('details', { hasText: "Server's message" });
    expect(await detail.textContent()).toContain('llama_decode failed');
    await card.getByRole('button', { name: 'Retry' }).waitFor();
    row.observed('partial text kept; "llama_decode failed" under Server\'s message; Retry offered');
  });

  it('model lists with both `models` and `data`, and `data: null` when empty', async () => {
    const { panel, server } = e2e;
    server.local.modelsShape = 'llamacpp';
    expect(await rpc(panel.page, { type: 'list_models', baseUrl: server.baseURL })).toEqual({
      type: 'models',
      models: ['parley-test-model', 'parley-test-model-2'],
    });
    server.local.modelsShape = 'ollama-empty';
    expect(await rpc(panel.page, { type: 'list_models', baseUrl: server.baseURL })).toEqual({
      type: 'models',
      models: [],
    });
  });

  it('no /v1/moderations (404): fail-open chats on and settings say so; fail-closed holds', async (ctx) => {
    const row = scenario(ctx, 'open: complete + "unsupported" remembered; closed: held');
    const { panel, server } = e2e;
    server.moderation.status = 404;
    await panel.sendAndWait('Moderate me', 'complete');
    await expect
      .poll(async () => {
        const answer = await rpc(panel.page, { type: 'get_settings' });
        return (answer.settings as { moderationUnsupported: boolean }).moderationUnsupported;
      })
      .toBe(true);

    await moderationSettings(panel.page, { failMode: 'hold' });
    try {
      await panel.sendAndWait('Moderate me again', 'error');
      expect(await panel.lastAssistant().textContent()).toMatch(/Moderation is unavailable/);
    } finally {
      await moderationSettings(panel.page, { failMode: 'allow' });
    }
    row.observed('fail-open reply complete, endpoint marked unsupported; fail-closed held');
  });
});
