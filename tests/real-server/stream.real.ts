/**
 * Long replies from a real llama-server (--ignore-eos, capped by -n): Stop closes the server's
 * stream, and a server killed mid-reply leaves the text kept and Retry working after a restart.
 */
import { describe, expect, it } from 'vitest';
import { eventually, setUpReal } from './support/real';

const real = setUpReal({ model: 'tiny', ctx: 4096, extraArgs: ['--ignore-eos', '-n', '3000'] });

describe('a real llama-server streaming a long reply', () => {
  it('Stop closes the server stream: the slot stops processing', async () => {
    const { panel, llama } = real;
    await panel.send('Go on and on');
    await panel.waitForState('streaming', panel.lastAssistant(), 30_000);
    expect(
      await eventually(async () => (await llama.slots())[0]?.is_processing === true, 5_000),
    ).toBe(true);
    await panel.stopButton.click();
    await panel.waitForState('stopped');
    const idle = await eventually(
      async () => (await llama.slots())[0]?.is_processing === false,
      2_000,
    );
    expect(idle).toBe(true);
  });

  it('the server killed mid-reply: interrupted with the text kept; Retry after a restart completes', async () => {
    const { panel, llama } = real;
    await panel.send('Keep talking');
    await panel.waitForState('streaming', panel.lastAssistant(), 30_000);
    await panel.page.waitForTimeout(300);
    await llama.kill();
    await panel.waitForState('interrupted', panel.lastAssistant(), 15_000);
    const kept = (await panel.lastAssistant().textContent()) ?? '';
    expect(kept.length).toBeGreaterThan(20);
    await panel.page.screenshot({ path: 'test-results/real-server-killed.png' });
    await llama.restart();
    await panel.lastAssistant().getByRole('button', { name: 'Retry' }).click();
    await panel.waitForState('complete', panel.lastAssistant(), 60_000);
  });
});
