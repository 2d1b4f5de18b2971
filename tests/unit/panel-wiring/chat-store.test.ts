/**
 * The panel's store over an in-memory transport and a fake PanelData: what it reads on start,
 * what it posts to the worker, and what it writes (and says) through its only way into storage.
 */
import { describe, expect, it, vi } from 'vitest';
import { createChatStore } from '@/entrypoints/sidepanel/chat-store';
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

async function started(data = fakeData()) {
  const wire = fakeTransport();
  const store = createChatStore(wire.transport, data);
  await vi.waitFor(() => expect(store.getState().storage).not.toBe('loading'));
  return { store, data, ...wire };
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
});
