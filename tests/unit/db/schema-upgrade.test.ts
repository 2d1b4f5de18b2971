import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ParleyDb, SCHEMA_V1 } from '@/lib/db/schema';
import { getMessages } from '@/lib/db/conversations';
import { createReplyWriter } from '@/lib/db/reply-chunks';

describe('schema upgrade', () => {
  it('opens a version-1 database with data as the current version, data intact, chunks usable', async () => {
    const name = 'upgrade-from-v1';
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    await old.table('conversations').add({
      id: 'c1',
      title: 'Old chat',
      createdAt: 1,
      updatedAt: 1,
      model: 'm',
      systemPrompt: '',
      currentLeafId: 'a1',
    });
    await old.table('messages').bulkAdd([
      {
        id: 'u1',
        conversationId: 'c1',
        parentId: null,
        role: 'user',
        content: 'Q',
        attachments: [],
        state: { kind: 'complete' },
        createdAt: 1,
        updatedAt: 1,
      },
      {
        id: 'a1',
        conversationId: 'c1',
        parentId: 'u1',
        role: 'assistant',
        content: 'A whole old reply',
        attachments: [],
        state: { kind: 'streaming' },
        createdAt: 2,
        updatedAt: 2,
      },
    ]);
    await old.table('ratings').add({ id: 'r1', messageId: 'a1', conversationId: 'c1' });
    old.close();

    const db = new ParleyDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThan(1);
    expect((await getMessages(db, 'c1')).map((m) => m.content)).toEqual(['Q', 'A whole old reply']);
    expect(await db.ratings.count()).toBe(1);
    expect(await db.conversations.get('c1')).toMatchObject({ title: 'Old chat' });
    // An old reply left streaming (its text whole in the record) continues in chunks.
    const writer = createReplyWriter(db, { messageId: 'a1', conversationId: 'c1' });
    const long = 'A whole old reply' + 'z'.repeat(200_000);
    await writer.save({ content: long, state: { kind: 'streaming' } }, 3);
    await writer.save({ content: `${long}!`, state: { kind: 'streaming' } }, 4);
    expect((await getMessages(db, 'c1'))[1]?.content).toBe(`${long}!`);
    db.close();
  });
});
