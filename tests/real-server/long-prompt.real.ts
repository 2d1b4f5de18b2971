/**
 * A long prompt on a slow server (issue 14): the Qwen2.5-0.5B-shaped model on two threads reads a
 * prompt of a few thousand tokens in silence (tens of seconds to minutes, with the CPU shared).
 * Parley waits past its stall watchdog (lowered here to 10 s with the request timeout, so any
 * machine outlasts it), says the model is reading the prompt, and completes. Measures the
 * first-token time and tokens/s through the panel.
 */
import { describe, expect, it } from 'vitest';
import { patchSettings } from '../e2e/support/setup';
import { setUpReal } from './support/real';
import { report, serverTimings, timeReply } from './support/timing';

// The model file says it was trained for 4,096 tokens, and llama-server caps the slot's context
// there whatever -c says: the prompt stays under it.
const real = setUpReal({
  model: '0.5b',
  ctx: 4096,
  threads: 2,
  extraArgs: ['-n', '48'],
});

const WORDS = 'the river runs past an old mill where children play and the light falls'.split(' ');
// Longer than the old first-token watchdog (max(stall 45 s, request 60 s)) on a machine as
// fast as the warm-up says; the test's own lowered watchdog (10 s) is outlasted in any case.
const READ_SECONDS = 65;

/** The server's prompt speed on a ~300-token prompt, from the timings it returns. */
async function promptTokensPerSecond(url: string): Promise<number> {
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      model: 'warm-up',
      max_tokens: 1,
      messages: [{ role: 'user', content: `Warm up: ${'a quiet morning by the sea '.repeat(50)}` }],
    }),
  });
  const body = (await response.json()) as { timings?: { prompt_per_second?: number } };
  return body.timings?.prompt_per_second ?? 100;
}

describe('a long prompt on the 0.5B-shaped model', () => {
  it('waits through the silence, shows the prompt being read, and completes', async () => {
    const { panel, llama } = real;
    await patchSettings(panel.page, { stallTimeoutMs: 10_000, requestTimeoutMs: 10_000 });
    // Sized to this machine: about READ_SECONDS of reading at the speed a short warm-up showed
    // (~150 tokens/s on two idle cores: ~2,900 words; a busy shared machine reads far slower).
    const rate = await promptTokensPerSecond(llama.url);
    const words = Math.max(400, Math.min(3_000, Math.round(rate * READ_SECONDS)));
    const prompt = Array.from({ length: words }, (_, i) => WORDS[i % WORDS.length]).join(' ');
    const sentAt = Date.now();
    await panel.send(`Summarise: ${prompt}`);
    const reply = panel.lastAssistant();
    // llama.cpp reports its own progress (return_progress); before its first report, the estimate.
    await reply
      .getByText(
        /Reading the prompt… (\d+ s · about [\d,]+ tokens|[\d,]+ of [\d,]+ tokens · \d+ s)/,
      )
      .waitFor();
    await panel.page.screenshot({ path: 'test-results/real-server-reading-prompt.png' });
    const timing = await timeReply(reply, sentAt, 220_000);
    const streamMs = timing.firstTokenMs === null ? 0 : timing.doneMs - timing.firstTokenMs;
    const server = serverTimings(llama.log());
    report('real-server-long-prompt', {
      model: 'random-qwen2-0.5b-q4_k_m, -t 2, -c 4096, -n 48',
      warmUpPromptTokensPerSecond: rate,
      words,
      state: timing.state,
      firstTokenMs: timing.firstTokenMs,
      tokensPerSecond:
        streamMs > 0 && server.tokens && server.tokens > 1
          ? ((server.tokens - 1) * 1000) / streamMs
          : null,
      server,
    });
    if (timing.state !== 'complete') console.log(llama.log().slice(-3000));
    expect(timing.state).toBe('complete');
    expect(timing.firstTokenMs).toBeGreaterThan(10_000);
  }, 300_000);
});
