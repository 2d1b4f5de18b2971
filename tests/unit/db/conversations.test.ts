import { beforeEach, describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import {
  appendMessages,
  createConversation,
  deleteConversation,
  feedbackCountFor,
  getMessages,
  latestConversation,
  salvageReply,
  sweepOrphanedReplies,
} from '@/lib/db/conversations';
import type { ChatMessage } from '@/lib/model/types';

let db: ParleyDb;
let n = 0;
beforeEach(() => {
  db = new ParleyDb(`test-${++n}`);
});

const message = (
  id: string,
  state: ChatMessage['state'],
  content = '',
  createdAt = 1,
): ChatMessage => ({
  id,
  conversationId: 'c1',
  parentId: null,
  role: 'assistant',
  content,
  attachments: [],
  state,
  createdAt,
  updatedAt: createdAt,
});

describe('conversations', () => {
  it('appends messages and moves the current leaf', async () => {
    await createConversation(db, { id: 'c1', model: 'm', systemPrompt: 's', title: 't', now: 1 });
    await appendMessages(
      db,
      'c1',
      [message('a', { kind: 'complete' }, 'x', 1), message('b', { kind: 'complete' }, 'y', 2)],
      5,
    );
    expect((await latestConversation(db))?.currentLeafId).toBe('b');
    expect((await getMessages(db, 'c1')).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('the startup sweep marks orphaned live replies as interrupted(worker_restart)', async () => {
    await db.messages.bulkAdd([
      message('streaming', { kind: 'streaming' }, 'half'),
      message('pending', { kind: 'pending' }),
      message('live', { kind: 'streaming' }),
      message('done', { kind: 'complete' }, 'ok'),
    ]);
    const swept = await sweepOrphanedReplies(db, new Set(['live']), 9);
    expect(swept.sort()).toEqual(['pending', 'streaming']);
    expect((await db.messages.get('streaming'))?.state).toEqual({
      kind: 'interrupted',
      reason: 'worker_restart',
    });
    expect((await db.messages.get('streaming'))?.content).toBe('half');
    expect((await db.messages.get('live'))?.state).toEqual({ kind: 'streaming' });
    expect((await db.messages.get('done'))?.state).toEqual({ kind: 'complete' });
  });

  it('salvage only extends a reply the sweep ended', async () => {
    await db.messages.bulkAdd([
      message('cut', { kind: 'interrupted', reason: 'worker_restart' }, 'abc'),
      message('done', { kind: 'complete' }, 'abc'),
    ]);
    expect(await salvageReply(db, 'cut', 'abcdef', 2)).toBe(true);
    expect((await db.messages.get('cut'))?.content).toBe('abcdef');
    expect(await salvageReply(db, 'cut', 'xyz-rewritten-history', 3)).toBe(false);
    expect(await salvageReply(db, 'cut', 'abc', 3)).toBe(false);
    expect(await salvageReply(db, 'done', 'abcdef', 3)).toBe(false);
    expect(await salvageReply(db, 'missing', 'abcdef', 3)).toBe(false);
  });
});

describe('deleteConversation', () => {
  async function seed(id: string, now: number) {
    await createConversation(db, { id, model: 'm', systemPrompt: '', title: id, now });
    await appendMessages(
      db,
      id,
      [{ ...message(`${id}-a`, { kind: 'complete' }, 'text', now), conversationId: id }],
      now,
    );
    await db.ratings.add({
      id: `${id}-r`,
      messageId: `${id}-a`,
      conversationId: id,
      value: 'good',
      reasons: [],
      comment: '',
      createdAt: now,
      updatedAt: now,
    });
  }

  it('keeping feedback hides the conversation but keeps the rated texts', async () => {
    await seed('old', 1);
    await seed('new', 2);
    await deleteConversation(db, 'new', { keepFeedback: true });
    expect((await latestConversation(db))?.id).toBe('old');
    expect(await db.messages.get('new-a')).toBeDefined();
    expect(await feedbackCountFor(db, 'new')).toBe(1);
  });

  it('deleting everything removes messages and feedback', async () => {
    await seed('gone', 1);
    await deleteConversation(db, 'gone', { keepFeedback: false });
    expect(await db.conversations.get('gone')).toBeUndefined();
    expect(await db.messages.where('conversationId').equals('gone').count()).toBe(0);
    expect(await feedbackCountFor(db, 'gone')).toBe(0);
  });
});
