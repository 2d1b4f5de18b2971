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
