/**
 * Custom headers per endpoint (issue 14): OpenRouter's `HTTP-Referer`/`X-Title`, Azure's `api-key`,
 * a gateway's token. Their values are secrets like the key: kept in the key ring bound to the
 * origin they were saved for (lib/credentials, slot `header:<name>`), sent only to that origin,
 * never returned to the panel (it learns the names), never exported or logged. Pure.
 */
import { bindSecret, type KeyRing } from './credentials';
import { notice } from './model/notices';

/** The most custom headers one origin may hold. */
export const MAX_HEADERS_PER_ORIGIN = 8;

/** The longest header value accepted (a gateway token fits easily). */
export const MAX_HEADER_VALUE = 4096;

// RFC 7230 §3.2.6: a header name is a token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Names no custom header may take: the fetch spec's forbidden headers and hop-by-hop ones
 * (the browser would drop them or they would break the request), the ones Parley itself sets
 * (Content-Type, Accept), and Authorization: the API key field owns it, and a second place to
 * keep a bearer token would let the two disagree silently about which one is sent.
 */
const RESERVED =
  /^(accept(-charset|-encoding)?|access-control-request-.*|authorization|connection|content-(length|type)|cookie2?|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|(proxy|sec)-.*)$/i;

/** A checked header name, or the sentence that says what is wrong with it. */
export type HeaderNameCheck = { ok: true; name: string } | { ok: false; message: string };

/** Whether `input` may be a custom header's name (trimmed; case is kept as typed). */
export function checkHeaderName(input: string): HeaderNameCheck {
  const name = input.trim();
  if (!name) return { ok: false, message: notice('headerNameEmpty') };
  if (!TOKEN.test(name)) {
    return { ok: false, message: notice('headerNameChars') };
  }
  if (RESERVED.test(name)) {
    return {
      ok: false,
      message: /^authorization$/i.test(name)
        ? notice('headerAuthorization')
        : notice('headerReserved', name),
    };
  }
  return { ok: true, name };
}

/** Why a header value cannot be sent, or null when it can (no line breaks, not too long). */
export function headerValueProblem(value: string): string | null {
  if (/[\r\n\0]/.test(value)) return notice('headerValueLineBreaks');
  if (value.length > MAX_HEADER_VALUE) return notice('headerValueTooLong');
  if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(value)) return notice('headerValuePlain');
  return null;
}

const PREFIX = 'header:';

/** The key ring slot of a header's value. */
export function headerSlot(name: string): `header:${string}` {
  return `${PREFIX}${name}`;
}

/** The header name a ring slot holds, or null for a key slot. */
export function headerNameOfSlot(slot: string): string | null {
  return slot.startsWith(PREFIX) ? slot.slice(PREFIX.length) : null;
}

/** The names of the headers saved for `origin`, in the order they were saved. Not secret. */
export function headerNamesFor(ring: KeyRing, origin: string | null): string[] {
  if (origin === null) return [];
  return ring
    .filter((s) => s.origin === origin)
    .map((s) => headerNameOfSlot(s.slot))
    .filter((n): n is string => n !== null);
}

/** The headers every request to `origin` carries; none for any other origin. */
export function headersFor(ring: KeyRing, origin: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (origin === null) return headers;
  for (const s of ring) {
    const name = s.origin === origin ? headerNameOfSlot(s.slot) : null;
    if (name && checkHeaderName(name).ok && headerValueProblem(s.value) === null) {
      headers[name] = s.value;
    }
  }
  return headers;
}

/** The ring after saving (or, with an empty value, removing) one header for `origin`. */
export type HeaderChange = { ok: true; ring: KeyRing } | { ok: false; message: string };

/**
 * Saves `value` as header `name` for `origin`, replacing one of the same name in any case; an
 * empty value removes it.
 */
export function bindHeader(
  ring: KeyRing,
  origin: string | null,
  name: string,
  value: string,
): HeaderChange {
  if (origin === null) return { ok: false, message: notice('headerNeedsBaseUrl') };
  const checked = checkHeaderName(name);
  if (!checked.ok) return checked;
  const problem = headerValueProblem(value);
  if (problem) return { ok: false, message: problem };
  const lower = checked.name.toLowerCase();
  const rest = ring.filter(
    (s) => !(s.origin === origin && headerNameOfSlot(s.slot)?.toLowerCase() === lower),
  );
  if (value.trim() && headerNamesFor(rest, origin).length >= MAX_HEADERS_PER_ORIGIN) {
    return { ok: false, message: notice('headerTooMany', MAX_HEADERS_PER_ORIGIN) };
  }
  return { ok: true, ring: bindSecret(rest, origin, headerSlot(checked.name), value) };
}
