import { describe, expect, it } from 'vitest';
import { applyEvent, EMPTY_CHAT, markDisconnected, type PanelChat } from '@/lib/panel/panel-state';
import { mergeLoaded } from '@/lib/panel/merge-loaded';
import type { ChatMessage, Conversation } from '@/lib/model/types';

const msg = (
  id: string,
  role: 'user' | 'assistant',
  content: string,
  state: ChatMessage['state'],
  parentId: string | null = null,
): ChatMessage => ({
  id,
  conversationId: 'c1',
  parentId,
  role,
  content,
  attachments: [],
  state,
  createdAt: 1,
  updatedAt: 1,
});
const conversation: Conversation = {
  id: 'c1',
  title: 't',
  createdAt: 1,
  updatedAt: 1,
  model: 'm',
  systemPrompt: '',
  currentLeafId: 'a1',
};

function started(chat: PanelChat): PanelChat {
  return applyEvent(chat, {
    type: 'started',
    requestId: 'r1',
    conversationId: 'c1',
    messages: [
      msg('u1', 'user', 'hi', { kind: 'complete' }),
      msg('a1', 'assistant', '', { kind: 'pending' }, 'u1'),
    ],
    assistantMessageId: 'a1',
  }).chat;
}

describe('applyEvent', () => {
  it('adopts a turn this panel started and follows its deltas', () => {
    let chat = started({ ...EMPTY_CHAT, ownRequests: ['r1'] });
    expect(chat.leafId).toBe('a1');
    expect(chat.ownRequests).toEqual([]);
    chat = applyEvent(chat, {
      type: 'delta',
      messageId: 'a1',
      seq: 1,
      offset: 0,
      text: 'Hello',
    }).chat;
    expect(chat.messages.a1?.content).toBe('Hello');
    expect(chat.messages.a1?.state).toEqual({ kind: 'streaming' });
  });

  it('ignores a turn another panel started in another conversation (no cross-talk)', () => {
    const other = { ...EMPTY_CHAT, conversation: { ...conversation, id: 'c2' } };
    expect(started(other)).toBe(other);
  });

  it('ignores deltas for messages it does not show', () => {
    const result = applyEvent(EMPTY_CHAT, {
      type: 'delta',
      messageId: 'zz',
      seq: 1,
      offset: 0,
      text: 'x',
    });
    expect(result.chat).toBe(EMPTY_CHAT);
  });

  it('asks for a sync on a gap', () => {
    const chat = started({ ...EMPTY_CHAT, ownRequests: ['r1'] });
    expect(
      applyEvent(chat, { type: 'delta', messageId: 'a1', seq: 3, offset: 10, text: 'x' }).needsSync,
    ).toBe(true);
  });

  it('shows a request failure as a notice', () => {
    const chat = applyEvent(
      { ...EMPTY_CHAT, ownRequests: ['r9'] },
      { type: 'request_failed', requestId: 'r9', message: 'Nope' },
    ).chat;
    expect(chat.notice).toBe('Nope');
    expect(chat.ownRequests).toEqual([]);
  });
});

describe('markDisconnected', () => {
  it('marks live replies interrupted at once and hands back their text', () => {
    let chat = started({ ...EMPTY_CHAT, ownRequests: ['r1'] });
    chat = applyEvent(chat, {
      type: 'delta',
      messageId: 'a1',
      seq: 1,
      offset: 0,
      text: 'partial',
    }).chat;
    const result = markDisconnected(chat);
    expect(result.chat.messages.a1?.state).toEqual({
      kind: 'interrupted',
      reason: 'worker_restart',
    });
    expect(result.salvage).toEqual([{ messageId: 'a1', content: 'partial' }]);
  });
});

describe('mergeLoaded', () => {
  it('keeps text the panel saw beyond what was stored', () => {
    let chat = started({ ...EMPTY_CHAT, ownRequests: ['r1'] });
    chat = applyEvent(chat, {
      type: 'delta',
      messageId: 'a1',
      seq: 1,
      offset: 0,
      text: 'abcdef',
    }).chat;
    chat = markDisconnected(chat).chat;
    const stored = [
      msg('u1', 'user', 'hi', { kind: 'complete' }),
      msg('a1', 'assistant', 'abc', { kind: 'interrupted', reason: 'worker_restart' }, 'u1'),
    ];
    const merged = mergeLoaded(chat, conversation, stored);
    expect(merged.messages.a1?.content).toBe('abcdef');
    expect(merged.messages.a1?.state).toEqual({ kind: 'interrupted', reason: 'worker_restart' });
  });

  it('takes stored text when it is further along', () => {
    const chat = started({ ...EMPTY_CHAT, ownRequests: ['r1'] });
    const stored = [
      msg('u1', 'user', 'hi', { kind: 'complete' }),
      msg('a1', 'assistant', 'done text', { kind: 'complete' }, 'u1'),
    ];
    const merged = mergeLoaded(chat, conversation, stored);
    expect(merged.messages.a1).toMatchObject({ content: 'done text', state: { kind: 'complete' } });
  });

  it('replaces everything when another conversation loads', () => {
    const chat = started({ ...EMPTY_CHAT, ownRequests: ['r1'] });
    const merged = mergeLoaded(chat, { ...conversation, id: 'c2', currentLeafId: null }, []);
    expect(merged.messages).toEqual({});
  });
});
