/**
 * What a link shows of where it goes. The text of a link is the model's to choose, so beside it
 * Parley shows the destination: the host first (the part that decides who receives the click),
 * then the whole URL, never the userinfo (`https://accounts.google.com@evil.example/` goes to
 * evil.example). The URL comes from the WHATWG serializer, so it is ASCII: hosts in punycode,
 * anything else percent-encoded, nothing that can reorder or hide.
 */

/**
 * A link's destination as Parley shows it, so the user sees where a model-written link really goes.
 */
export interface ShownUrl {
  /** The destination without userinfo: what the link opens and what is shown. */
  href: string;
  /** Host (and port) for http(s); the domain of a mailto address. */
  host: string;
  /** `href` split around the host, so the host can stand out: ["https://", host, "/path"]. */
  parts: [string, string, string];
}

/** The shown form of a URL that `safeUrl` accepted; null if it does not parse. */
export function shownUrl(safe: string): ShownUrl | null {
  let url: URL;
  try {
    url = new URL(safe);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') {
    const address = url.pathname;
    const host = address.slice(address.lastIndexOf('@') + 1);
    return {
      href: url.href,
      host,
      parts: ['mailto:', address, url.href.slice(7 + address.length)],
    };
  }
  url.username = '';
  url.password = '';
  const scheme = `${url.protocol}//`;
  const rest = url.href.slice(scheme.length + url.host.length);
  return { href: url.href, host: url.host, parts: [scheme, url.host, rest] };
}

/** The text shown beside a labelled link: "evil.example — https://evil.example/login". */
export function describeDestination(shown: ShownUrl): string {
  return shown.host ? `${shown.host} — ${shown.href}` : shown.href;
}

/** A URL as compared with a link's text: one trailing slash of a bare path does not count. */
function comparable(href: string): string {
  return /[?#]/.test(href) ? href : href.replace(/\/$/, '');
}

/**
 * Whether a link's text is just its URL (a bare or autolinked URL, `[url](url)`, `[go.dev/doc/]
 * (https://go.dev/doc/)`): then the URL is shown once, as the link, instead of twice. The text
 * counts when it parses to the same URL as the destination, as written (`safe`, userinfo and all)
 * or as shown (without userinfo), up to a trailing slash; text without a scheme may stand for
 * http(s) or mailto (GFM autolinks `www.x.org` and `a@b.org` that way). Text that names another
 * host, scheme, path or query is not bare, so its real destination is still shown beside it.
 */
export function isBareLink(text: string, safe: string): boolean {
  const t = text.trim();
  if (!t || /\s/.test(t)) return false;
  const targets = new Set([comparable(safe)]);
  const shown = shownUrl(safe);
  if (shown) targets.add(comparable(shown.href));
  const schemed = /^[a-z][a-z0-9+.-]*:/i.test(t);
  const candidates = schemed ? [t] : [`https://${t}`, `http://${t}`, `mailto:${t}`];
  for (const candidate of candidates) {
    try {
      if (targets.has(comparable(new URL(candidate).href))) return true;
    } catch {
      // not a URL in this form
    }
  }
  return false;
}
