/**
 * Custom headers per endpoint (issue 14): names are tokens and never a header the browser or
 * Parley owns, values have no line breaks, and each value goes to its own origin only.
 */
import { describe, expect, it } from 'vitest';
import {
  bindHeader,
  checkHeaderName,
  headerNamesFor,
  headersFor,
  headerValueProblem,
  MAX_HEADERS_PER_ORIGIN,
} from '@/lib/custom-headers';
import { keysFor, normalizeKeyRing, originsWith, type KeyRing } from '@/lib/credentials';

const A = 'https://openrouter.ai';
const B = 'http://127.0.0.1:11434';

function bound(ring: KeyRing, origin: string | null, name: string, value: string): KeyRing {
  const change = bindHeader(ring, origin, name, value);
  if (!change.ok) throw new Error(change.message);
  return change.ring;
}

describe('checkHeaderName', () => {
  it.each(['X-Title', 'HTTP-Referer', 'api-key', 'x_gateway.token', "x!#$%&'*+^`|~"])(
    'accepts %s',
    (name) => {
      expect(checkHeaderName(name)).toEqual({ ok: true, name });
    },
  );

  it.each(['', ' ', 'X Title', 'X-Title:', 'X-Title\r\nEvil: 1', 'Ünicode', 'a/b', '(x)'])(
    'refuses %j as not a token',
    (name) => {
      expect(checkHeaderName(name).ok).toBe(false);
    },
  );

  it.each([
    'Host',
    'content-length',
    'Origin',
    'Cookie',
    'Connection',
    'Transfer-Encoding',
    'Keep-Alive',
    'TE',
    'Upgrade',
    'Referer',
    'Content-Type',
    'Accept',
    'Sec-Fetch-Mode',
    'Proxy-Authorization',
    'Proxy-Anything',
  ])('refuses %s (forbidden, hop-by-hop or Parley’s own)', (name) => {
    expect(checkHeaderName(name).ok).toBe(false);
  });

  it('refuses Authorization and points to the API key field', () => {
    const check = checkHeaderName('authorization');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/API key field/);
  });
});

describe('headerValueProblem', () => {
  it('takes plain values', () => {
    expect(headerValueProblem('Bearer abc.def')).toBeNull();
    expect(headerValueProblem('https://example.com/app')).toBeNull();
  });
  it.each(['a\r\nX-Evil: 1', 'a\nb', 'a\rb', 'a\0b', 'x'.repeat(5000), 'emoji 🙂'])(
    'refuses %j',
    (value) => {
      expect(headerValueProblem(value)).not.toBeNull();
    },
  );
});

describe('headers in the key ring', () => {
  it('binds a value to one origin: sent there, nowhere else', () => {
    const ring = bound([], A, 'X-Title', 'Parley');
    expect(headersFor(ring, A)).toEqual({ 'X-Title': 'Parley' });
    expect(headersFor(ring, B)).toEqual({});
    expect(headersFor(ring, null)).toEqual({});
  });

  it('the panel learns names, not values', () => {
    const ring = bound(bound([], A, 'X-Title', 'Parley'), A, 'HTTP-Referer', 'https://p.example');
    expect(headerNamesFor(ring, A)).toEqual(['X-Title', 'HTTP-Referer']);
    expect(JSON.stringify(headerNamesFor(ring, A))).not.toMatch(/Parley|p\.example/);
    expect(headerNamesFor(ring, B)).toEqual([]);
  });

  it('replaces a header of the same name in any case, and an empty value removes it', () => {
    let ring = bound([], A, 'x-title', 'one');
    ring = bound(ring, A, 'X-Title', 'two');
    expect(headersFor(ring, A)).toEqual({ 'X-Title': 'two' });
    ring = bound(ring, A, 'X-TITLE', '');
    expect(headersFor(ring, A)).toEqual({});
  });

  it('refuses a bad name or value without touching the ring', () => {
    const ring = bound([], A, 'X-Title', 'Parley');
    expect(bindHeader(ring, A, 'Host', 'x').ok).toBe(false);
    expect(bindHeader(ring, A, 'X-A', 'a\r\nb').ok).toBe(false);
    expect(bindHeader(ring, null, 'X-A', 'a').ok).toBe(false);
  });

  it(`holds at most ${MAX_HEADERS_PER_ORIGIN} per origin`, () => {
    let ring: KeyRing = [];
    for (let i = 0; i < MAX_HEADERS_PER_ORIGIN; i++) ring = bound(ring, A, `X-${i}`, 'v');
    expect(bindHeader(ring, A, 'X-more', 'v').ok).toBe(false);
    expect(bindHeader(ring, A, 'X-0', 'replaced').ok).toBe(true);
    expect(bindHeader(ring, B, 'X-more', 'v').ok).toBe(true);
  });

  it('survives normalising storage; a corrupt slot is dropped', () => {
    const ring = bound([{ origin: A, slot: 'apiKey', value: 'sk-a' }], A, 'api-key', 'azure');
    expect(normalizeKeyRing(JSON.parse(JSON.stringify(ring)))).toEqual(ring);
    expect(normalizeKeyRing([{ origin: A, slot: 'header:bad name', value: 'v' }])).toEqual([]);
    expect(normalizeKeyRing([{ origin: A, slot: 'header:', value: 'v' }])).toEqual([]);
  });

  it('is not a key: key lookups and key origins ignore header slots', () => {
    const ring = bound([], A, 'api-key', 'azure');
    expect(keysFor(ring, { baseUrl: `${A}/api/v1`, moderation: { baseUrl: '' } } as never)).toEqual(
      { apiKey: '', moderationApiKey: '' },
    );
    expect(originsWith(ring, 'apiKey')).toEqual([]);
  });
});
