/** The worker's knowledge of server context sizes and the retries that make a request fit. */
import { describe, expect, it } from 'vitest';
import { createContextWindows, replyReserve } from '@/lib/engine/context-window';
import { requestMessages } from '@/lib/engine/request-messages';
import type { ModelProvider } from '@/lib/llm/provider';
import type { ChatMessage } from '@/lib/model/types';

function provider(size: number | null, calls: string[] = []): ModelProvider {
  return {
    streamChat: () => (async function* () {})(),
    complete: async () => '',
    listModels: async () => [],
    moderate: async () => ({ flagged: false, categories: [] }) as never,
    contextSize: async (model) => {
      calls.push(model);
      return size;
    },
  };
}

const message = (
  id: string,
  role: 'user' | 'assistant',
  content: string,
  extra = {},
): ChatMessage =>
  ({
    id,
    conversationId: 'c',
    parentId: null,
    role,
    content,
    attachments: [],
    state: role === 'user' ? { kind: 'complete' } : { kind: 'complete' },
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  }) as ChatMessage;

describe('createContextWindows', () => {
  it('asks a local server once, plans with its size less the margin, and tells the meter', async () => {
    const calls: string[] = [];
    const learned: number[] = [];
    const windows = createContextWindows((_b, _m, tokens) => learned.push(tokens));
    const p = provider(4096, calls);
    expect(await windows.plan(p, 'http://127.0.0.1:8080/v1', 'tiny')).toBe(3150);
    expect(await windows.plan(p, 'http://127.0.0.1:8080/v1', 'tiny')).toBe(3150);
    expect(calls).toEqual(['tiny']);
    expect(learned).toEqual([3150]);
  });

  it('never asks OpenAI, and falls back to the name table where nothing is said', async () => {
    const calls: string[] = [];
    const windows = createContextWindows();
    expect(await windows.plan(provider(1, calls), 'https://api.openai.com/v1', 'gpt-4o')).toBe(
      128_000,
    );
    expect(await windows.plan(provider(null), 'http://x/v1', 'mystery')).toBe(32_768);
    expect(calls).toEqual([]);
  });

  it('learns the size and the tokenizer ratio from a refusal', async () => {
    const learned: number[] = [];
    const windows = createContextWindows((_b, _m, tokens) => learned.push(tokens));
    windows.learnRefusal(
      'http://x/v1',
      'm',
      '400 request (24126 tokens) exceeds the available context size (4096 tokens), try increasing it',
      12_000,
    );
    // The server counted about twice what Parley did: plan with that ratio, not the 30% margin.
    expect(await windows.plan(provider(null), 'http://x/v1', 'm')).toBe(Math.floor(4096 / 2.0105));
    expect(learned).toHaveLength(1);
    windows.learnRefusal('http://x/v1', 'm', 'model not found', 1);
    expect(learned).toHaveLength(1);
  });

  it('keeps a quarter of a small window for the reply', () => {
    expect(replyReserve(3150)).toBe(787);
    expect(replyReserve(128_000)).toBe(4096);
  });
});

describe('requestMessages', () => {
  const attachment = {
    id: 'at1',
    kind: 'selection',
    text: 'x'.repeat(8000),
    source: { url: 'https://e.x', title: 'Page' },
  };
  const path = [
    message('u1', 'user', 'old question'),
    message('a1', 'assistant', 'old answer'),
    message('u2', 'user', 'new question', { attachments: [attachment] }),
    message('a2', 'assistant', '', { state: { kind: 'pending' } }),
  ];

  it('sends the branch, and trims the oldest turns to the window', () => {
    const all = requestMessages(path, 'sys', 100_000);
    expect(all.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(all.dropped).toBe(0);
    expect(all.estimate).toBeGreaterThan(2000);
    const trimmed = requestMessages(path, 'sys', 2000);
    expect(trimmed.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(trimmed.dropped).toBe(2);
  });

  it('a retry without the attachment leaves out its text', () => {
    const fixed = requestMessages(path, 'sys', 100_000, 'drop_attachments');
    expect(fixed.messages.at(-1)?.content).toBe('new question');
    expect(fixed.messages).toHaveLength(4);
  });

  it('a retry without older turns keeps the question only', () => {
    const fixed = requestMessages(path, 'sys', 100_000, 'drop_older_turns');
    expect(fixed.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(fixed.dropped).toBe(2);
  });
});
