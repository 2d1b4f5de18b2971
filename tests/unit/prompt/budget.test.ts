import { describe, expect, it } from 'vitest';
import { contextWindowFor, DEFAULT_CONTEXT_WINDOW, trimToBudget } from '@/lib/prompt/budget';
import type { ModelMessage } from '@/lib/prompt/messages';

const turn = (role: 'user' | 'assistant', size: number, tag: string): ModelMessage => ({
  role,
  content: tag.padEnd(size, '.'),
});
const count = (m: ModelMessage) => m.content.length;

describe('trimToBudget', () => {
  const history: ModelMessage[] = [
    { role: 'system', content: 'sys' },
    turn('user', 100, 'u1'),
    turn('assistant', 100, 'a1'),
    turn('user', 100, 'u2'),
    turn('assistant', 100, 'a2'),
    turn('user', 100, 'u3'),
  ];
  it('keeps everything that fits', () => {
    expect(trimToBudget(history, 10_000, count)).toEqual({ messages: history, dropped: 0 });
  });
  it('drops the oldest turns first and keeps the system prompt and the question', () => {
    const { messages, dropped } = trimToBudget(history, 250, count);
    expect(messages.map((m) => m.content.slice(0, 3))).toEqual(['sys', 'u3.']);
    expect(dropped).toBe(4);
  });
  it('never starts the history with a reply', () => {
    const { messages } = trimToBudget(history, 320, count);
    expect(messages[1]?.role).toBe('user');
  });
  it('keeps the question even when it alone is over the limit', () => {
    expect(trimToBudget([turn('user', 500, 'big')], 10, count).messages).toHaveLength(1);
  });
});

describe('contextWindowFor', () => {
  it.each([
    ['gpt-4o-mini', 128_000],
    ['gpt-4.1-mini', 1_000_000],
    ['gpt-3.5-turbo', 16_385],
    ['llama3.1:8b', 128_000],
    ['mistral:7b', DEFAULT_CONTEXT_WINDOW],
    ['llama-3.1-70b', 128_000],
    ['parley-test-model', DEFAULT_CONTEXT_WINDOW],
  ])('%s → %i', (model, window) => {
    expect(contextWindowFor(model)).toBe(window);
  });
});
