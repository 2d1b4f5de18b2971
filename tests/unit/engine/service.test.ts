import { beforeEach, describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import { createChatService } from '@/lib/engine/service';
import { fakeProvider, type SentRequest } from './fake-provider';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { BackgroundToPanel } from '@/lib/protocol';
import type { StreamPart } from '@/lib/llm/client';
import { getMessages } from '@/lib/db/conversations';

let n = 0;
function setup(options: { apiKey?: string; settings?: Partial<Settings>; reply?: string[] } = {}) {
  const db = new ParleyDb(`service-${++n}`);
  const events: BackgroundToPanel[] = [];
  const requests: SentRequest[] = [];
  let id = 0;
  let clock = 1000;
  const streamChat = (request: SentRequest) => {
    requests.push(request);
    return (async function* (): AsyncGenerator<StreamPart> {
      for (const text of options.reply ?? ['Hi', ' there']) yield { type: 'text', text };
      yield { type: 'finish', reason: 'stop' };
    })();
  };
  const liveCounts: number[] = [];
  const service = createChatService({
    db,
    loadConfig: async () => ({
      settings: { ...DEFAULT_SETTINGS, ...options.settings },
      apiKey: options.apiKey ?? 'sk-test',
    }),
    provider: () => fakeProvider({ streamChat }),
    broadcast: (e) => events.push(e),
    newId: () => `id${++id}`,
    now: () => ++clock,
    isOnline: () => true,
    onLiveCountChange: (c) => liveCounts.push(c),
  });
  return { db, service, events, requests, liveCounts };
}

describe('chat service', () => {
  beforeEach(() => undefined);

  it('stores the turn, streams the reply and keeps the keep-alive on only while it runs', async () => {
    const { db, service, events, liveCounts } = setup();
    await service.send({
      type: 'send',
      requestId: 'r1',
      conversationId: null,
      parentId: null,
      text: 'Hello',
      attachments: [],
    });
    const started = events.find((e) => e.type === 'started');
    expect(started).toMatchObject({ requestId: 'r1' });
    const conversationId = started?.type === 'started' ? started.conversationId : '';
    const stored = await getMessages(db, conversationId);
    expect(stored.map((m) => [m.role, m.content, m.state.kind])).toEqual([
      ['user', 'Hello', 'complete'],
      ['assistant', 'Hi there', 'complete'],
    ]);
    expect(liveCounts).toEqual([1, 0]);
    expect((await db.conversations.get(conversationId))?.title).toBe('Hello');
  });

  it('sends the system prompt and the whole branch with a follow-up', async () => {
    const { service, events, requests } = setup({ settings: { systemPrompt: 'Be brief.' } });
    await service.send({
      type: 'send',
      requestId: 'r1',
      conversationId: null,
      parentId: null,
      text: 'First',
      attachments: [],
    });
    const started = events.find((e) => e.type === 'started');
    if (started?.type !== 'started') throw new Error('no start');
    await service.send({
      type: 'send',
      requestId: 'r2',
      conversationId: started.conversationId,
      parentId: started.assistantMessageId,
      text: 'And its proof?',
      attachments: [],
    });
    expect(requests[1]?.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'First' },
      { role: 'assistant', content: 'Hi there' },
      { role: 'user', content: 'And its proof?' },
    ]);
  });

  it('keeps the message and says what to do when the key is missing', async () => {
    const { db, service, events, requests } = setup({ apiKey: '' });
    await service.send({
      type: 'send',
      requestId: 'r1',
      conversationId: null,
      parentId: null,
      text: 'Hello',
      attachments: [],
    });
    const started = events.find((e) => e.type === 'started');
    if (started?.type !== 'started') throw new Error('no start');
    const stored = await getMessages(db, started.conversationId);
    expect(stored[0]?.content).toBe('Hello');
    expect(stored[1]?.state).toEqual({ kind: 'error', code: 'no_key' });
    expect(requests).toHaveLength(0);
  });

  it('needs no key for a local server', async () => {
    const { service, requests } = setup({
      apiKey: '',
      settings: { baseUrl: 'http://localhost:11434/v1' },
    });
    await service.send({
      type: 'send',
      requestId: 'r1',
      conversationId: null,
      parentId: null,
      text: 'Hello',
      attachments: [],
    });
    expect(requests).toHaveLength(1);
  });

  it('regenerate adds a sibling reply and keeps the old one', async () => {
    const { db, service, events } = setup();
    await service.send({
      type: 'send',
      requestId: 'r1',
      conversationId: null,
      parentId: null,
      text: 'Hello',
      attachments: [],
    });
    const started = events.find((e) => e.type === 'started');
    if (started?.type !== 'started') throw new Error('no start');
    const userId = started.messages[0]?.id ?? '';
    await service.regenerate({ type: 'regenerate', requestId: 'r2', userMessageId: userId });
    const replies = (await getMessages(db, started.conversationId)).filter(
      (m) => m.role === 'assistant',
    );
    expect(replies).toHaveLength(2);
    expect(replies.every((r) => r.parentId === userId)).toBe(true);
    expect((await db.conversations.get(started.conversationId))?.currentLeafId).toBe(
      replies[1]?.id,
    );
  });

  it('a retry with `replaces` removes the failed empty reply once the new one is stored', async () => {
    const { db, service, events } = setup();
    await service.send({
      type: 'send',
      requestId: 'r1',
      conversationId: null,
      parentId: null,
      text: 'Hello',
      attachments: [],
    });
    const started = events.find((e) => e.type === 'started');
    if (started?.type !== 'started') throw new Error('no start');
    const userId = started.messages[0]?.id ?? '';
    // The first reply failed before any text (say, a wrong key).
    await db.messages.update(started.assistantMessageId, {
      content: '',
      state: { kind: 'error', code: 'auth' },
    });
    await service.regenerate({
      type: 'regenerate',
      requestId: 'r2',
      userMessageId: userId,
      replaces: started.assistantMessageId,
    });
    await expect
      .poll(async () =>
        (await getMessages(db, started.conversationId)).map((m) => [m.role, m.state.kind]),
      )
      .toEqual([
        ['user', 'complete'],
        ['assistant', 'complete'],
      ]);
  });
});
