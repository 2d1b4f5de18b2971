import { describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import { createUnsaved } from '@/lib/engine/unsaved';
import { injectStorageFaults } from '@/tests/hooks/storage-faults';
import type { ChatMessage, Conversation } from '@/lib/model/types';

let n = 0;
const freshDb = () => new ParleyDb(`unsaved-${++n}`);

const conversation: Conversation = {
  id: 'c1',
  title: 'T',
  createdAt: 1,
  updatedAt: 1,
  model: 'm',
  systemPrompt: '',
  currentLeafId: null,
};

const msg = (id: string, patch: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  conversationId: 'c1',
  parentId: null,
  role: 'assistant',
  content: '',
  attachments: [],
  state: { kind: 'complete' },
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});

describe('unsaved records', () => {
  it('lays kept messages over stored ones, in creation order', () => {
    const unsaved = createUnsaved();
    unsaved.keepMessage(msg('a2', { content: 'whole reply', createdAt: 2, updatedAt: 5 }));
    unsaved.keepMessage(msg('a3', { createdAt: 3 }));
    unsaved.keepMessage(msg('x', { conversationId: 'other' }));
    const stored = [
      msg('u1', { role: 'user', content: 'q', createdAt: 1 }),
      msg('a2', {
        content: 'whole',
        createdAt: 2,
        moderation: { flagged: false, categories: [], checked: false },
      }),
    ];
    const merged = unsaved.overlay('c1', stored);
    expect(merged.map((m) => [m.id, m.content])).toEqual([
      ['u1', 'q'],
      ['a2', 'whole reply'],
      ['a3', ''],
    ]);
    // Fields only the stored record has stay.
    expect(merged[1]?.moderation).toBeDefined();
    expect(unsaved.overlay('c1', []).map((m) => m.id)).toEqual(['a2', 'a3']);
  });

  it('writes back missing records, moves the leaf, and forgets what it wrote', async () => {
    const db = freshDb();
    const unsaved = createUnsaved();
    unsaved.keepConversation(conversation);
    unsaved.keepMessage(msg('u1', { role: 'user', content: 'q', createdAt: 1 }));
    unsaved.keepMessage(msg('a1', { content: 'answer', parentId: 'u1', createdAt: 2 }));
    expect(unsaved.size).toBe(3);
    await unsaved.writeBack(db, 100);
    expect(unsaved.size).toBe(0);
    const stored = await db.conversations.get('c1');
    expect(stored).toMatchObject({ currentLeafId: 'a1', updatedAt: 100 });
    expect((await db.messages.get('a1'))?.content).toBe('answer');
    await unsaved.writeBack(db, 200); // nothing left: no change
    expect((await db.conversations.get('c1'))?.updatedAt).toBe(100);
  });

  it("updates a stored reply's text and state but keeps its other fields", async () => {
    const db = freshDb();
    await db.conversations.add({ ...conversation, currentLeafId: 'a1' });
    const moderation = { flagged: false, categories: [], checked: true };
    await db.messages.add(
      msg('a1', { content: 'par', state: { kind: 'streaming' }, moderation, updatedAt: 1 }),
    );
    const unsaved = createUnsaved();
    unsaved.keepMessage(msg('a1', { content: 'partial and more', updatedAt: 9 }));
    await unsaved.writeBack(db, 10);
    const a1 = await db.messages.get('a1');
    expect(a1).toMatchObject({ content: 'partial and more', state: { kind: 'complete' } });
    expect(a1?.moderation).toEqual(moderation);
  });

  it('never overwrites a newer stored version', async () => {
    const db = freshDb();
    await db.messages.add(msg('a1', { content: 'newer', updatedAt: 50 }));
    const unsaved = createUnsaved();
    unsaved.keepMessage(msg('a1', { content: 'old', updatedAt: 10 }));
    await unsaved.writeBack(db, 60);
    expect((await db.messages.get('a1'))?.content).toBe('newer');
  });

  it('opens again a database whose open failed, once the cause is gone', async () => {
    const db = freshDb();
    let failOpen = true;
    injectStorageFaults(db, { read: async () => ({ failOpen }), watch: () => undefined });
    const unsaved = createUnsaved();
    unsaved.keepConversation(conversation);
    await expect(db.conversations.count()).rejects.toThrow();
    await expect(unsaved.writeBack(db, 1)).rejects.toThrow();
    // Dexie alone would refuse every later use of this instance.
    failOpen = false;
    await expect(db.conversations.count()).rejects.toThrow();
    await unsaved.writeBack(db, 2);
    expect(await db.conversations.count()).toBe(1);
  });

  it('keeps everything when storage still fails, and a version kept meanwhile waits', async () => {
    const db = freshDb();
    let failWrites = true;
    let changed: () => void = () => undefined;
    injectStorageFaults(db, {
      read: async () => ({ failWrites }),
      watch: (onChange) => (changed = onChange),
    });
    await db.open();
    const unsaved = createUnsaved();
    unsaved.keepMessage(msg('a1', { content: 'one' }));
    await expect(unsaved.writeBack(db, 1)).rejects.toThrow();
    expect(unsaved.message('a1')?.content).toBe('one');
    expect(await db.messages.count()).toBe(0);
    failWrites = false;
    changed();
    await new Promise((r) => setTimeout(r, 0));

    const writing = unsaved.writeBack(db, 2);
    unsaved.keepMessage(msg('a1', { content: 'one two', updatedAt: 3 }));
    await writing;
    expect(unsaved.message('a1')?.content).toBe('one two');
    expect((await db.messages.get('a1'))?.content).toBe('one');
    unsaved.saved('a1');
    expect(unsaved.size).toBe(0);
  });
});
