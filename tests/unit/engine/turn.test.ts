/** A new turn's records (lib/engine/turn). */
import { describe, expect, it } from 'vitest';
import { newTurn, titleFrom } from '@/lib/engine/turn';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { SendRequest } from '@/lib/protocol';
import type { Conversation } from '@/lib/model/types';

const request = (text: string, conversationId: string | null = null): SendRequest => ({
  type: 'send',
  requestId: 'r',
  conversationId,
  parentId: null,
  text,
  attachments: [],
});

describe('titleFrom', () => {
  it('takes the first line of the question, cut at 60 characters', () => {
    expect(titleFrom('Hello\nworld', [])).toBe('Hello');
    const long = titleFrom('x'.repeat(80), []);
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
    expect(titleFrom('   ', [])).toBe('New chat');
  });
});

describe('newTurn', () => {
  it('starts a conversation with the settings’ model and system prompt', () => {
    let id = 0;
    const { conversation, user } = newTurn(request('Hi'), undefined, DEFAULT_SETTINGS, {
      newId: () => `id${++id}`,
      now: 5,
    });
    expect(conversation).toMatchObject({
      id: 'id1',
      title: 'Hi',
      model: DEFAULT_SETTINGS.model,
      systemPrompt: DEFAULT_SETTINGS.systemPrompt,
      currentLeafId: null,
      createdAt: 5,
    });
    expect(user).toMatchObject({
      id: 'id2',
      conversationId: 'id1',
      role: 'user',
      content: 'Hi',
      state: { kind: 'complete' },
    });
  });

  it('adds to an existing conversation without a new one', () => {
    const existing: Conversation = {
      id: 'c',
      title: 'T',
      createdAt: 1,
      updatedAt: 1,
      model: 'm',
      systemPrompt: '',
      currentLeafId: 'a',
    };
    const { conversation, user } = newTurn(request('More', 'c'), existing, DEFAULT_SETTINGS, {
      newId: () => 'u',
      now: 9,
    });
    expect(conversation).toBe(existing);
    expect(user.conversationId).toBe('c');
  });
});
