import { describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import {
  injectStorageFaults,
  type StorageFaultFlags,
  type StorageFaultSource,
} from '@/tests/hooks/storage-faults';
import { createConversation, getConversation } from '@/lib/db/conversations';
import { isQuotaError } from '@/lib/db/storage-errors';

let n = 0;

function withFaults(initial: StorageFaultFlags = {}) {
  let flags = { ...initial };
  const listeners: (() => void)[] = [];
  const source: StorageFaultSource = {
    read: async () => ({ ...flags }),
    watch: (onChange) => listeners.push(onChange),
  };
  const db = new ParleyDb(`faults-${++n}`);
  injectStorageFaults(db, source);
  return {
    db,
    set: async (next: StorageFaultFlags) => {
      flags = { ...next };
      for (const l of listeners) l();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

const conversation = (id: string) => ({ id, model: 'm', systemPrompt: '', title: id, now: 1 });

describe('injected storage faults (E2E build only)', () => {
  it('with no flag set, the database works', async () => {
    const { db } = withFaults();
    await createConversation(db, conversation('c1'));
    expect((await getConversation(db, 'c1'))?.title).toBe('c1');
  });

  it('failing writes reject as a full disk, reads still work, and it can be lifted', async () => {
    const { db, set } = withFaults();
    await createConversation(db, conversation('c1'));
    await set({ failWrites: true });
    const add = await createConversation(db, conversation('c2')).catch((e: unknown) => e);
    expect(isQuotaError(add)).toBe(true);
    const update = await db.conversations.update('c1', { title: 'x' }).catch((e: unknown) => e);
    expect(isQuotaError(update)).toBe(true);
    expect((await getConversation(db, 'c1'))?.title).toBe('c1');
    await set({ failWrites: false });
    await db.conversations.update('c1', { title: 'renamed' });
    expect((await getConversation(db, 'c1'))?.title).toBe('renamed');
  });

  it('a failing open makes every use of the database reject', async () => {
    const { db } = withFaults({ failOpen: true });
    await expect(getConversation(db, 'c1')).rejects.toThrow();
    await expect(createConversation(db, conversation('c1'))).rejects.toThrow();
  });
});
