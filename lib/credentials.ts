/**
 * Secrets bound to the origin they were saved for (issue 12): a key typed for one server is never
 * sent to another unless the user says so for that server by name. Pure; the storage adapter is
 * lib/settings-store.ts, and only the background worker ever holds the values.
 *
 * Stored as a list of `{ origin, slot, value }`, one per (origin, slot), the most recently saved
 * last. A slot names which secret of that origin it is: the chat key, or a separate key for the
 * moderation endpoint there. A future per-endpoint secret header binds the same way as one more
 * slot (say `header:X-Api-Key`): resolution by origin does not change.
 */
import { checkBaseUrl, type Settings } from './settings';

/**
 * Which secret it is: the chat endpoint's key, the moderation endpoint's (they may differ), or
 * the value of a custom header for that origin (lib/custom-headers, issue 14).
 */
export type SecretSlot = 'apiKey' | 'moderationApiKey' | `header:${string}`;

/** A key bound to the origin it was typed for, so a changed base URL never sends it elsewhere. */
export interface BoundSecret {
  /** `scheme://host:port`, as `URL.origin` writes it. */
  origin: string;
  slot: SecretSlot;
  value: string;
}

/** Every stored key with its origin; read-only so updates go through updateKeyRing. */
export type KeyRing = readonly BoundSecret[];

const SLOTS: readonly SecretSlot[] = ['apiKey', 'moderationApiKey'];

// A header slot's name is an RFC 7230 token; lib/custom-headers checks the rest before sending.
function isSlot(slot: unknown): slot is SecretSlot {
  if (typeof slot !== 'string') return false;
  return SLOTS.includes(slot as SecretSlot) || /^header:[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(slot);
}

/** The origin a base URL's requests go to, or null for a URL Parley would not call. */
export function originOf(baseUrl: string): string | null {
  const checked = checkBaseUrl(baseUrl);
  return checked.ok ? checked.origin : null;
}

/** Whether two base URLs send their requests to the same origin. */
export function sameOrigin(a: string, b: string): boolean {
  const origin = originOf(a);
  return origin !== null && origin === originOf(b);
}

/**
 * How the UI names an origin: the host for https ("api.openai.com"), the whole origin for plain
 * http, so a key saved for https://host is not mistaken for one that http://host would get.
 */
export function originLabel(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' ? url.host : url.origin;
  } catch {
    return origin;
  }
}

function isOrigin(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Keeps only well-formed entries (hand-edited or corrupt storage), one per (origin, slot). */
export function normalizeKeyRing(stored: unknown): KeyRing {
  if (!Array.isArray(stored)) return [];
  let ring: KeyRing = [];
  for (const entry of stored as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { origin, slot, value } = entry as Record<string, unknown>;
    if (!isOrigin(origin) || !isSlot(slot)) continue;
    if (typeof value !== 'string' || !value.trim()) continue;
    ring = bindSecret(ring, origin, slot as SecretSlot, value);
  }
  return ring;
}

/**
 * Binds `value` to `origin` in `slot`, replacing what was there and making it the most recent;
 * an empty value removes the binding. A null origin (no valid URL) changes nothing.
 */
export function bindSecret(
  ring: KeyRing,
  origin: string | null,
  slot: SecretSlot,
  value: string,
): KeyRing {
  if (origin === null) return ring;
  const rest = ring.filter((s) => !(s.origin === origin && s.slot === slot));
  const trimmed = value.trim();
  return trimmed ? [...rest, { origin, slot, value: trimmed }] : rest;
}

/** The secret bound to exactly this origin and slot, or '' (never another origin's). */
export function secretFor(ring: KeyRing, origin: string | null, slot: SecretSlot): string {
  if (origin === null) return '';
  return ring.find((s) => s.origin === origin && s.slot === slot)?.value ?? '';
}

/** Origins holding a secret in this slot, the most recently saved last. Not secret: hosts only. */
export function originsWith(ring: KeyRing, slot: SecretSlot): string[] {
  return ring.filter((s) => s.slot === slot).map((s) => s.origin);
}

/** Where moderation requests go: their own base URL, or the chat's when none is set. */
export function moderationBaseUrl(settings: Pick<Settings, 'baseUrl' | 'moderation'>): string {
  return settings.moderation.baseUrl || settings.baseUrl;
}

/**
 * The moderation endpoint's key: its own key for that origin, else a chat key saved for that
 * same origin. Never the chat endpoint's key when moderation goes elsewhere.
 */
export function moderationKeyFor(ring: KeyRing, moderationUrl: string): string {
  const origin = originOf(moderationUrl);
  return secretFor(ring, origin, 'moderationApiKey') || secretFor(ring, origin, 'apiKey');
}

/** The keys for the current settings, each resolved by the origin its requests go to. */
export function keysFor(
  ring: KeyRing,
  settings: Pick<Settings, 'baseUrl' | 'moderation'>,
): { apiKey: string; moderationApiKey: string } {
  return {
    apiKey: secretFor(ring, originOf(settings.baseUrl), 'apiKey'),
    moderationApiKey: moderationKeyFor(ring, moderationBaseUrl(settings)),
  };
}

/** What the settings form asks to do with keys; each field's absence keeps what is stored. */
export interface KeyChanges {
  /** Typed for the chat base URL; '' removes the key bound to it. */
  apiKey?: string;
  /** Typed for the moderation base URL (or the chat's); '' removes it. */
  moderationApiKey?: string;
  /** The user confirmed "Use my key for <host>": the key saved for this origin goes there too. */
  reuseKeyFrom?: string;
}

/**
 * The key a one-off request to `baseUrl` carries (Load models): one typed for it, else the one
 * bound to its origin, else another origin's only with the user's confirmation; else none.
 */
export function keyForRequest(ring: KeyRing, baseUrl: string, changes: KeyChanges): string {
  const typed = changes.apiKey?.trim();
  if (typed) return typed;
  const bound = secretFor(ring, originOf(baseUrl), 'apiKey');
  if (bound || !changes.reuseKeyFrom) return bound;
  return secretFor(ring, changes.reuseKeyFrom, 'apiKey');
}

/** The key ring after a save: keys typed bind to the origins of the settings just saved. */
export function applyKeyChanges(
  ring: KeyRing,
  settings: Pick<Settings, 'baseUrl' | 'moderation'>,
  changes: KeyChanges,
): KeyRing {
  const chatOrigin = originOf(settings.baseUrl);
  let next = ring;
  if (changes.apiKey !== undefined) {
    next = bindSecret(next, chatOrigin, 'apiKey', changes.apiKey);
  } else if (changes.reuseKeyFrom && !secretFor(next, chatOrigin, 'apiKey')) {
    next = bindSecret(next, chatOrigin, 'apiKey', secretFor(next, changes.reuseKeyFrom, 'apiKey'));
  }
  if (changes.moderationApiKey !== undefined) {
    const origin = originOf(moderationBaseUrl(settings));
    next = bindSecret(next, origin, 'moderationApiKey', changes.moderationApiKey);
  }
  return next;
}

/** Keys an older Parley stored alone, not bound to any origin. */
export interface LegacyKeys {
  apiKey?: unknown;
  moderationApiKey?: unknown;
}

/**
 * Binds the single keys of older versions to the origins they were being sent to: the chat key
 * to the settings' base URL, the moderation key to the moderation base URL (or the chat's). A
 * binding already in the ring is newer and wins. Legacy keys are older, so they go first.
 */
export function migrateLegacyKeys(
  ring: KeyRing,
  legacy: LegacyKeys,
  settings: Pick<Settings, 'baseUrl' | 'moderation'>,
): KeyRing {
  const bindings: [string | null, SecretSlot, unknown][] = [
    [originOf(settings.baseUrl), 'apiKey', legacy.apiKey],
    [originOf(moderationBaseUrl(settings)), 'moderationApiKey', legacy.moderationApiKey],
  ];
  let old: KeyRing = [];
  for (const [origin, slot, value] of bindings) {
    if (typeof value !== 'string' || secretFor(ring, origin, slot)) continue;
    old = bindSecret(old, origin, slot, value);
  }
  return [...old, ...ring];
}
