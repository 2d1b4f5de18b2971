/**
 * Where the E2E build reads its storage-fault flags: `storage.local` keys `e2eFailDbOpen` and
 * `e2eFailWrites`, set by a test. Imported only behind `import.meta.env.MODE === 'e2e'`.
 */
import { storage } from '#imports';
import { injectStorageFaults, type StorageFaultSource } from './faults';
import type { ParleyDb } from './schema';

const failOpen = storage.defineItem<boolean>('local:e2eFailDbOpen', { fallback: false });
const failWrites = storage.defineItem<boolean>('local:e2eFailWrites', { fallback: false });

export const e2eFaultSource: StorageFaultSource = {
  read: async () => ({
    failOpen: Boolean(await failOpen.getValue()),
    failWrites: Boolean(await failWrites.getValue()),
  }),
  watch: (onChange) => {
    failOpen.watch(onChange);
    failWrites.watch(onChange);
  },
};

export function injectE2EStorageFaults(db: ParleyDb): void {
  injectStorageFaults(db, e2eFaultSource);
}
