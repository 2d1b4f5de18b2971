/**
 * Where the E2E build reads its storage-fault flags: `storage.local` keys `e2eFailDbOpen` and
 * `e2eFailWrites`, set by a test. Called only behind `import.meta.env.MODE === 'e2e'`; nothing
 * runs at import, so the production build drops this module.
 */
import { storage } from '#imports';
import { injectStorageFaults } from './storage-faults';
import type { ParleyDb } from '@/lib/db/schema';

/** Wires `db` to the flags a test sets in `storage.local` (call before the first use of `db`). */
export function injectE2EStorageFaults(db: ParleyDb): void {
  const failOpen = storage.defineItem<boolean>('local:e2eFailDbOpen', { fallback: false });
  const failWrites = storage.defineItem<boolean>('local:e2eFailWrites', { fallback: false });
  injectStorageFaults(db, {
    read: async () => ({
      failOpen: Boolean(await failOpen.getValue()),
      failWrites: Boolean(await failWrites.getValue()),
    }),
    watch: (onChange) => {
      failOpen.watch(onChange);
      failWrites.watch(onChange);
    },
  });
}
