/**
 * Storage faults for the E2E build only (DESIGN §7): a test flips a flag in `storage.local` and
 * the database then refuses to open, or every write fails as a full disk does. Wired (through
 * ./fault-source) from the background and the panel behind `import.meta.env.MODE === 'e2e'`, so
 * production never has it (tests/tools/scaffolding-check.mjs).
 */
import type { DBCore, Middleware } from 'dexie';
import type { ParleyDb } from '@/lib/db/schema';

/** Which faults are on. */
export interface StorageFaultFlags {
  /** Opening the database fails (checked at each open). */
  failOpen?: boolean;
  /** Every write fails with a QuotaExceededError (checked at each write). */
  failWrites?: boolean;
}

/** Where the flags come from: `storage.local` in the E2E build, a variable in unit tests. */
export interface StorageFaultSource {
  read(): Promise<StorageFaultFlags>;
  /** Calls back whenever a flag may have changed. */
  watch(onChange: () => void): void;
}

/** The error a full disk gives, as Chromium's IndexedDB raises it. */
export function quotaExceeded(): DOMException {
  return new DOMException(
    'The quota has been exceeded (injected for a test).',
    'QuotaExceededError',
  );
}

/** Makes `db` fail to open or to write while the source's flags say so (call before first use). */
export function injectStorageFaults(db: ParleyDb, source: StorageFaultSource): void {
  let flags: StorageFaultFlags = {};
  const refresh = () =>
    source.read().then(
      (next) => {
        flags = next;
      },
      () => undefined,
    );
  void refresh();
  source.watch(() => void refresh());

  // Sticky: checked again if the database is ever opened again (Dexie runs these after opening).
  db.on(
    'ready',
    async () => {
      const { failOpen } = await source.read();
      if (failOpen)
        throw new DOMException('The database could not be opened (injected).', 'UnknownError');
    },
    true,
  );

  const failingWrites: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'e2e-storage-faults',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            flags.failWrites ? Promise.reject(quotaExceeded()) : table.mutate(request),
        };
      },
    }),
  };
  db.use(failingWrites);
}
