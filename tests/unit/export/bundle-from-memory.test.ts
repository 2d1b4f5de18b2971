import { describe, expect, it } from 'vitest';
import { bundleFromMemory, toMarkdown } from '@/lib/export/conversation';
import type { ChatMessage, Conversation } from '@/lib/model/types';

const conversation: Conversation = {
  id: 'c1',
  title: 'Counting',
  createdAt: 0,
  updatedAt: 0,
  model: 'm',
  systemPrompt: '',
  currentLeafId: 'a1',
};

const msg = (id: string, patch: Partial<ChatMessage>): ChatMessage => ({
  id,
  conversationId: 'c1',
  parentId: null,
  role: 'user',
  content: '',
  attachments: [],
  state: { kind: 'complete' },
  createdAt: 0,
  updatedAt: 0,
  ...patch,
});

describe('exporting what the panel holds', () => {
  const user = msg('u1', { content: 'Count', createdAt: 1 });
  const onScreen = msg('a1', {
    role: 'assistant',
    parentId: 'u1',
    content: 'one two three',
    createdAt: 2,
  });

  it('uses the text on screen, not the shorter stored one', () => {
    const stored = {
      conversation,
      messages: [user, { ...onScreen, content: 'one', state: { kind: 'streaming' as const } }],
    };
    const bundle = bundleFromMemory(
      { conversation, messages: [onScreen, user], leafId: 'a1' },
      stored,
    );
    expect(bundle.messages.map((m) => m.id)).toEqual(['u1', 'a1']);
    expect(toMarkdown(bundle)).toContain('one two three');
    expect(bundle.messages[1]?.state.kind).toBe('complete');
  });

  it('works with nothing stored (storage unreadable)', () => {
    const bundle = bundleFromMemory({ conversation, messages: [user, onScreen], leafId: 'a1' });
    expect(toMarkdown(bundle)).toContain('## You\n\nCount');
    expect(toMarkdown(bundle)).toContain('## Parley\n\none two three');
  });

  it('keeps stored branches the panel does not hold, and follows the branch on screen', () => {
    const other = msg('a0', {
      role: 'assistant',
      parentId: 'u1',
      content: 'older',
      createdAt: 1.5,
    });
    const bundle = bundleFromMemory(
      {
        conversation: { ...conversation, currentLeafId: 'a0' },
        messages: [user, onScreen],
        leafId: 'a1',
      },
      { conversation, messages: [user, other] },
    );
    expect(bundle.messages.map((m) => m.id)).toEqual(['u1', 'a0', 'a1']);
    expect(bundle.conversation.currentLeafId).toBe('a1');
    expect(toMarkdown(bundle)).not.toContain('older');
  });
});
