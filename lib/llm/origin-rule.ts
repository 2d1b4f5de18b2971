/**
 * Ollama refuses requests whose `Origin` is not on its allow-list (OLLAMA_ORIGINS), and the
 * browser stamps `Origin: chrome-extension://<id>` on every request Parley makes (issue 14). A
 * `declarativeNetRequest` session rule removes that header, but only from Parley's own requests
 * (`initiatorDomains`: this extension's host) and only to the configured local host and port
 * (`urlFilter` anchored on the origin): a page's requests to the same server keep their Origin,
 * so no website gains access to the user's local server. Pure; the background applies the rule.
 */

/** The first session rule's id: rules are replaced in place, so none is ever left behind. */
export const ORIGIN_RULE_ID = 1401;

/** Every id Parley's origin rules may have (the chat endpoint's and the moderation one's). */
export const ORIGIN_RULE_IDS: readonly number[] = [ORIGIN_RULE_ID, ORIGIN_RULE_ID + 1];

/** The shape of the session rule, as `declarativeNetRequest.updateSessionRules` takes it. */
export interface OriginRule {
  id: number;
  priority: number;
  action: {
    type: 'modifyHeaders';
    requestHeaders: { header: string; operation: 'remove' }[];
  };
  condition: {
    urlFilter: string;
    initiatorDomains: string[];
    resourceTypes: 'xmlhttprequest'[];
  };
}

function isPrivateIpv4(host: string): boolean {
  const parts = host.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    return false;
  }
  const [a, b] = parts as [number, number, number, number];
  return (
    a === 127 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    host === '0.0.0.0'
  );
}

/**
 * Whether a base URL points at a server on this machine or the local network: loopback
 * (localhost, *.localhost, 127/8, [::1], 0.0.0.0), private IPv4 (10/8, 172.16/12, 192.168/16,
 * link-local) and mDNS `.local` names. An Ollama on another machine of the LAN
 * (`OLLAMA_HOST=0.0.0.0`) checks Origin the same way, and the rule is Parley's own requests only,
 * so widening it past loopback lets no page in. Public hosts never need it.
 */
export function isLocalBaseUrl(baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (host === '[::1]') return true;
  // IPv6 unique-local (fc00::/7) and link-local (fe80::/10) literals.
  if (/^\[(f[cd][0-9a-f]{2}|fe[89ab][0-9a-f]):/.test(host)) return true;
  return isPrivateIpv4(host);
}

/**
 * The rule that removes `Origin` from Parley's own requests to `baseUrl`'s origin (host and
 * port), or null when the base URL is not local. `extensionHost` is the host of Parley's own
 * pages (`new URL(runtime.getURL('')).hostname`: the id in Chrome, the per-profile UUID in
 * Firefox, where `runtime.id` is the gecko id and would never match).
 *
 * Removing rather than rewriting: Ollama lets a request without Origin through (not a CORS
 * request), and no value has to be guessed that a future allow-list might reject.
 */
export function buildOriginRule(baseUrl: string, extensionHost: string): OriginRule | null {
  if (!extensionHost || !isLocalBaseUrl(baseUrl)) return null;
  const origin = new URL(baseUrl).origin;
  return {
    id: ORIGIN_RULE_ID,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] },
    condition: {
      // `|` anchors at the start; the trailing slash stops http://127.0.0.1:1 matching :11434.
      urlFilter: `|${origin}/`,
      initiatorDomains: [extensionHost],
      // fetch() from the worker and the pages is 'xmlhttprequest' in Chrome and Firefox.
      resourceTypes: ['xmlhttprequest'],
    },
  };
}

/**
 * The rules for every endpoint Parley calls (chat, and moderation when it goes elsewhere): one
 * per distinct local origin, with the ids of `ids` in order (as many rules as there are ids).
 */
export function buildOriginRules(
  baseUrls: readonly string[],
  extensionHost: string,
  ids: readonly number[] = ORIGIN_RULE_IDS,
): OriginRule[] {
  const rules: OriginRule[] = [];
  for (const baseUrl of baseUrls) {
    const rule = buildOriginRule(baseUrl, extensionHost);
    const id = ids[rules.length];
    if (id === undefined) break;
    if (!rule || rules.some((r) => r.condition.urlFilter === rule.condition.urlFilter)) continue;
    rules.push({ ...rule, id });
  }
  return rules;
}

/**
 * Ids for the rules of a probe or a test of an endpoint not saved yet ("Find local servers",
 * "Test connection"): apart from the saved endpoints' rules, and removed when the probe ends.
 */
export const PROBE_RULE_IDS: readonly number[] = Array.from({ length: 16 }, (_, i) => 1410 + i);
