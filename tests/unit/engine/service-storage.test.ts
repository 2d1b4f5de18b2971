/** The chat service when storage fails: a full disk mid-reply, a database that will not open. */
import { describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import { createChatService } from '@/lib/engine/service';
import { fakeProvider, type SentRequest } from './fake-provider';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { BackgroundToPanel, StartedEvent } from '@/lib/protocol';
import type { StreamPart } from '@/lib/llm/client';
import { getMessages } from '@/lib/db/conversations';
import { injectStorageFaults, type StorageFaultFlags } from '@/tests/hooks/storage-faults';

let n = 0;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup(initial: StorageFaultFlags = {}) {
  let flags = { ...initial };
  const listeners: (() => void)[] = [];
  const db = new ParleyDb(`service-storage-${++n}`);
  injectStorageFaults(db, {
    read: async () => ({ ...flags }),
    watch: (l) => listeners.push(l),
  });
  const setFlags = async (next: StorageFaultFlags) => {
    flags = next;
    for (const l of listeners) l();
    await wait(0);
  };
  const events: BackgroundToPanel[] = [];
  const requests: SentRequest[] = [];
  // Each reply: its chunks, with a pause between them (so writes fail mid-reply).
  const replies: string[][] = [];
  let onChunk: (index: number) => Promise<void> = async () => undefined;
  const streamChat = (request: SentRequest) => {
    requests.push(request);
    const chunks = replies.shift() ?? ['Hi', ' there'];
    return (async function* (): AsyncGenerator<StreamPart> {
      for (const [i, text] of chunks.entries()) {
        await onChunk(i);
        yield { type: 'text', text };
        await wait(15);
      }
      yield { type: 'finish', reason: 'stop' };
    })();
  };
  let id = 0;
  let clock = 1000;
  const service = createChatService({
    db,
    loadConfig: async () => ({ settings: DEFAULT_SETTINGS, apiKey: 'sk-test' }),
    provider: () => fakeProvider({ streamChat }),
    broadcast: (e) => events.push(e),
    newId: () => `id${++id}`,
    now: () => ++clock,
    isOnline: () => true,
    onLiveCountChange: () => undefined,
    timing: { flushMs: 10, coalesceMs: 1 },
    storageRetryMs: 20,
  });
  return {
    db,
    service,
    events,
    requests,
    replies,
    setFlags,
    onChunk: (fn: typeof onChunk) => {
      onChunk = fn;
    },
  };
}

const send = (
  text: string,
  conversationId: string | null = null,
  parentId: string | null = null,
) => ({
  type: 'send' as const,
  requestId: `r-${text}`,
  conversationId,
  parentId,
  text,
  attachments: [],
});

const started = (events: BackgroundToPanel[]) =>
  events.filter((e): e is StartedEvent => e.type === 'started');
const finalState = (events: BackgroundToPanel[], messageId: string) =>
  events.findLast(
    (e) => e.type === 'state' && e.messageId === messageId && e.content !== undefined,
  );

describe('chat service with failing storage', () => {
  it('a full disk mid-reply: says so once, streams to the end, writes back when storage returns', async () => {
    const t = setup();
    t.replies.push(['one ', 'two ', 'three ', 'four ', 'five']);
    t.onChunk(async (i) => {
      if (i !== 2) return;
      // The turn's records exist (the disk fills after the reply began).
      await expect.poll(() => t.db.messages.count()).toBe(2);
      await t.setFlags({ failWrites: true });
    });
    await t.service.send(send('Count'));
    const [turn] = started(t.events);
    if (!turn) throw new Error('no start');
    const replyId = turn.assistantMessageId;
    const warnings = t.events.filter((e) => e.type === 'storage_warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ message: expect.stringContaining('storage is full') });
    expect(finalState(t.events, replyId)).toMatchObject({
      state: { kind: 'complete' },
      content: 'one two three four five',
    });
    const stored = await t.db.messages.get(replyId);
    expect(stored?.state.kind).not.toBe('complete');
    expect('one two three four five'.startsWith(stored?.content ?? 'x')).toBe(true);

    // A panel that reloads reads the half-written reply; the worker tells it how it ended.
    expect(t.service.liveGenerations()).toEqual([
      {
        messageId: replyId,
        conversationId: turn.conversationId,
        seq: Number.MAX_SAFE_INTEGER,
        content: 'one two three four five',
        state: { kind: 'complete' },
      },
    ]);

    // Still full: a follow-up sees the whole reply from memory, and warns again.
    t.onChunk(async () => undefined);
    await t.service.send(send('More', turn.conversationId, replyId));
    expect(t.requests[1]?.messages.map((m) => m.content)).toEqual([
      expect.any(String),
      'Count',
      'one two three four five',
      'More',
    ]);
    expect(t.events.filter((e) => e.type === 'storage_warning')).toHaveLength(2);

    await t.setFlags({});
    // Written back whole: text and final state (an earlier kept version may land first).
    await expect
      .poll(async () =>
        (await getMessages(t.db, turn.conversationId)).map((m) => `${m.content}|${m.state.kind}`),
      )
      .toEqual([
        'Count|complete',
        'one two three four five|complete',
        'More|complete',
        'Hi there|complete',
      ]);
    await expect.poll(() => t.service.liveGenerations()).toEqual([]);
    const messages = await getMessages(t.db, turn.conversationId);
    expect((await t.db.conversations.get(turn.conversationId))?.currentLeafId).toBe(
      messages[3]?.id,
    );
  });

  it('a database that will not open: send, follow-up and regenerate work from memory', async () => {
    const t = setup({ failOpen: true });
    await expect(t.service.sweep()).rejects.toThrow();
    await t.service.send(send('First'));
    const [first] = started(t.events);
    if (!first) throw new Error('no start');
    expect(finalState(t.events, first.assistantMessageId)).toMatchObject({
      state: { kind: 'complete' },
      content: 'Hi there',
    });
    expect(t.events.some((e) => e.type === 'storage_warning')).toBe(true);

    t.replies.push(['Second']);
    await t.service.send(send('Follow-up', first.conversationId, first.assistantMessageId));
    expect(t.requests[1]?.messages.map((m) => m.content).slice(1)).toEqual([
      'First',
      'Hi there',
      'Follow-up',
    ]);

    const userId = first.messages[0]?.id ?? '';
    t.replies.push(['Again']);
    await t.service.regenerate({ type: 'regenerate', requestId: 'rg', userMessageId: userId });
    const regenerated = started(t.events).at(-1);
    expect(regenerated?.messages[0]).toMatchObject({ parentId: userId, role: 'assistant' });
    expect(finalState(t.events, regenerated?.assistantMessageId ?? '')).toMatchObject({
      state: { kind: 'complete' },
      content: 'Again',
    });
    expect(t.requests[2]?.messages.map((m) => m.content).slice(1)).toEqual(['First']);
    expect(t.events.some((e) => e.type === 'request_failed')).toBe(false);
  });

  it('an unknown conversation still fails clearly when nothing is kept', async () => {
    const t = setup({ failOpen: true });
    await expect(t.service.send(send('Hello', 'missing', 'x'))).rejects.toThrow();
  });
});
