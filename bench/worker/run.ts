/**
 * One reply through the worker's real path in Node (issue 17, M6): lib/llm (fetch, the SSE
 * reader) → lib/engine/generation (append, watchdog, coalesced deltas, flush timer) with
 * lib/moderation (the input gate and reply checks against the server's /v1/moderations). What
 * it leaves out: IndexedDB writes (`persist` resolves at once) and posting deltas to panels
 * (`emit` counts them); both are the same before and after issue 17's worker change.
 */
import { startGeneration } from '../../lib/engine/generation';
import { createOpenAiCompatibleProvider } from '../../lib/llm/openai-compatible';
import { DEFAULT_MODERATION_SETTINGS } from '../../lib/model/moderation';
import { createModerationProvider } from '../../lib/moderation/providers';
import { moderateTurn } from '../../lib/moderation/turn';

/** What one reply cost the process and what it sent. */
export interface WorkerRun {
  /** User + system CPU time of this process from Send to the final moderation check, ms. */
  cpuMs: number;
  wallMs: number;
  state: string;
  chars: number;
  deltas: number;
  moderationRequests: number;
  /** Characters of reply text sent to /v1/moderations (the user's message excluded). */
  moderatedChars: number;
}

/** Streams `tokens` at `rate` tokens/s from the server at `url` and measures the reply. */
export async function runReply(
  url: string,
  tokens: string[],
  rate: number,
  moderation: boolean,
): Promise<WorkerRun> {
  await fetch(`${url}/__control/enqueue`, {
    method: 'POST',
    body: JSON.stringify({ chunks: tokens, tokensPerSecond: rate }),
  });
  const provider = createOpenAiCompatibleProvider({
    apiKey: 'sk-bench',
    baseUrl: `${url}/v1`,
    timeoutMs: 60_000,
  });
  let moderationRequests = 0;
  let moderatedChars = 0;
  const counted = {
    ...provider,
    moderate: (input: string, signal: AbortSignal) => {
      moderationRequests++;
      if (input !== 'bench') moderatedChars += input.length;
      return provider.moderate(input, signal);
    },
  };
  const settings = { ...DEFAULT_MODERATION_SETTINGS, mode: moderation ? 'warn' : 'off' } as const;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const turn = moderateTurn({
    settings,
    provider: createModerationProvider(settings, counted),
    userMessageId: 'u',
    userText: 'bench',
    assistantMessageId: 'a',
    report: () => undefined,
  });
  let deltas = 0;
  const handle = startGeneration(
    { messageId: 'a', conversationId: 'c' },
    {
      openStream: (signal) =>
        provider.streamChat({ model: 'm', messages: [{ role: 'user', content: 'bench' }] }, signal),
      persist: async () => undefined,
      emit: (event) => {
        if (event.type === 'delta') deltas++;
      },
      onStorageError: () => undefined,
      isOnline: () => true,
      ...(turn ? { inputGate: turn.inputGate, onText: turn.onText } : {}),
    },
  );
  const terminal = await handle.done;
  const content = handle.snapshot().content;
  await turn?.finish(content, terminal);
  const used = process.cpuUsage(cpu);
  return {
    cpuMs: (used.user + used.system) / 1000,
    wallMs: performance.now() - start,
    state: terminal.kind,
    chars: content.length,
    deltas,
    moderationRequests,
    moderatedChars,
  };
}

/** This process's CPU time while idle for `ms` (the runner's own background cost), ms. */
export async function idleCpuMs(ms: number): Promise<number> {
  const cpu = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}
