/** removeFailedReply: Retry replaces a failure that showed nothing, and nothing else (issue 16). */
import { beforeEach, describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import { appendMessages, createConversation, getMessages } from '@/lib/db/conversations';
import { removeFailedReply } from '@/lib/db/failed-reply';
import { saveRating } from '@/lib/db/feedback';
import type { ChatMessage } from '@/lib/model/types';

let db: ParleyDb;
let n = 0;
beforeEach(async () => {
  db = new ParleyDb(`failed-reply-${++n}`);
  await createConversation(db, { id: 'c1', model: 'm', systemPrompt: '', title: 't', now: 1 });
});

const message = (
  id: string,
  role: ChatMessage['role'],
  parentId: string | null,
  state: ChatMessage['state'],
  content = '',
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
const user = message('u1', 'user', null, { kind: 'complete' }, 'Hi');
const ids = async () => (await getMessages(db, 'c1')).map((m) => m.id).sort();

describe('removeFailedReply', () => {
  it('deletes an empty error reply to that user message, with its rating', async () => {
    await appendMessages(
      db,
      'c1',
      [user, message('a1', 'assistant', 'u1', { kind: 'error', code: 'auth' })],
      1,
    );
    await saveRating(db, {
      id: 'r1',
      messageId: 'a1',
      conversationId: 'c1',
      value: 'bad',
      reasons: [],
      comment: '',
      createdAt: 1,
      updatedAt: 1,
    });
    expect(await removeFailedReply(db, 'a1', 'u1')).toBe(true);
    expect(await ids()).toEqual(['u1']);
    expect(await db.ratings.count()).toBe(0);
  });

  it('removes a reply the model ended with only an end token (issue 16)', async () => {
    await appendMessages(
      db,
      'c1',
      [user, message('a1', 'assistant', 'u1', { kind: 'complete' })],
      1,
    );
    expect(await removeFailedReply(db, 'a1', 'u1')).toBe(true);
    expect(await ids()).toEqual(['u1']);
  });

  it('keeps what the user saw or built on, and anything not a failure', async () => {
    await appendMessages(
      db,
      'c1',
      [
        user,
        message('a1', 'assistant', 'u1', { kind: 'interrupted', reason: 'network' }, 'Half'),
        message('a2', 'assistant', 'u1', { kind: 'complete' }, 'Done.'),
        message('a3', 'assistant', 'u1', { kind: 'error', code: 'auth' }),
        message('u2', 'user', 'a3', { kind: 'complete' }, 'And then?'),
      ],
      1,
    );
    expect(await removeFailedReply(db, 'a1', 'u1')).toBe(false);
    expect(await removeFailedReply(db, 'a2', 'u1')).toBe(false);
    // a3 has a follow-up below it.
    expect(await removeFailedReply(db, 'a3', 'u1')).toBe(false);
    // The wrong parent, a user message, a missing id.
    expect(await removeFailedReply(db, 'a3', 'u2')).toBe(false);
    expect(await removeFailedReply(db, 'u1', 'u1')).toBe(false);
    expect(await removeFailedReply(db, 'nope', 'u1')).toBe(false);
    expect(await ids()).toEqual(['a1', 'a2', 'a3', 'u1', 'u2']);
  });
});
