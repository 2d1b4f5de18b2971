import { describe, expect, it } from 'vitest';
import { draftOf, parseDraft, resumeFrom } from '@/lib/panel/compare-draft';
import { EMPTY_CHAT, type PanelChat } from '@/lib/panel/panel-state';
import type { ChatMessage } from '@/lib/model/types';

const reply = (id: string, parentId = 'u1'): ChatMessage =>
  ({
    id,
    conversationId: 'c1',
    parentId,
    role: 'assistant',
    content: id,
    state: { kind: 'complete' },
    attachments: [],
    createdAt: 0,
    updatedAt: 0,
  }) as ChatMessage;

const chatWith = (messages: ChatMessage[], id = 'c1'): PanelChat => ({
  ...EMPTY_CHAT,
  conversation: { id } as PanelChat['conversation'],
  messages: Object.fromEntries(messages.map((m) => [m.id, m])),
});

describe('compare draft', () => {
  const session = {
    parentId: 'u1',
    waiting: [],
    order: ['b', 'a', 'c'],
    generated: ['a', 'b', 'c'],
  };

  it('keeps an open comparison’s order and brings it back in its conversation', () => {
    const chat = chatWith([reply('a'), reply('b'), reply('c')]);
    const draft = draftOf(session, chat);
    expect(draft).toEqual({
      conversationId: 'c1',
      parentId: 'u1',
      order: ['b', 'a', 'c'],
      generated: ['a', 'b', 'c'],
    });
    // Through storage and back, as JSON.
    const back = parseDraft(JSON.parse(JSON.stringify(draft)));
    expect(resumeFrom(back, chat)).toEqual(session);
  });

  it('keeps nothing without a session or a conversation', () => {
    expect(draftOf(null, chatWith([]))).toBeNull();
    expect(draftOf(session, EMPTY_CHAT)).toBeNull();
  });

  it('does not reopen in another conversation, or with fewer than two stored alternatives', () => {
    const draft = draftOf(session, chatWith([reply('a'), reply('b'), reply('c')]));
    expect(resumeFrom(draft, chatWith([reply('a'), reply('b'), reply('c')], 'c2'))).toBeNull();
    expect(resumeFrom(draft, chatWith([reply('a')]))).toBeNull();
    // A deleted alternative drops out; a reply to another question is not one.
    expect(resumeFrom(draft, chatWith([reply('a'), reply('b'), reply('c', 'u9')]))).toEqual({
      parentId: 'u1',
      waiting: [],
      order: ['b', 'a'],
      generated: ['a', 'b'],
    });
  });

  it('refuses stored values of the wrong shape', () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft('x')).toBeNull();
    expect(
      parseDraft({ conversationId: 'c1', parentId: 'u1', order: [1], generated: [] }),
    ).toBeNull();
    expect(parseDraft({ conversationId: 'c1', order: [], generated: [] })).toBeNull();
  });
});
