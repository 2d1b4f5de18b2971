/**
 * Storage adapter for settings and the API key (`@wxt-dev/storage`). The key sits in
 * `storage.local` only: never synced, and restricted to trusted contexts where the browser allows.
 * Only the background worker imports the key item.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export const apiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });

/** An optional separate key for the moderation endpoint. */
export const moderationApiKeyItem = storage.defineItem<string>('local:moderationApiKey', {
  fallback: '',
});

/** The moderation base URL that answered 404: no moderation there (said once in settings). */
export const moderationUnsupportedItem = storage.defineItem<string>(
  'local:moderationUnsupportedFor',
  {
    fallback: '',
  },
);

export async function readSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
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
