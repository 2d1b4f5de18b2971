/**
 * The one fact about an endpoint the panel's first screen needs (does it need a key?), apart
 * from lib/settings so that the panel's first load does not carry the settings' presets, checks
 * and defaults (bench M9: every byte of the initial JS is paid on each panel open).
 */

/** OpenAI's own API: the default endpoint, and the one that cannot work without a key. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** Whether this endpoint cannot work without a key (OpenAI's own API). */
export function requiresKey(baseUrl: string): boolean {
  return baseUrl.startsWith('https://api.openai.com');
}
