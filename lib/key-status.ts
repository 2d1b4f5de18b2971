/**
 * What the settings form says about keys for the URLs being typed, from the origins that hold a
 * key (the panel gets origins, never a key). Pure, so the form's wording is tested without React.
 */
import { originLabel, originOf } from './credentials';

/** The API key field's state for the typed base URL. */
export type ChatKeyStatus =
  /** A key is saved for this origin: "Key saved for <host>". */
  | { kind: 'saved'; host: string }
  /** No key here, but one elsewhere: offer "Use my key for <host>" (the most recent one). */
  | { kind: 'offer'; host: string; fromOrigin: string; fromHost: string }
  /** No key anywhere, or no valid URL yet (host null). */
  | { kind: 'none'; host: string | null };

/** Origins with a saved key, as `PublicSettings` carries them (most recently saved last). */
export interface KeyOrigins {
  keyOrigins: readonly string[];
  moderationKeyOrigins: readonly string[];
}

/** The API key field's state for `baseUrl`. */
export function chatKeyStatus(keyOrigins: readonly string[], baseUrl: string): ChatKeyStatus {
  const origin = originOf(baseUrl);
  if (origin === null) return { kind: 'none', host: null };
  const host = originLabel(origin);
  if (keyOrigins.includes(origin)) return { kind: 'saved', host };
  const from = keyOrigins.at(-1);
  return from
    ? { kind: 'offer', host, fromOrigin: from, fromHost: originLabel(from) }
    : { kind: 'none', host };
}

/** Which key the moderation endpoint would get, mirroring `moderationKeyFor` in lib/credentials. */
export type ModerationKeyStatus =
  | { kind: 'own'; host: string }
  | { kind: 'chat'; host: string }
  | { kind: 'none'; host: string | null };

/** The moderation key field's state for the typed moderation URL ('' means the chat's). */
export function moderationKeyStatus(
  origins: KeyOrigins,
  chatBaseUrl: string,
  moderationUrl: string,
): ModerationKeyStatus {
  const origin = originOf(moderationUrl.trim() || chatBaseUrl);
  if (origin === null) return { kind: 'none', host: null };
  const host = originLabel(origin);
  if (origins.moderationKeyOrigins.includes(origin)) return { kind: 'own', host };
  if (origins.keyOrigins.includes(origin)) return { kind: 'chat', host };
  return { kind: 'none', host };
}
