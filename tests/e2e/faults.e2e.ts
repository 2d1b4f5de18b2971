/**
 * More ways the server and the network fail, each with its "nothing lost" state (issue 8).
 */
import { describe, expect, it } from 'vitest';
import { newChat, patchSettings, setUpE2E } from './support/setup';
import { PanelPage } from './support/panel';
import { scenario } from './support/scenario';

const e2e = setUpE2E();

const text = () => e2e.panel.lastAssistant().textContent();

describe('faults', () => {
  it('500 then 503 then success: retried with backoff, the reply completes', async (ctx) => {
    const row = scenario(ctx, 'retried with backoff; reply complete');
    const { panel, server } = e2e;
    server.enqueue({ status: 500 }, { status: 503 }, { text: 'Third time lucky.' });
    await panel.sendAndWait('hello', 'complete', 15_000);
    expect(server.chatRequests()).toHaveLength(3);
    expect(await text()).toContain('Third time lucky.');
    row.figure(`${server.chatRequests().length} requests`);
  });

  it('an SSE error event mid-stream keeps the partial text and offers Retry', async (ctx) => {
    scenario(ctx, 'partial text kept, marked error; Retry completes');
    const { panel, server } = e2e;
    server.enqueue(
      { chunks: ['Partial ', 'answer '], fault: 'sse-error', faultAfterChunks: 2 },
      { text: 'Whole answer.' },
    );
    await panel.sendAndWait('hello', 'error');
    expect(await text()).toContain('Partial answer');
    await panel.replyAfter(() =>
      panel.lastAssistant().getByRole('button', { name: 'Retry' }).click(),
    );
    expect(await text()).toContain('Whole answer.');
  });

  it('malformed SSE (1-byte splits, CRLF, comments, unknown events) still yields the exact text', async (ctx) => {
    scenario(ctx, 'the exact text, complete');
    const { panel, server } = e2e;
    const reply = 'Ünïcödé 🌍 survives\nbyte splits, CRLF and comments.';
    server.enqueue({
      text: reply,
      splitBytes: true,
      crlf: true,
      comments: true,
      unknownEvents: true,
    });
    await panel.sendAndWait('hello', 'complete');
    expect(await text()).toContain('Ünïcödé 🌍 survives');
    expect(await text()).toContain('byte splits, CRLF and comments.');
  });

  it('a bad JSON event mid-stream ends the reply as an error with the text so far kept', async (ctx) => {
    scenario(ctx, 'text so far kept; the reply ends (not complete-looking garbage)');
    const { panel, server } = e2e;
    server.enqueue({ chunks: ['Kept ', 'text ', 'never'], badJsonAt: 2 });
    // Its own article first: the last one may still be the previous test's reply.
    await (await panel.send('hello')).waitFor();
    await expect
      .poll(async () => (await panel.lastAssistant().getAttribute('data-state')) ?? '')
      .toMatch(/error|interrupted|complete/);
    expect(await text()).toContain('Kept text');
  });

  it('headers slower than the request timeout: a clear timeout message, the message kept', async (ctx) => {
    scenario(ctx, '"took too long"; the user\'s message kept');
    const { panel, server } = e2e;
    await patchSettings(panel.page, { requestTimeoutMs: 800 });
    server.enqueue({ text: 'too late', headersDelayMs: 3000 });
    await panel.sendAndWait('are you there?', 'error', 10_000);
    await panel.lastAssistant().getByText('took too long').waitFor();
    expect(await panel.userMessages.last().textContent()).toContain('are you there?');
    await patchSettings(panel.page, { requestTimeoutMs: 60_000 });
  });

  it('an unreachable server says so and keeps the message', async (ctx) => {
    scenario(ctx, '"Couldn\'t reach the server"; the message kept');
    const { panel, server } = e2e;
    const { page } = panel;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    await page
      .getByRole('textbox', { name: 'Base URL', exact: true })
      .fill('http://127.0.0.1:9/v1');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // Save tests a new endpoint first and asks before keeping one that does not answer (issue 14).
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await panel.composer.waitFor();
    try {
      await newChat(page);
      await panel.sendAndWait('anyone home?', 'error', 10_000);
      await panel.lastAssistant().getByText("Couldn't reach the server").waitFor();
      expect(await panel.userMessages.last().textContent()).toContain('anyone home?');
    } finally {
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await page.getByRole('textbox', { name: 'Base URL', exact: true }).fill(server.baseURL);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await panel.composer.waitFor();
    }
  });

  it('two panels streaming at once: no cross-talk', async (ctx) => {
    scenario(ctx, 'each panel shows only its own reply');
    const { panel, server, parley } = e2e;
    const second = new PanelPage(await parley.openPanel());
    await newChat(second.page);
    server.enqueue(
      { chunks: Array.from({ length: 20 }, (_, i) => `one${i} `), chunkDelayMs: 30 },
      { chunks: Array.from({ length: 20 }, (_, i) => `two${i} `), chunkDelayMs: 30 },
    );
    const one = await panel.send('first panel');
    const two = await second.send('second panel');
    await panel.waitForState('complete', one);
    await second.waitForState('complete', two);
    const a = (await panel.lastAssistant().textContent()) ?? '';
    const b = (await second.lastAssistant().textContent()) ?? '';
    expect(a).toContain('one19');
    expect(a).not.toContain('two');
    expect(b).toContain('two19');
    expect(b).not.toContain('one');
    expect(await panel.userMessages.count()).toBe(1);
    expect(await second.userMessages.count()).toBe(1);
    await second.page.close();
  });
});
