/**
 * A restarted worker (issue 17, M1 cold): what the context probe learned is kept in session
 * storage, so the new worker's first request goes out without asking the server first, and
 * llama.cpp is still asked for prompt progress; the server is asked again after that reply.
 */
import { describe, expect, it } from 'vitest';
import { killServiceWorker } from './support/launch';
import { newChat, patchSettings, setUpE2E } from './support/setup';

const e2e = setUpE2E();

describe('what the probe learned, across a worker restart', () => {
  it('a restarted worker sends at once and still gets llama.cpp’s prompt progress', async () => {
    const { panel, server, parley } = e2e;
    const { page } = panel;
    const progress = { total: 2560, steps: [0, 1200], stepMs: 300 };
    server.local.modelsShape = 'llamacpp';
    await patchSettings(page, { model: 'probe-cache' });
    await newChat(page);
    server.enqueue({ text: 'First.', progress, ttftMs: 800 });
    await panel.sendAndWait('Before the restart', 'complete', 10_000);
    expect(server.chatRequests().at(-1)?.body).toMatchObject({ return_progress: true });
    const probes = () => server.requests.filter((r) => r.path === '/v1/models').length;
    expect(probes()).toBeGreaterThan(0);

    await killServiceWorker(page, parley.extensionId);
    // The panel's port reconnects, which starts a fresh worker with nothing in memory.
    await page.waitForTimeout(1_500);
    const since = server.requests.length;
    server.enqueue({ text: 'Read it all.', progress, ttftMs: 2500 });
    const reply = await panel.send('After the restart');
    const status = reply.getByRole('status').filter({ hasText: '1,200 of 2,560 tokens' });
    await status.waitFor({ timeout: 5000 });
    await panel.waitForState('complete', reply, 10_000);
    expect(await reply.textContent()).toContain('Read it all.');
    const after = server.requests.slice(since);
    // The chat request is the first to reach the server: no probe went before it.
    expect(after[0]?.path).toBe('/v1/chat/completions');
    expect(after[0]?.body).toMatchObject({ model: 'probe-cache', return_progress: true });
    // Then, off the first token's path, the new worker checks what the cache said.
    await expect
      .poll(() => server.requests.slice(since).some((r) => r.path === '/v1/models'))
      .toBe(true);
  });
});
