import { describe, expect, it } from 'vitest';
import {
  applyKeyChanges,
  bindSecret,
  keyForRequest,
  keysFor,
  migrateLegacyKeys,
  moderationKeyFor,
  normalizeKeyRing,
  originLabel,
  originsWith,
  sameOrigin,
  secretFor,
  type KeyRing,
} from '@/lib/credentials';
import { chatKeyStatus, moderationKeyStatus } from '@/lib/key-status';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

const A = 'https://api.openai.com';
const B = 'http://127.0.0.1:4002';
const M = 'https://moderation.example';
const settingsFor = (baseUrl: string, moderationUrl = ''): Settings => ({
  ...DEFAULT_SETTINGS,
  baseUrl,
  moderation: { ...DEFAULT_SETTINGS.moderation, baseUrl: moderationUrl },
});
const ringA: KeyRing = [{ origin: A, slot: 'apiKey', value: 'sk-a' }];

describe('which key goes to which origin', () => {
  it('a key reaches only the origin it was saved for, whatever the path', () => {
    expect(keysFor(ringA, settingsFor(`${A}/v1`)).apiKey).toBe('sk-a');
    expect(keysFor(ringA, settingsFor(`${A}/other/v2`)).apiKey).toBe('sk-a');
    expect(keysFor(ringA, settingsFor(`${B}/v1`)).apiKey).toBe('');
    // Same host, other scheme or port: another origin.
    expect(keysFor(ringA, settingsFor('http://api.openai.com/v1')).apiKey).toBe('');
    expect(keysFor(ringA, settingsFor('https://api.openai.com:8443/v1')).apiKey).toBe('');
    expect(keysFor(ringA, settingsFor('https://api.openai.com.evil.example/v1')).apiKey).toBe('');
  });

  it('Load models sends a typed key, else the bound one, else another only when confirmed', () => {
    expect(keyForRequest(ringA, `${B}/v1`, {})).toBe('');
    expect(keyForRequest(ringA, `${B}/v1`, { apiKey: '  sk-typed ' })).toBe('sk-typed');
    expect(keyForRequest(ringA, `${A}/v1`, {})).toBe('sk-a');
    expect(keyForRequest(ringA, `${B}/v1`, { reuseKeyFrom: A })).toBe('sk-a');
    // A confirmation naming an origin without a key gives nothing.
    expect(keyForRequest(ringA, `${B}/v1`, { reuseKeyFrom: M })).toBe('');
  });

  it('moderation gets its own origin key, the chat key only on the same origin', () => {
    // Moderation elsewhere, nothing saved there: no key at all.
    expect(keysFor(ringA, settingsFor(`${A}/v1`, `${M}/v1`)).moderationApiKey).toBe('');
    // Moderation on the chat origin: the chat key.
    expect(keysFor(ringA, settingsFor(`${A}/v1`)).moderationApiKey).toBe('sk-a');
    expect(keysFor(ringA, settingsFor(`${A}/v1`, `${A}/v1`)).moderationApiKey).toBe('sk-a');
    // Its own key wins, and stays with its origin.
    const ring = bindSecret(ringA, M, 'moderationApiKey', 'sk-m');
    expect(keysFor(ring, settingsFor(`${A}/v1`, `${M}/v1`))).toEqual({
      apiKey: 'sk-a',
      moderationApiKey: 'sk-m',
    });
    expect(keysFor(ring, settingsFor(`${M}/v1`)).apiKey).toBe('');
    // Chatting with B while moderating at A: A's key is A's, so A may get it.
    expect(moderationKeyFor(ringA, `${A}/v1`)).toBe('sk-a');
    expect(moderationKeyFor(ringA, 'not a url')).toBe('');
  });

  it('sameOrigin compares origins, not strings', () => {
    expect(sameOrigin(`${A}/v1`, `${A}/v2/`)).toBe(true);
    expect(sameOrigin(`${A}/v1`, `${B}/v1`)).toBe(false);
    expect(sameOrigin('', '')).toBe(false);
  });
});

describe('saving keys', () => {
  it('binds a typed key to the origin being saved, and "" removes only that one', () => {
    let ring = applyKeyChanges(ringA, settingsFor(`${B}/v1`), { apiKey: 'sk-b' });
    expect(secretFor(ring, A, 'apiKey')).toBe('sk-a');
    expect(secretFor(ring, B, 'apiKey')).toBe('sk-b');
    ring = applyKeyChanges(ring, settingsFor(`${B}/v1`), { apiKey: '' });
    expect(ring).toEqual(ringA);
  });

  it('saving a new origin without a key binds nothing there', () => {
    expect(applyKeyChanges(ringA, settingsFor(`${B}/v1`), {})).toEqual(ringA);
  });

  it('the "Use my key for <host>" confirmation binds the key to the new origin too', () => {
    const ring = applyKeyChanges(ringA, settingsFor(`${B}/v1`), { reuseKeyFrom: A });
    expect(secretFor(ring, B, 'apiKey')).toBe('sk-a');
    expect(secretFor(ring, A, 'apiKey')).toBe('sk-a');
    // A key already there is not replaced by a confirmation; a typed one wins over both.
    const withB = bindSecret(ring, B, 'apiKey', 'sk-b');
    expect(
      secretFor(applyKeyChanges(withB, settingsFor(B), { reuseKeyFrom: A }), B, 'apiKey'),
    ).toBe('sk-b');
    const typed = applyKeyChanges(ringA, settingsFor(B), { reuseKeyFrom: A, apiKey: 'sk-t' });
    expect(secretFor(typed, B, 'apiKey')).toBe('sk-t');
  });

  it('a moderation key binds to the moderation origin, or the chat origin when none is set', () => {
    const elsewhere = applyKeyChanges(ringA, settingsFor(`${A}/v1`, `${M}/v1`), {
      moderationApiKey: 'sk-m',
    });
    expect(secretFor(elsewhere, M, 'moderationApiKey')).toBe('sk-m');
    const same = applyKeyChanges(ringA, settingsFor(`${A}/v1`), { moderationApiKey: 'sk-m2' });
    expect(secretFor(same, A, 'moderationApiKey')).toBe('sk-m2');
    expect(secretFor(same, A, 'apiKey')).toBe('sk-a');
  });

  it('rebinding moves a key to the end, so the most recent one is offered', () => {
    let ring = bindSecret(ringA, B, 'apiKey', 'sk-b');
    ring = bindSecret(ring, A, 'apiKey', 'sk-a2');
    expect(originsWith(ring, 'apiKey')).toEqual([B, A]);
    expect(bindSecret(ring, null, 'apiKey', 'x')).toBe(ring);
  });
});

describe('migration of the single key of older versions', () => {
  it('binds the chat key to the base URL origin and the moderation key to its own', () => {
    const ring = migrateLegacyKeys(
      [],
      { apiKey: 'sk-old', moderationApiKey: 'sk-old-m' },
      settingsFor(`${B}/v1`, `${M}/v1`),
    );
    expect(ring).toEqual([
      { origin: B, slot: 'apiKey', value: 'sk-old' },
      { origin: M, slot: 'moderationApiKey', value: 'sk-old-m' },
    ]);
  });

  it('a moderation key without a moderation URL binds to the chat origin', () => {
    const ring = migrateLegacyKeys([], { apiKey: '', moderationApiKey: 'sk-m' }, settingsFor(A));
    expect(ring).toEqual([{ origin: A, slot: 'moderationApiKey', value: 'sk-m' }]);
  });

  it('keeps newer bindings, ignores empty or malformed legacy values, and is idempotent', () => {
    const newer: KeyRing = [{ origin: B, slot: 'apiKey', value: 'sk-new' }];
    expect(migrateLegacyKeys(newer, { apiKey: 'sk-old' }, settingsFor(B))).toEqual(newer);
    expect(migrateLegacyKeys([], { apiKey: '', moderationApiKey: 42 }, settingsFor(B))).toEqual([]);
    const once = migrateLegacyKeys([], { apiKey: 'sk-old' }, settingsFor(B));
    expect(migrateLegacyKeys(once, { apiKey: 'sk-old' }, settingsFor(B))).toEqual(once);
    // Legacy keys are older than any binding already made.
    const mixed = migrateLegacyKeys(newer, { apiKey: 'sk-old' }, settingsFor(A));
    expect(originsWith(mixed, 'apiKey')).toEqual([A, B]);
  });
});

describe('stored key ring', () => {
  it('drops malformed entries and keeps one per origin and slot', () => {
    const ring = normalizeKeyRing([
      { origin: A, slot: 'apiKey', value: 'sk-1' },
      { origin: A, slot: 'apiKey', value: 'sk-2' },
      { origin: `${A}/v1`, slot: 'apiKey', value: 'path is not an origin' },
      { origin: 'javascript:alert(1)', slot: 'apiKey', value: 'x' },
      { origin: B, slot: 'moderation', value: 'unknown slot' },
      // Header slots are known since issue 14, but their name must be a token.
      { origin: B, slot: 'header:X Y', value: 'not a header name' },
      { origin: B, slot: 'apiKey', value: '  ' },
      { origin: B, slot: 'apiKey', value: 7 },
      null,
      'junk',
    ]);
    expect(ring).toEqual([{ origin: A, slot: 'apiKey', value: 'sk-2' }]);
    expect(normalizeKeyRing({ apiKey: 'x' })).toEqual([]);
    expect(normalizeKeyRing(undefined)).toEqual([]);
  });
});

describe('what the settings form says', () => {
  it('names the host a key is saved for, and offers the key for a new one', () => {
    expect(originLabel(A)).toBe('api.openai.com');
    expect(originLabel(B)).toBe('http://127.0.0.1:4002');
    expect(chatKeyStatus([A], `${A}/v1`)).toEqual({ kind: 'saved', host: 'api.openai.com' });
    expect(chatKeyStatus([A], `${B}/v1`)).toEqual({
      kind: 'offer',
      host: 'http://127.0.0.1:4002',
      fromOrigin: A,
      fromHost: 'api.openai.com',
    });
    expect(chatKeyStatus([], `${B}/v1`)).toEqual({ kind: 'none', host: 'http://127.0.0.1:4002' });
    expect(chatKeyStatus([A], 'half-typed')).toEqual({ kind: 'none', host: null });
  });

  it('tells which key moderation checks would use', () => {
    const origins = { keyOrigins: [A], moderationKeyOrigins: [M] };
    expect(moderationKeyStatus(origins, `${A}/v1`, '')).toEqual({
      kind: 'chat',
      host: 'api.openai.com',
    });
    expect(moderationKeyStatus(origins, `${A}/v1`, `${M}/v1`)).toEqual({
      kind: 'own',
      host: 'moderation.example',
    });
    expect(moderationKeyStatus(origins, `${A}/v1`, `${B}/v1`)).toEqual({
      kind: 'none',
      host: 'http://127.0.0.1:4002',
    });
  });
});
