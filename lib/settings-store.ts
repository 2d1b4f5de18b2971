/**
 * Storage adapter for settings and keys (`@wxt-dev/storage`). Keys sit in `storage.local` only:
 * never synced, and restricted to trusted contexts where the browser allows. Each key is bound to
 * the origin it was saved for (lib/credentials). Only the background worker imports this module.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import { migrateLegacyKeys, normalizeKeyRing, type BoundSecret, type KeyRing } from './credentials';

/** The settings in storage.local, versioned so future shapes migrate. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Every saved key with the origin it belongs to. */
const keyRingItem = storage.defineItem<BoundSecret[]>('local:secrets', { fallback: [] });
// Older versions kept one key each, sent to whatever endpoint was configured: read once, bound,
// then removed.
const legacyApiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });
const legacyModerationKeyItem = storage.defineItem<string>('local:moderationApiKey', {
  fallback: '',
});

/** The storage keys whose change means the worker must read its keys again. */
export const KEY_STORAGE_KEYS: readonly string[] = ['secrets', 'apiKey', 'moderationApiKey'];

/** The moderation base URL that answered 404: no moderation there (said once in settings). */
export const moderationUnsupportedItem = storage.defineItem<string>(
  'local:moderationUnsupportedFor',
  {
    fallback: '',
  },
);

/** The stored settings, normalised so a damaged or older value still yields valid settings. */
export async function readSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

// The rpc handlers and the migration all read-modify-write the ring: one at a time, or a save
// landing between another's read and write would be lost.
let ringQueue: Promise<unknown> = Promise.resolve();
function queued<T>(task: () => Promise<T>): Promise<T> {
  const run = ringQueue.then(task, task);
  ringQueue = run.catch(() => undefined);
  return run;
}

async function migratedRing(): Promise<KeyRing> {
  const [stored, apiKey, moderationApiKey] = await Promise.all([
    keyRingItem.getValue(),
    legacyApiKeyItem.getValue(),
    legacyModerationKeyItem.getValue(),
  ]);
  const ring = normalizeKeyRing(stored);
  if (!apiKey && !moderationApiKey) return ring;
  const migrated = migrateLegacyKeys(ring, { apiKey, moderationApiKey }, await readSettings());
  await keyRingItem.setValue([...migrated]);
  await Promise.all([legacyApiKeyItem.removeValue(), legacyModerationKeyItem.removeValue()]);
  return migrated;
}

/** The saved keys, each bound to its origin; keys of older versions are bound on first read. */
export function readKeyRing(): Promise<KeyRing> {
  return queued(migratedRing);
}

/** Replaces the ring with `change(ring)`, after any update or migration already under way. */
export function updateKeyRing(change: (ring: KeyRing) => KeyRing): Promise<KeyRing> {
  return queued(async () => {
    const next = change(await migratedRing());
    await keyRingItem.setValue([...next]);
    return next;
  });
}

/** Keeps page-injected scripts (content-script context) from reading storage.local, where supported. */
export async function restrictStorageToExtensionPages(
  area: { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } | undefined,
): Promise<void> {
  try {
    await area?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Firefox has no access levels; there, no content script of ours ever runs with storage.
  }
}
