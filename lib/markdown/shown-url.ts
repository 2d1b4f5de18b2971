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

/**
 * Whether a link's text is just its URL (a bare or autolinked URL, `[url](url)`): then the URL
 * is shown once, as the link, instead of twice. `safe` is the URL as written (with any userinfo),
 * so text that spells the userinfo still counts as bare and is replaced by the clean form.
 */
export function isBareLink(text: string, safe: string): boolean {
  const t = text.trim();
  if (!t || /\s/.test(t)) return false;
  // GFM autolinks `www.x.org` as http://www.x.org and `a@b.org` as mailto:a@b.org.
  for (const candidate of [t, `http://${t}`, `mailto:${t}`]) {
    try {
      if (new URL(candidate).href === safe) return true;
    } catch {
      // not a URL in this form
    }
  }
  return false;
}
