/**
 * Custom endpoints need their host permission, asked for at runtime from the user's click
 * (DESIGN §4). Call it first thing in the click handler: an earlier `await` can lose the gesture.
 */
import { browser } from 'wxt/browser';
import { checkBaseUrl, originPattern } from '@/lib/settings';

export async function ensureHostPermission(baseUrl: string): Promise<boolean> {
  const checked = checkBaseUrl(baseUrl);
  if (!checked.ok) return false;
  try {
    return await browser.permissions.request({ origins: [originPattern(checked.origin)] });
  } catch {
    return false;
  }
}

/** The loopback hosts "Find local servers" probes (every port: match patterns carry none). */
export const LOOPBACK_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** Asks for the loopback hosts; like ensureHostPermission, first thing in the click handler. */
export async function ensureLoopbackPermission(): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: LOOPBACK_ORIGINS });
  } catch {
    return false;
  }
}
