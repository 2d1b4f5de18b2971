import { beforeEach, describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import {
  appendMessages,
  createConversation,
  deleteConversation,
  getMessage,
  getMessages,
  salvageReply,
  sweepOrphanedReplies,
} from '@/lib/db/conversations';
import { assembleReply, createReplyWriter, HEAD_CHARS } from '@/lib/db/reply-chunks';
import { loadBundles, searchableMessages } from '@/lib/db/conversation-list';
import { createUnsaved } from '@/lib/engine/unsaved';
import type { ChatMessage } from '@/lib/model/types';

let db: ParleyDb;
let n = 0;
beforeEach(async () => {
  db = new ParleyDb(`chunks-${++n}`);
  await createConversation(db, { id: 'c1', model: 'm', systemPrompt: '', title: 't', now: 1 });
  await appendMessages(db, 'c1', [reply('a1')], 2);
});

function reply(id: string, patch: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id,
    conversationId: 'c1',
    parentId: null,
    role: 'assistant',
    content: '',
    attachments: [],
    state: { kind: 'pending' },
    createdAt: 2,
    updatedAt: 2,
    ...patch,
  };
}

const streaming = { kind: 'streaming' } as const;
const text = (n: number, seed = 'abcdefghij') =>
  seed.repeat(Math.ceil(n / seed.length)).slice(0, n);

describe('a long reply stored in chunks', () => {
  it('a short reply is rewritten whole, as before: no chunks', async () => {
    const writer = createReplyWriter(db, { messageId: 'a1', conversationId: 'c1' });
    await writer.save({ content: 'Hello', state: streaming }, 3);
    await writer.save({ content: 'Hello world', state: { kind: 'complete' } }, 4);
    expect((await db.messages.get('a1'))?.content).toBe('Hello world');
    expect(await db.replyChunks.count()).toBe(0);
  });

  it('appends only the new text past the head, and reads return the whole reply', async () => {
    const writer = createReplyWriter(db, { messageId: 'a1', conversationId: 'c1' });
    const full = text(HEAD_CHARS * 4);
    const steps = [HEAD_CHARS / 2, HEAD_CHARS + 10, HEAD_CHARS * 2, HEAD_CHARS * 3, HEAD_CHARS * 4];
    for (const [i, end] of steps.entries())
      await writer.save({ content: full.slice(0, end), state: streaming }, 10 + i);
    const record = await db.messages.get('a1');
    // The record holds the head; the rest is in append-only chunks, each written once.
    expect(record?.content.length).toBeLessThan(HEAD_CHARS * 2);
    const chunks = await db.replyChunks.toArray();
    expect(chunks.length).toBe(3);
    expect(chunks.reduce((sum, c) => sum + c.text.length, 0) + (record?.content.length ?? 0)).toBe(
      full.length,
    );
    expect((await getMessage(db, 'a1'))?.content).toBe(full);
    expect((await getMessages(db, 'c1'))[0]?.content).toBe(full);
    expect((await getMessages(db, 'c1'))[0]?.state).toEqual(streaming);
  });

  it('at the end the chunks fold into the record: export and search read the full text', async () => {
    const writer = createReplyWriter(db, { messageId: 'a1', conversationId: 'c1' });
    const full = text(HEAD_CHARS * 3);
    await writer.save({ content: full.slice(0, HEAD_CHARS + 1), state: streaming }, 3);
    await writer.save({ content: full.slice(0, HEAD_CHARS * 2), state: streaming }, 4);
    await writer.save({ content: full, state: { kind: 'stopped' } }, 5);
    expect(await db.replyChunks.count()).toBe(0);
    const [bundle] = await loadBundles(db, ['c1']);
    expect(bundle?.messages[0]?.content).toBe(full);
    expect(bundle?.messages[0]).not.toHaveProperty('chunks');
    expect((await getMessage(db, 'a1'))?.state).toEqual({ kind: 'stopped' });
  });

  it('while it still streams, export and search read the whole reply, not just its head', async () => {
    const writer = createReplyWriter(db, { messageId: 'a1', conversationId: 'c1' });
    const full = text(HEAD_CHARS * 3);
    await writer.save({ content: full.slice(0, HEAD_CHARS + 5), state: streaming }, 3);
    await writer.save({ content: full, state: streaming }, 4);
    expect(await db.replyChunks.count()).toBeGreaterThan(0);
    for (const bundles of [await loadBundles(db, ['c1']), await loadBundles(db)])
      expect(bundles[0]?.messages[0]?.content).toBe(full);
    expect((await searchableMessages(db)).find((m) => m.id === 'a1')?.content).toBe(full);
  });

  it('deleting the conversation removes its chunks', async () => {
    const writer = createReplyWriter(db, { messageId: 'a1', conversationId: 'c1' });
    await writer.save({ content: text(HEAD_CHARS + 5), state: streaming }, 3);
    await writer.save({ content: text(HEAD_CHARS * 2), state: streaming }, 4);
    expect(await db.replyChunks.count()).toBeGreaterThan(0);
    await deleteConversation(db, 'c1', { keepFeedback: false });
    expect(await db.replyChunks.count()).toBe(0);
    // A write after the delete (the reply was still ending) adds nothing back.
    await writer.save({ content: text(HEAD_CHARS * 3), state: streaming }, 5);
    expect(await db.replyChunks.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
  });

  it('a worker that died mid-reply: the sweep folds the chunks in, so salvage extends the whole text', async () => {
    const writer = createReplyWriter(db, { messageId: 'a1', conversationId: 'c1' });
    const full = text(HEAD_CHARS * 2);
    await writer.save({ content: full.slice(0, HEAD_CHARS + 3), state: streaming }, 3);
    await writer.save({ content: full, state: streaming }, 4);
    expect(await sweepOrphanedReplies(db, new Set(), 5)).toEqual(['a1']);
    expect(await db.replyChunks.count()).toBe(0);
    expect((await db.messages.get('a1'))?.content).toBe(full);
    expect(await salvageReply(db, 'a1', `${full}tail`, 6)).toBe(true);
    expect((await getMessage(db, 'a1'))?.content).toBe(`${full}tail`);
  });

  it('the unsaved fallback writing the whole reply back never doubles text with the chunks', async () => {
    const writer = createReplyWriter(db, { messageId: 'a1', conversationId: 'c1' });
    const full = text(HEAD_CHARS * 3);
    await writer.save({ content: full.slice(0, HEAD_CHARS + 1), state: streaming }, 3);
    await writer.save({ content: full.slice(0, HEAD_CHARS * 2), state: streaming }, 4);
    // A write failed meanwhile; the kept copy is written back whole.
    const unsaved = createUnsaved();
    unsaved.keepMessage(
      reply('a1', { content: full.slice(0, HEAD_CHARS * 2 + 7), state: streaming, updatedAt: 5 }),
    );
    await unsaved.writeBack(db, 6);
    expect((await getMessage(db, 'a1'))?.content).toBe(full.slice(0, HEAD_CHARS * 2 + 7));
    // The writer goes on from what it knows; reading still gives each character once.
    await writer.save({ content: full, state: streaming }, 7);
    expect((await getMessage(db, 'a1'))?.content).toBe(full);
  });

  it('assembles overlapping chunks once, in order', () => {
    expect(
      assembleReply('abc', [
        { offset: 5, text: 'fg' },
        { offset: 3, text: 'de' },
        { offset: 2, text: 'cde' },
      ]),
    ).toBe('abcdefg');
  });
});
