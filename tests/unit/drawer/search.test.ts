import { describe, expect, it } from 'vitest';
import { makeSnippet, searchConversations } from '@/lib/drawer/search';
import { groupByDay } from '@/lib/drawer/group';
import type { ChatMessage, Conversation } from '@/lib/model/types';

const conv = (
  id: string,
  title: string,
  updatedAt: number,
  extra: Partial<Conversation> = {},
): Conversation => ({
  id,
  title,
  createdAt: updatedAt,
  updatedAt,
  model: 'm',
  systemPrompt: '',
  currentLeafId: null,
  ...extra,
});
const msg = (id: string, conversationId: string, content: string): ChatMessage => ({
  id,
  conversationId,
  parentId: null,
  role: 'user',
  content,
  attachments: [],
  state: { kind: 'complete' },
  createdAt: 1,
  updatedAt: 1,
});

describe('searchConversations', () => {
  const conversations = [
    conv('a', 'Go channels', 10),
    conv('b', 'Cooking pasta', 20),
    conv('c', 'Rust lifetimes', 30),
    conv('h', 'Hidden channels', 40, { hidden: true }),
  ];
  const messages = [
    msg('1', 'b', 'How long should I boil channels of pasta?'),
    msg('2', 'c', 'Channels in Rust: mpsc::channel() gives a sender and a receiver.'),
    msg('3', 'c', 'More about channels.'),
    msg('4', 'h', 'channels everywhere'),
  ];
  it('ranks title matches first, then by how many messages match, then recency; hides deleted ones', () => {
    expect(
      searchConversations(conversations, messages, 'channel').map((h) => h.conversationId),
    ).toEqual(['a', 'c', 'b']);
  });
  it('is case- and accent-insensitive', () => {
    expect(searchConversations([conv('x', 'Crème brûlée', 1)], [], 'creme BRULEE')).toHaveLength(1);
  });
  it('returns the matching snippet with the match marked', () => {
    const hit = searchConversations(conversations, messages, 'mpsc')[0];
    expect(hit?.snippet).toEqual({
      before: 'Channels in Rust: ',
      match: 'mpsc',
      after: '::channel() gives a sender and a receive…',
    });
  });
  it('an empty query finds nothing', () => {
    expect(searchConversations(conversations, messages, '  ')).toEqual([]);
  });
});

describe('makeSnippet', () => {
  it('trims long context with ellipses and flattens whitespace', () => {
    const text = `${'a'.repeat(100)} needle\n\nin ${'b'.repeat(100)}`;
    const snippet = makeSnippet(text, 'NEEDLE');
    expect(snippet?.match).toBe('needle');
    expect(snippet?.before.startsWith('…')).toBe(true);
    expect(snippet?.after.endsWith('…')).toBe(true);
    expect(snippet?.after).not.toContain('\n');
  });
});

describe('groupByDay', () => {
  const now = new Date('2026-11-24T15:00:00').getTime();
  it('puts pinned first, then Today, Yesterday and dates, newest first', () => {
    const groups = groupByDay(
      [
        conv('old', 'old', new Date('2026-11-01T10:00:00').getTime()),
        conv('y', 'y', new Date('2026-11-23T10:00:00').getTime()),
        conv('t1', 't1', new Date('2026-11-24T09:00:00').getTime()),
        conv('t2', 't2', new Date('2026-11-24T11:00:00').getTime()),
        conv('p', 'p', new Date('2026-10-01T10:00:00').getTime(), { pinned: true }),
        conv('gone', 'gone', now, { hidden: true }),
      ],
      now,
    );
    expect(groups.map((g) => [g.label, g.conversations.map((c) => c.id)])).toEqual([
      ['Pinned', ['p']],
      ['Today', ['t2', 't1']],
      ['Yesterday', ['y']],
      ['Nov 1, 2026', ['old']],
    ]);
  });
});
