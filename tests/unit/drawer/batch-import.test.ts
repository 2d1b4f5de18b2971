/**
 * Importing in batches (issue 12, item 4): bounded transactions with progress after each, merged
 * by id, and a failure that keeps what was already stored.
 */
import { describe, expect, it } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { ParleyDb } from '@/lib/db/schema';
import { importBundles } from '@/lib/db/import';
import type { ConversationBundle } from '@/lib/export/conversation';

function bundles(n: number, messagesEach = 2, prefix = 'c'): ConversationBundle[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `${prefix}${i}`;
    return {
      conversation: {
        id,
        title: id,
        createdAt: i,
        updatedAt: i,
        model: 'm',
        systemPrompt: '',
        currentLeafId: `${id}-${messagesEach - 1}`,
      },
      messages: Array.from({ length: messagesEach }, (_, k) => ({
        id: `${id}-${k}`,
        conversationId: id,
        parentId: k === 0 ? null : `${id}-${k - 1}`,
        role: k % 2 ? ('assistant' as const) : ('user' as const),
        content: `m${k}`,
        attachments: [],
        state: { kind: 'complete' as const },
        createdAt: i,
        updatedAt: i,
      })),
    };
  });
}

let dbCount = 0;
const freshDb = () => new ParleyDb(`batch-import-${++dbCount}`);

describe('batch import', () => {
  it('writes in batches and reports progress after each', async () => {
    const db = freshDb();
    const progress: [number, number][] = [];
    const added = await importBundles(db, bundles(1234), {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(added).toEqual({ conversations: 1234, messages: 2468 });
    expect(progress).toEqual([
      [500, 1234],
      [1000, 1234],
      [1234, 1234],
    ]);
    expect(await db.conversations.count()).toBe(1234);
    expect(await db.messages.count()).toBe(2468);
  });

  it('bounds a batch by messages too, and never splits a conversation', async () => {
    const db = freshDb();
    const progress: number[] = [];
    const added = await importBundles(db, bundles(5, 4), {
      batchSize: 500,
      maxBatchMessages: 10,
      onProgress: (done) => progress.push(done),
    });
    // 4 + 4 fit in 10, a third would not: batches of 2, 2 and 1 conversations.
    expect(progress).toEqual([2, 4, 5]);
    expect(added).toEqual({ conversations: 5, messages: 20 });
    // One conversation larger than the bound still goes in, alone.
    expect(await importBundles(db, bundles(1, 12, 'big'), { maxBatchMessages: 10 })).toEqual({
      conversations: 1,
      messages: 12,
    });
  });

  it('merges by id: again adds nothing, a partly known conversation gets its new messages', async () => {
    const db = freshDb();
    const all = bundles(3, 4);
    const firstHalf = all.map((b) => ({ ...b, messages: b.messages.slice(0, 2) }));
    expect(await importBundles(db, firstHalf)).toEqual({ conversations: 3, messages: 6 });
    expect(await importBundles(db, all)).toEqual({ conversations: 0, messages: 6 });
    expect(await importBundles(db, all)).toEqual({ conversations: 0, messages: 0 });
    expect(await db.messages.count()).toBe(12);
  });

  it('a failing batch keeps the batches before it, and the error reaches the caller', async () => {
    const db = freshDb();
    let writes = 0;
    // The third write (the second batch's conversations) fails as a full disk would.
    const failThird: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'fail-third-write',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) =>
              ++writes === 3
                ? Promise.reject(new DOMException('full', 'QuotaExceededError'))
                : table.mutate(request),
          };
        },
      }),
    };
    db.use(failThird);
    const progress: number[] = [];
    await expect(
      importBundles(db, bundles(900), { onProgress: (done) => progress.push(done) }),
    ).rejects.toThrow();
    expect(progress).toEqual([500]);
    expect(await db.conversations.count()).toBe(500);
    expect(await db.messages.count()).toBe(1000);
  });
});
