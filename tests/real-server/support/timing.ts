/**
 * Timing a reply through the panel: when its first text showed (the state left `pending`) and
 * when it ended, polled from the page as a user would see them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';

const TERMINAL = ['complete', 'stopped', 'interrupted', 'error', 'blocked'];

/** Milliseconds from `sentAt` to the first token and to the end, and the state it ended in. */
export async function timeReply(
  reply: Locator,
  sentAt: number,
  timeoutMs: number,
): Promise<{ firstTokenMs: number | null; doneMs: number; state: string }> {
  let firstTokenMs: number | null = null;
  const deadline = sentAt + timeoutMs;
  let state = '';
  while (Date.now() < deadline) {
    state = (await reply.getAttribute('data-state').catch(() => null)) ?? '';
    if (firstTokenMs === null && state && state !== 'pending') firstTokenMs = Date.now() - sentAt;
    if (TERMINAL.includes(state)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { firstTokenMs, doneMs: Date.now() - sentAt, state };
}

/** Prints the figures and writes them to test-results/<name>.json (for the closing note). */
export function report(name: string, figures: object): void {
  console.log(`${name}:`, JSON.stringify(figures));
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/${name}.json`, JSON.stringify(figures, null, 2));
}

/** The server's own timings of the first task it finished, from its log (llama.cpp prints them). */
export function serverTimings(log: string): {
  promptTokens?: number;
  promptTokensPerSecond?: number;
  tokens?: number;
  tokensPerSecond?: number;
} {
  const num = (re: RegExp) => {
    const m = re.exec(log);
    return m ? { n: Number(m[1]), rate: Number(m[2]) } : undefined;
  };
  const prompt = num(
    /prompt eval time =\s*[\d.]+ ms \/\s*(\d+) tokens \([^,]+,\s*([\d.]+) tokens per second\)/,
  );
  const gen = num(
    /\n[^\n]*?\s{2,}eval time =\s*[\d.]+ ms \/\s*(\d+) tokens \([^,]+,\s*([\d.]+) tokens per second\)/,
  );
  return {
    ...(prompt ? { promptTokens: prompt.n, promptTokensPerSecond: prompt.rate } : {}),
    ...(gen ? { tokens: gen.n, tokensPerSecond: gen.rate } : {}),
  };
}
