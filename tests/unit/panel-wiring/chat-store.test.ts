/**
 * The panel's store over an in-memory transport and a fake PanelData: what it reads on start,
 * what it posts to the worker, and what it writes (and says) through its only way into storage.
 */
import { describe, expect, it, vi } from 'vitest';
import { createChatStore, type StoreEnv } from '@/entrypoints/sidepanel/chat-store';
import type { PanelData } from '@/entrypoints/sidepanel/panel-data';
import type { ChatTransport } from '@/entrypoints/sidepanel/transport';
import type { BackgroundToPanel, PanelToBackground } from '@/lib/protocol/port';
import type { ChatMessage, Conversation } from '@/lib/model/types';

const conversation: Conversation = {
  id: 'c1',
  title: 'First chat',
  createdAt: 1,
  updatedAt: 1,
  model: 'm',
  systemPrompt: '',
  currentLeafId: 'a1',
};
const user: ChatMessage = {
  id: 'u1',
  conversationId: 'c1',
  parentId: null,
  role: 'user',
  content: 'Hi',
  attachments: [],
  state: { kind: 'complete' },
  createdAt: 1,
  updatedAt: 1,
} as ChatMessage;
const reply: ChatMessage = {
  ...user,
  id: 'a1',
  parentId: 'u1',
  role: 'assistant',
  content: 'Hello',
};

function fakeTransport() {
  const posted: PanelToBackground[] = [];
  let handlers: Parameters<ChatTransport['start']>[0] | undefined;
  const transport: ChatTransport = {
    post: (message) => void posted.push(message),
    start: (h) => void (handlers = h),
  };
  return {
    transport,
    posted,
    emit: (event: BackgroundToPanel) => handlers?.onEvent(event),
    connect: (reconnected = false) => handlers?.onConnect(reconnected),
    disconnect: () => handlers?.onDisconnect(),
  };
}

function fakeData(overrides: Partial<PanelData> = {}): PanelData {
  const done = async () => undefined;
  return {
    reopenIfClosed: vi.fn(done),
    getConversation: vi.fn(async () => conversation),
    latestConversation: vi.fn(async () => conversation),
    getMessages: vi.fn(async () => [user, reply]),
    setCurrentLeaf: vi.fn(done),
    updateConversation: vi.fn(done),
    list: vi.fn(async () => [conversation]),
    messages: vi.fn(async () => []),
    rename: vi.fn(done),
    pin: vi.fn(done),
    loadBundles: vi.fn(async () => []),
    importBundles: vi.fn(async () => ({ conversations: 0, messages: 0 })),
    softDeleteConversation: vi.fn(done),
    restoreConversation: vi.fn(done),
    purgeDeletedConversations: vi.fn(async () => 0),
    feedbackCountFor: vi.fn(async () => 0),
    saveRating: vi.fn(done),
    deleteRating: vi.fn(done),
    ratingsForConversation: vi.fn(async () => []),
    reportsForConversation: vi.fn(async () => []),
    saveComparison: vi.fn(done),
    saveModerationReport: vi.fn(done),
    feedbackCounts: vi.fn(async () => ({ ratings: 0, comparisons: 0, reports: 0 })),
    loadFeedbackData: vi.fn(async () => ({}) as Awaited<ReturnType<PanelData['loadFeedbackData']>>),
    replaceFeedback: vi.fn(done),
    ...overrides,
  };
}

/** Frames the test runs by hand, and counted ids. */
function manualEnv() {
  const waiting: (() => void)[] = [];
  let ids = 0;
  const env: StoreEnv = {
    frames: { request: (run) => void waiting.push(run), now: () => 0 },
    newId: () => `id${++ids}`,
  };
  return { env, frame: () => waiting.splice(0).forEach((run) => run()) };
}

async function started(data = fakeData()) {
  const wire = fakeTransport();
  const clock = manualEnv();
  const store = createChatStore(wire.transport, data, clock.env);
  await vi.waitFor(() => expect(store.getState().storage).not.toBe('loading'));
  return { store, data, frame: clock.frame, ...wire };
}

describe('panel store wiring', () => {
  it('opens the latest conversation through PanelData and reads its ratings', async () => {
    const { store, data } = await started();
    expect(data.reopenIfClosed).toHaveBeenCalled();
    expect(store.getState().storage).toBe('ready');
    expect(store.getState().chat.conversation?.id).toBe('c1');
    expect(Object.keys(store.getState().chat.messages).sort()).toEqual(['a1', 'u1']);
    await vi.waitFor(() => expect(data.ratingsForConversation).toHaveBeenCalledWith('c1'));
    expect(data.reportsForConversation).toHaveBeenCalledWith('c1');
  });

  it('says history is unavailable when storage fails, and still chats', async () => {
    const { store, posted } = await started(
      fakeData({ latestConversation: vi.fn(async () => Promise.reject(new Error('closed'))) }),
    );
    expect(store.getState().storage).toBe('unavailable');
    store.getState().newChat();
    store.getState().send('Hello');
    expect(posted.at(-1)).toMatchObject({ type: 'send', conversationId: null, text: 'Hello' });
  });

  it('asks the worker to sync on connecting', async () => {
    const { posted, connect } = await started();
    connect();
    expect(posted).toContainEqual({ type: 'sync' });
  });

  it('sends in the open conversation below its leaf and clears the draft', async () => {
    const { store, posted } = await started();
    store.getState().setDraft('Again');
    store.getState().send('Again');
    const sent = posted.at(-1);
    expect(sent).toMatchObject({
      type: 'send',
      conversationId: 'c1',
      parentId: 'a1',
      text: 'Again',
    });
    expect(store.getState().draft).toBe('');
    expect(store.getState().chat.ownRequests).toContain((sent as { requestId: string }).requestId);
  });

  it('writes the chosen leaf; a refused write becomes a notice', async () => {
    const data = fakeData({ setCurrentLeaf: vi.fn(async () => Promise.reject(new Error('no'))) });
    const { store } = await started(data);
    store.getState().selectLeaf('u1');
    expect(data.setCurrentLeaf).toHaveBeenCalledWith('c1', 'u1');
    expect(store.getState().chat.leafId).toBe('u1');
    await vi.waitFor(() => expect(store.getState().chat.notice).toMatch(/could not be saved/));
  });

  it('saves a rating through PanelData; a refused write sets the feedback error', async () => {
    const data = fakeData({ saveRating: vi.fn(async () => Promise.reject(new Error('full'))) });
    const { store } = await started(data);
    store.getState().rate('a1', 'good');
    expect(data.saveRating).toHaveBeenCalledWith(
      expect.objectContaining({ messageId: 'a1', value: 'good', conversationId: 'c1' }),
    );
    expect(store.getState().ratings.a1?.value).toBe('good');
    await vi.waitFor(() => expect(store.getState().feedbackError).toMatch(/could not save/));
  });

  it('deletes with undo: soft delete now, the worker told at once, restore on undo', async () => {
    const { store, data, posted } = await started();
    await store.getState().askDelete();
    expect(data.feedbackCountFor).toHaveBeenCalledWith('c1');
    expect(posted).toContainEqual({ type: 'conversation_deleted', conversationId: 'c1' });
    expect(data.softDeleteConversation).toHaveBeenCalledWith(
      'c1',
      expect.objectContaining({ keepFeedback: false }),
    );
    expect(store.getState().chat.conversation).toBeNull();
    expect(store.getState().pendingDeletes).toEqual([
      { conversationId: 'c1', title: 'First chat' },
    ]);
    store.getState().undoDelete('c1');
    expect(data.restoreConversation).toHaveBeenCalledWith('c1');
    expect(store.getState().pendingDeletes).toEqual([]);
    expect(data.purgeDeletedConversations).not.toHaveBeenCalled();
  });

  it('asks whether to keep ratings first when the conversation has some', async () => {
    const data = fakeData({ feedbackCountFor: vi.fn(async () => 2) });
    const { store } = await started(data);
    await store.getState().askDelete();
    expect(store.getState().deleting).toEqual({ conversationId: 'c1', feedbackCount: 2 });
    expect(data.softDeleteConversation).not.toHaveBeenCalled();
    store.getState().confirmDelete(true);
    expect(data.softDeleteConversation).toHaveBeenCalledWith(
      'c1',
      expect.objectContaining({ keepFeedback: true }),
    );
  });

  it('does not delete when the feedback count cannot be read, and says why', async () => {
    const data = fakeData({ feedbackCountFor: vi.fn(async () => Promise.reject(new Error('x'))) });
    const { store } = await started(data);
    await store.getState().askDelete();
    expect(data.softDeleteConversation).not.toHaveBeenCalled();
    expect(store.getState().chat.notice).toMatch(/could not be deleted/);
  });

  it('writes a chat settings change through PanelData', async () => {
    const { store, data } = await started();
    store.getState().updateConversation({ model: 'x', systemPrompt: 'Be brief.' });
    expect(data.updateConversation).toHaveBeenCalledWith('c1', {
      model: 'x',
      systemPrompt: 'Be brief.',
    });
    expect(store.getState().chat.conversation?.model).toBe('x');
  });

  it('keeps the chat status in the store as requests start and replies stream and end', async () => {
    const { store, emit, frame } = await started();
    expect(store.getState().status).toEqual({ kind: 'idle' });
    store.getState().send('More');
    expect(store.getState().status).toEqual({ kind: 'submitting' });
    emit({
      type: 'started',
      requestId: 'id1',
      conversationId: 'c1',
      messages: [{ ...reply, id: 'a2', content: '', state: { kind: 'pending' } }],
      assistantMessageId: 'a2',
    });
    frame();
    expect(store.getState().status).toEqual({ kind: 'streaming', liveIds: ['a2'] });
    const streaming = store.getState().status;
    emit({ type: 'delta', messageId: 'a2', seq: 1, offset: 0, text: 'Hi' });
    expect(store.getState().chat.messages.a2?.content).toBe('Hi');
    expect(store.getState().status).toBe(streaming);
    emit({ type: 'state', messageId: 'a2', seq: 2, state: { kind: 'complete' }, content: 'Hi' });
    frame();
    expect(store.getState().status).toEqual({ kind: 'idle' });
    emit({ type: 'storage_warning', message: 'Storage is full.' });
    frame();
    expect(store.getState().status).toEqual({ kind: 'error', notice: 'Storage is full.' });
  });

  it('folds later deltas at the next frame, the first one at once', async () => {
    const { store, emit, frame } = await started();
    emit({
      type: 'started',
      requestId: 'x',
      conversationId: 'c1',
      messages: [{ ...reply, id: 'a2', content: '', state: { kind: 'streaming' } }],
      assistantMessageId: 'a2',
    });
    frame();
    emit({ type: 'delta', messageId: 'a2', seq: 1, offset: 0, text: 'One' });
    expect(store.getState().chat.messages.a2?.content).toBe('One');
    emit({ type: 'delta', messageId: 'a2', seq: 2, offset: 3, text: ' two' });
    expect(store.getState().chat.messages.a2?.content).toBe('One');
    frame();
    expect(store.getState().chat.messages.a2?.content).toBe('One two');
  });

  it('routes selected text to the composer and a failed capture to the notice at once', async () => {
    const { store, emit } = await started();
    emit({ type: 'capture_failed', message: 'Nothing is selected.' });
    expect(store.getState().chat.notice).toBe('Nothing is selected.');
    const attachment = {
      id: 'att1',
      kind: 'selection' as const,
      text: 'x = 1',
      source: { url: 'https://example.com/', title: 'Example' },
    };
    emit({ type: 'attachments', attachments: [attachment], suggestedText: 'Explain' });
    expect(store.getState().attachments).toEqual([attachment]);
    expect(store.getState().draft).toBe('Explain');
    expect(store.getState().chat.notice).toBeNull();
  });

  it('bumps the conversation list when a reply starts, and asks to sync on a gap', async () => {
    const { store, emit, frame, posted } = await started();
    const before = store.getState().listVersion;
    emit({
      type: 'started',
      requestId: 'x',
      conversationId: 'c1',
      messages: [{ ...reply, id: 'a2', content: 'ab', state: { kind: 'streaming' } }],
      assistantMessageId: 'a2',
    });
    frame();
    expect(store.getState().listVersion).toBe(before + 1);
    emit({ type: 'delta', messageId: 'a2', seq: 7, offset: 10, text: 'zz' });
    frame();
    expect(posted.at(-1)).toEqual({ type: 'sync' });
  });

  it('asks better-or-worse after a regenerate, and stores the answer through PanelData', async () => {
    const { store, data, emit, frame } = await started();
    store.getState().regenerateWithPrompt('u1');
    // Another panel's reply starting first does not answer this panel's question.
    emit({
      type: 'started',
      requestId: 'foreign',
      conversationId: 'c1',
      messages: [{ ...reply, id: 'f1', content: '', state: { kind: 'pending' } }],
      assistantMessageId: 'f1',
    });
    frame();
    expect(store.getState().comparePrompt).toBeNull();
    emit({
      type: 'started',
      requestId: 'id1',
      conversationId: 'c1',
      messages: [{ ...reply, id: 'a2', content: '', state: { kind: 'pending' } }],
      assistantMessageId: 'a2',
    });
    frame();
    expect(store.getState().comparePrompt).toEqual({ parentId: 'u1', oldId: 'a1', newId: 'a2' });
    store.getState().answerComparePrompt('worse');
    await vi.waitFor(() =>
      expect(data.saveComparison).toHaveBeenCalledWith(
        expect.objectContaining({ kind: 'pair', ranking: ['a1', 'a2'] }),
      ),
    );
    expect(store.getState().comparePrompt).toBeNull();
  });

  it('on disconnect marks live replies interrupted and hands their text back', async () => {
    const { store, emit, frame, posted, disconnect } = await started();
    emit({
      type: 'started',
      requestId: 'x',
      conversationId: 'c1',
      messages: [{ ...reply, id: 'a2', content: '', state: { kind: 'streaming' } }],
      assistantMessageId: 'a2',
    });
    frame();
    emit({ type: 'delta', messageId: 'a2', seq: 1, offset: 0, text: 'Half' });
    // Queued, not shown yet: the disconnect folds it before salvaging.
    emit({ type: 'delta', messageId: 'a2', seq: 2, offset: 4, text: ' done' });
    disconnect();
    expect(store.getState().chat.messages.a2?.state).toEqual({
      kind: 'interrupted',
      reason: 'worker_restart',
    });
    expect(posted).toContainEqual({ type: 'salvage', messageId: 'a2', content: 'Half done' });
    expect(store.getState().status).toEqual({ kind: 'idle' });
  });

  it('on reconnecting syncs at once and reloads the open conversation a moment later', async () => {
    vi.useFakeTimers();
    try {
      const { store, data, posted, connect } = await started();
      const reads = vi.mocked(data.getConversation).mock.calls.length;
      connect(true);
      expect(posted.at(-1)).toEqual({ type: 'sync' });
      expect(data.getConversation).toHaveBeenCalledTimes(reads);
      await vi.advanceTimersByTimeAsync(300);
      expect(data.getConversation).toHaveBeenCalledWith('c1');
      expect(store.getState().storage).toBe('ready');
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops a live reply at the length shown', async () => {
    const { store, emit, frame, posted } = await started();
    emit({
      type: 'started',
      requestId: 'x',
      conversationId: 'c1',
      messages: [{ ...reply, id: 'a2', content: '', state: { kind: 'streaming' } }],
      assistantMessageId: 'a2',
    });
    frame();
    emit({ type: 'delta', messageId: 'a2', seq: 1, offset: 0, text: 'Shown' });
    emit({ type: 'delta', messageId: 'a2', seq: 2, offset: 5, text: ' queued' });
    store.getState().stop('a2');
    expect(posted.at(-1)).toEqual({ type: 'stop', messageId: 'a2', shownLength: 5 });
    frame();
    expect(store.getState().chat.messages.a2?.content).toBe('Shown');
  });
});
