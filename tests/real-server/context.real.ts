/**
 * The server's own context size (issue 14, item 6) on a real llama-server with -c 4096: the meter
 * learns it from /v1/models and warns before sending; the server's refusal of a too-big
 * attachment offers Remove attachment, whose retry completes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../server/mock-openai.mjs';
import { attachSelection } from '../e2e/support/attach';
import { setUpReal } from './support/real';

const real = setUpReal({ model: 'tiny', ctx: 4096 });
// Only a host for the page the selection comes from.
let pages: MockServer;
beforeAll(async () => {
  pages = await startMockServer();
});
afterAll(async () => {
  await pages?.close();
});

describe('a real llama-server with a 4,096-token context', () => {
  it('the meter warns before sending; the refusal offers Remove attachment, whose retry completes', async () => {
    const { panel, parley, llama } = real;
    await panel.send('A short question first');
    await panel.waitForState('complete', panel.lastAssistant(), 60_000);
    const big = 'Every region reported its quarterly figures to the central office. '.repeat(500);
    await attachSelection(parley, panel.page, `${pages.url}/pages/hidden-text.html`, big);
    // Learned from /v1/models with the first request: red before this one is sent.
    const meter = panel.page.getByText("more than this server's context");
    await meter.waitFor({ timeout: 10_000 });
    expect(await panel.page.getByText(/\/ 3,150 tokens/).count()).toBe(1);
    await panel.send('Summarise it');
    await panel.waitForState('error', panel.lastAssistant(), 30_000);
    const fix = panel.lastAssistant().getByRole('group', { name: 'Make the request fit' });
    await fix
      .getByText(/longer than the server's context \(4,096 tokens; this request was [\d,]+\)/)
      .waitFor();
    await panel.page.screenshot({ path: 'test-results/real-server-context-refused.png' });
    await fix.getByRole('button', { name: 'Remove attachment' }).click();
    await panel.waitForState('complete', panel.lastAssistant(), 60_000);
    const prompt = (await llama.slots())[0]?.prompt ?? '';
    expect(prompt).toContain('Summarise it');
    expect(prompt).not.toContain('quarterly figures');
  });
});
