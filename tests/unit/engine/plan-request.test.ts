/** A first request to a server waits for its size only when the size could matter (bench M1). */
import { describe, expect, it } from 'vitest';
import { createContextWindows } from '@/lib/engine/context-window';
import { planRequest } from '@/lib/engine/request-messages';
import type { ModelProvider } from '@/lib/llm/provider';
import type { ChatMessage } from '@/lib/model/types';

const message = (id: string, role: 'user' | 'assistant', content: string): ChatMessage =>
  ({
    id,
    conversationId: 'c',
    parentId: null,
    role,
    content,
    attachments: [],
    state: role === 'user' ? { kind: 'complete' } : { kind: 'pending' },
    createdAt: 0,
    updatedAt: 0,
  }) as ChatMessage;

/** A server whose size arrives only when `answer` is called. */
function slowServer() {
  let answer: (size: number) => void = () => undefined;
  const asked: string[] = [];
  const provider = {
    contextSize: (model: string) => {
      asked.push(model);
      return new Promise<number>((resolve) => (answer = resolve));
    },
  } as unknown as ModelProvider;
  return { provider, asked, answer: (size: number) => answer(size) };
}

const URL_ = 'http://127.0.0.1:8080/v1';

describe('planRequest', () => {
  it('sends a small first request without waiting for the size, and asks for it once', async () => {
    const server = slowServer();
    const windows = createContextWindows();
    const path = [message('u1', 'user', 'Hello'), message('a1', 'assistant', '')];
    const plan = {
      known: () => windows.known(server.provider, URL_, 'm'),
      plan: () => windows.plan(server.provider, URL_, 'm'),
    };
    const first = await planRequest(path, 'sys', undefined, plan);
    expect(first.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(server.asked).toEqual(['m']);
    server.answer(4096);
    await new Promise((r) => setTimeout(r, 0));
    // Known now: the next plan uses it at once, without asking again.
    expect(windows.known(server.provider, URL_, 'm')).toBe(3150);
    expect(server.asked).toEqual(['m']);
  });

  it('waits for the size when the request is large, or a retry after a refusal', async () => {
    for (const [content, fix] of [
      ['x'.repeat(40_000), undefined],
      ['Hello', 'drop_attachments'],
    ] as const) {
      const server = slowServer();
      const windows = createContextWindows();
      const path = [
        message('u0', 'user', content),
        message('a0', 'assistant', 'old answer'),
        message('u1', 'user', 'Hello'),
        message('a1', 'assistant', ''),
      ];
      let done = false;
      const planned = planRequest(path, 'sys', fix, {
        known: () => windows.known(server.provider, URL_, 'm'),
        plan: () => windows.plan(server.provider, URL_, 'm'),
      }).then((r) => ((done = true), r));
      await new Promise((r) => setTimeout(r, 5));
      expect(done).toBe(false);
      server.answer(4096);
      const result = await planned;
      // Planned with the server's 4096: the 10k-token old turn gives way.
      expect(result.dropped > 0).toBe(!fix);
    }
  });
});
