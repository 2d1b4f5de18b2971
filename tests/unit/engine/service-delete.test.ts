/** Deleting a conversation while its reply streams (issue 12, item 11). */
import { describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import { createChatService, type ChatServiceDeps } from '@/lib/engine/service';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { BackgroundToPanel, StartedEvent } from '@/lib/protocol';
import { parsePanelMessage } from '@/lib/protocol';
import type { StreamPart } from '@/lib/llm/client';
import { getMessages } from '@/lib/db/conversations';
import { createUnsaved } from '@/lib/engine/unsaved';
import { fakeProvider, type SentRequest } from './fake-provider';
import type { ChatMessage, Conversation } from '@/lib/model/types';

let n = 0;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A service whose side requests (titles, moderation) are recorded with the time they left. */
function setup(chunks = 30, moderation = true) {
  const calls: {
    kind: 'title' | 'moderation' | 'chat';
    at: number;
    text: string;
    signal?: AbortSignal;
  }[] = [];
  const streamSignals: AbortSignal[] = [];
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    moderation: {
      ...DEFAULT_SETTINGS.moderation,
      mode: moderation ? 'warn' : 'off',
      checkReplies: true,
    },
  };
  const events: BackgroundToPanel[] = [];
  let id = 0;
  const model = {
    streamChat: (signal: AbortSignal) => {
      streamSignals.push(signal);
      calls.push({ kind: 'chat', at: performance.now(), text: '' });
      return (async function* (): AsyncGenerator<StreamPart> {
        for (let i = 0; i < chunks && !signal.aborted; i++) {
          yield { type: 'text', text: `word${i} `.repeat(60) };
          await wait(10);
        }
        if (!signal.aborted) yield { type: 'finish', reason: 'stop' };
      })();
    },
    moderate: async (text: string, signal?: AbortSignal) => {
      calls.push({
        kind: 'moderation',
        at: performance.now(),
        text,
        ...(signal ? { signal } : {}),
      });
      await wait(5);
      return { flagged: false, categories: {}, category_scores: {} };
    },
    complete: async (request: SentRequest, signal?: AbortSignal) => {
      calls.push({
        kind: 'title',
        at: performance.now(),
        text: JSON.stringify(request.messages),
        ...(signal ? { signal } : {}),
      });
      return 'A title';
    },
  };
  const deps: ChatServiceDeps = {
    db: new ParleyDb(`service-delete-${++n}`),
    loadConfig: async () => ({ settings, apiKey: 'sk-test' }),
    provider: () =>
      fakeProvider({
        streamChat: (_request, signal) => model.streamChat(signal),
        moderate: (input, signal) => model.moderate(input, signal),
        complete: (request, signal) => model.complete(request, signal),
      }),
    broadcast: (e) => events.push(e),
    newId: () => `id${++id}`,
    now: () => 1000 + ++id,
    isOnline: () => true,
    onLiveCountChange: () => undefined,
    timing: { flushMs: 20, coalesceMs: 5 },
  };
  const service = createChatService(deps);
  const started = () => events.find((e): e is StartedEvent => e.type === 'started');
  return { deps, model, service, events, calls, streamSignals, started };
}

const send = {
  type: 'send',
  requestId: 'r1',
  conversationId: null,
  parentId: null,
  text: 'A secret question',
  attachments: [],
} as const;

describe('deleting a conversation whose reply is streaming', () => {
  it('stops the reply and sends no title or moderation request after the delete', async () => {
    const { deps, service, calls, streamSignals, started, events } = setup();
    const sent = service.send({ ...send, attachments: [] });
    await wait(80);
    const conversationId = started()?.conversationId ?? '';
    const deletedAt = performance.now();
    service.conversationDeleted(conversationId);
    await sent;
    expect(streamSignals[0]?.aborted).toBe(true);
    const final = events.filter((e) => e.type === 'state').at(-1);
    expect(final).toMatchObject({ state: { kind: 'stopped' } });
    await wait(100);
    const after = calls.filter((c) => c.kind !== 'chat' && c.at >= deletedAt);
    expect(after).toEqual([]);
    // Moderation already in flight is cancelled as well.
    expect(calls.filter((c) => c.kind === 'moderation').every((c) => c.signal?.aborted)).toBe(true);
    // What was written stays until the panel's delete is committed (Undo restores it).
    const stored = await getMessages(deps.db, conversationId);
    expect(stored.at(-1)?.state).toEqual({ kind: 'stopped' });
    expect(service.liveGenerations()).toEqual([]);
  });

  it('without a delete the same turn asks for a title and checks the reply (the test can fail)', async () => {
    const { service, calls } = setup(3);
    await service.send({ ...send, attachments: [] });
    await wait(50);
    expect(calls.some((c) => c.kind === 'title')).toBe(true);
    expect(calls.some((c) => c.kind === 'moderation')).toBe(true);
  });

  it('a title request already in flight is aborted and its answer ignored', async () => {
    const { deps, model, service, calls, started, events } = setup(2, false);
    let release: () => void = () => undefined;
    model.complete = async (_request, signal) => {
      calls.push({ kind: 'title', at: performance.now(), text: '', ...(signal ? { signal } : {}) });
      await new Promise<void>((r) => (release = r));
      return 'Late title';
    };
    await service.send({ ...send, attachments: [] });
    await wait(10);
    const conversationId = started()?.conversationId ?? '';
    expect(calls.filter((c) => c.kind === 'title')).toHaveLength(1);
    service.conversationDeleted(conversationId);
    expect(calls.find((c) => c.kind === 'title')?.signal?.aborted).toBe(true);
    release();
    await wait(10);
    expect(events.some((e) => e.type === 'title')).toBe(false);
    expect((await deps.db.conversations.get(conversationId))?.title).not.toBe('Late title');
  });

  it('a conversation restored by Undo gets its side requests again', async () => {
    const { service, calls, started } = setup(2);
    await service.send({ ...send, attachments: [] });
    const first = started();
    service.conversationDeleted(first?.conversationId ?? '');
    const before = calls.length;
    await service.send({
      type: 'send',
      requestId: 'r2',
      conversationId: first?.conversationId ?? null,
      parentId: first?.assistantMessageId ?? null,
      text: 'And again',
      attachments: [],
    });
    await wait(30);
    expect(calls.slice(before).some((c) => c.kind === 'moderation')).toBe(true);
  });
});

describe('records kept for a write-back', () => {
  it('are forgotten when their conversation is deleted, and never written back', async () => {
    const db = new ParleyDb(`service-delete-${++n}`);
    const unsaved = createUnsaved();
    const conversation: Conversation = {
      id: 'gone',
      title: 'T',
      createdAt: 1,
      updatedAt: 1,
      model: 'm',
      systemPrompt: '',
      currentLeafId: null,
    };
    const message: ChatMessage = {
      id: 'm',
      conversationId: 'gone',
      parentId: null,
      role: 'assistant',
      content: 'secret',
      attachments: [],
      state: { kind: 'complete' },
      createdAt: 1,
      updatedAt: 1,
    };
    unsaved.keepConversation(conversation);
    unsaved.keepMessage(message);
    unsaved.keepMessage({ ...message, id: 'other', conversationId: 'kept' });
    unsaved.forget('gone');
    expect(unsaved.message('m')).toBeUndefined();
    expect(unsaved.conversation('gone')).toBeUndefined();
    expect(unsaved.message('other')).toBeDefined();
    await unsaved.writeBack(db, 2);
    expect(await db.conversations.get('gone')).toBeUndefined();
    expect(await db.messages.get('m')).toBeUndefined();
  });
});

describe('the deletion notice on the port', () => {
  it('is validated where it is received', () => {
    expect(parsePanelMessage({ type: 'conversation_deleted', conversationId: 'c1' })).toEqual({
      type: 'conversation_deleted',
      conversationId: 'c1',
    });
    expect(parsePanelMessage({ type: 'conversation_deleted' })).toBeNull();
    expect(parsePanelMessage({ type: 'conversation_deleted', conversationId: 5 })).toBeNull();
    expect(
      parsePanelMessage({ type: 'conversation_deleted', conversationId: 'x'.repeat(1000) }),
    ).toBeNull();
  });
});
