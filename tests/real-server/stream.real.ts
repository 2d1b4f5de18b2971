/**
 * Long replies from a real llama-server (--ignore-eos, capped by -n): Stop closes the server's
 * stream, and a server killed mid-reply leaves the text kept and Retry working after a restart.
 */
import { describe, expect, it } from 'vitest';
import { eventually, setUpReal } from './support/real';
import { report, serverTimings, timeReply } from './support/timing';

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
  it('measures first-token time and tokens/s through the panel (3,000 tokens)', async () => {
    const { panel, llama } = real;
    const logFrom = llama.log().length;
    const sentAt = Date.now();
    await panel.send('Measure me');
    const timing = await timeReply(panel.lastAssistant(), sentAt, 90_000);
    // -n 3000 with --ignore-eos: every reply is exactly 3,000 tokens.
    const streamMs = timing.firstTokenMs === null ? 0 : timing.doneMs - timing.firstTokenMs;
    report('real-server-speed', {
      model: 'random-qwen2-tiny, -t 1, -c 4096, --ignore-eos -n 3000',
      state: timing.state,
      firstTokenMs: timing.firstTokenMs,
      tokens: 3000,
      tokensPerSecond: streamMs > 0 ? (2999 * 1000) / streamMs : null,
      server: serverTimings(llama.log().slice(logFrom)),
    });
    expect(timing.state).toBe('complete');
  });
});
