import Dexie from 'dexie';
import { notice } from '../model/notices';

/**
 * Storage failures in words the user can act on. Dexie wraps the browser's error (a failed
 * modify becomes a ModifyError with `failures`, an aborted transaction keeps it as `inner`), so
 * the cause is looked for through the wrapping.
 */

/**
 * Whether a storage failure means the disk quota is full, looking through Dexie's wrapping errors.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null) return /quota/i.test(String(error));
  const e = error as {
    name?: unknown;
    message?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (e.name === 'QuotaExceededError') return true;
  if (typeof e.message === 'string' && /quota/i.test(e.message)) return true;
  if (depth >= 4) return false;
  const nested = [
    e.inner,
    e.cause,
    ...(Array.isArray(e.failures) ? (e.failures as unknown[]) : []),
  ];
  return nested.some((inner) => inner != null && isQuotaError(inner, depth + 1));
}

/**
 * The banner shown when a reply could not be saved: what happened, and what to do. A real full
 * disk rarely says so (with unlimitedStorage Chromium aborts the transaction, then fails to open
 * the backing store), so the general text asks about the disk too.
 */
export function storageWarningText(error: unknown): string {
  return isQuotaError(error) ? notice('storageFullReply') : notice('storageFailedReply');
}

/** The notice for a request the background could not start: storage failures in plain words. */
export function requestFailureText(error: unknown): string {
  // Dexie wraps IndexedDB's errors; a bare one is a full disk or the backing store failing.
  const storage =
    error instanceof Dexie.DexieError ||
    (error instanceof Error && (isQuotaError(error) || error.name === 'UnknownError'));
  if (storage) {
    return isQuotaError(error) ? notice('storageFullChat') : notice('storageUnreadableChat');
  }
  return error instanceof Error && error.message ? error.message : notice('requestFailed');
}
