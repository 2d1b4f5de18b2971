/**
 * Detectors for hostile model output in the real panel (issue 8): a seeded PRNG for chunk
 * boundaries, and in-page watchers for what a payload would do if it ever became live: a script
 * that runs (a flag and a canary request), a dialog, a navigation or popup, a request to a host
 * that is not the extension, a CSP violation (something tried to load), and forbidden elements or
 * attributes, caught by a MutationObserver as they appear while a reply streams and by a scan after.
 */
import type { Page } from 'playwright-core';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits text at random code-point boundaries into chunks of 1..maxLength characters. */
export function randomChunks(text: string, random: () => number, maxLength = 24): string[] {
  const chars = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < chars.length;) {
    const n = 1 + Math.floor(random() * maxLength);
    chunks.push(chars.slice(i, i + n).join(''));
    i += n;
  }
  return chunks;
}

/**
 * Rewrites dialog calls in a payload so that, if it ever ran, it would set `__xssRan` and hit the
 * canary server: `alert(1)` becomes `(self.__xssRan=1,fetch(`<canary>`),Boolean)(1)`. No quotes are
 * added, so quoted and unquoted attribute contexts keep their shape; dialogs that are not rewritten
 * (`window['alert']`) are still caught by the dialog listener.
 */
export function armPayload(payload: string, canaryUrl: string): string {
  return payload.replace(
    /(?<![\w.'"$`])(alert|prompt|confirm)\b/g,
    (_, name: string) => `(self.__xssRan=1,fetch(\`${canaryUrl}${name}\`),Boolean)`,
  );
}

export interface Findings {
  scriptsRan: number;
  dialogs: string[];
  navigations: string[];
  offExtensionRequests: string[];
  cspViolations: string[];
  /** Forbidden elements/attributes seen while streaming (MutationObserver) and after (scan). */
  forbidden: string[];
}

interface Watch {
  dialogs: string[];
  navigations: string[];
  requests: string[];
  /** Tabs opened while watching (a link with target=_blank and noopener is no page "popup"). */
  newPages: Page[];
  allowedPages: Set<Page>;
}

const watches = new WeakMap<Page, Watch>();

/**
 * The in-page checker. Inside message Markdown (`.markdown`) the rules are strict: no element that
 * loads, frames, scripts, styles or submits, no URL attribute except an http(s)/mailto link's href.
 * Anywhere in the panel (error text, notices), the rules that matter for any page: no foreign
 * script, frame, object, base, meta refresh, remote image, event-handler attribute, or script URL.
 * Written as one self-contained function because Playwright sends its source to the page.
 */
function installInPage(): void {
  const w = window as unknown as {
    __xssRan?: number;
    __forbidden: string[];
    __csp: string[];
    __scan(root?: ParentNode): string[];
  };
  if (typeof w.__scan === 'function') return;
  w.__xssRan = 0;
  w.__forbidden = [];
  w.__csp = [];
  const own = location.origin;
  const STRICT =
    'script, iframe, frame, frameset, object, embed, applet, form, base, meta, link, style, img, picture, source, video, audio, track, input, button[formaction], textarea, select, template, portal, foreignObject, image, use, feImage, animate, set, animateMotion, animateTransform';
  const URL_ATTRIBUTES = [
    'href',
    'src',
    'srcset',
    'action',
    'formaction',
    'background',
    'poster',
    'data',
    'xlink:href',
    'ping',
    'lowsrc',
    'dynsrc',
    'codebase',
    'longdesc',
  ];
  const scriptUrl = /^\s*(javascript|vbscript|data|livescript|mocha)\s*:/i;
  const isOwn = (value: string) => {
    try {
      return new URL(value, location.href).origin === own;
    } catch {
      return false;
    }
  };
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}>`;

  function checkElement(el: Element, found: string[]): void {
    const inMarkdown = !!el.closest('.markdown');
    const tag = el.tagName.toLowerCase();
    if (inMarkdown && el.matches(STRICT)) found.push(`element ${describe(el)} in markdown`);
    if (!inMarkdown) {
      if (tag === 'script' && !isOwn(el.getAttribute('src') ?? '')) found.push('foreign <script>');
      if (['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'portal'].includes(tag))
        found.push(`element ${describe(el)}`);
      if (tag === 'meta' && el.hasAttribute('http-equiv')) found.push('<meta http-equiv>');
      if (tag === 'link' && !isOwn(el.getAttribute('href') ?? '')) found.push('foreign <link>');
      if (
        tag === 'img' &&
        !/^(data:|blob:)/.test(el.getAttribute('src') ?? '') &&
        !isOwn(el.getAttribute('src') ?? '')
      )
        found.push('remote <img>');
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith('on')) found.push(`handler ${name} on ${describe(el)}`);
      if (name === 'style' && /url\s*\(|expression\s*\(|@import/i.test(value))
        found.push(`style url on ${describe(el)}`);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      if (scriptUrl.test(value)) found.push(`${name}="${value.slice(0, 40)}" on ${describe(el)}`);
      if (inMarkdown) {
        if (tag !== 'a' || name !== 'href') found.push(`${name} on ${describe(el)} in markdown`);
        else if (!/^(https?:|mailto:)/i.test(value))
          found.push(`link href="${value.slice(0, 40)}"`);
      }
    }
  }

  w.__scan = (root: ParentNode = document) => {
    const found: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) checkElement(el, found);
    return found;
  };
  new MutationObserver((records) => {
    for (const record of records) {
      const targets =
        record.type === 'attributes' ? [record.target] : Array.from(record.addedNodes);
      for (const node of targets) {
        if (!(node instanceof Element)) continue;
        checkElement(node, w.__forbidden);
        for (const el of Array.from(node.querySelectorAll('*'))) checkElement(el, w.__forbidden);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
}

/** Installs every detector on a panel page; call once per page, before the hostile replies. */
export async function installDetectors(page: Page): Promise<void> {
  const watch: Watch = {
    dialogs: [],
    navigations: [],
    requests: [],
    newPages: [],
    allowedPages: new Set(),
  };
  watches.set(page, watch);
  const home = page.url();
  // chrome-extension://<id>/ (Node's URL gives a non-special scheme the origin "null").
  const origin = home.slice(0, home.indexOf('/', home.indexOf('//') + 2));
  page.context().on('page', (opened) => watch.newPages.push(opened));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('framenavigated', (frame) => {
    if (frame.url() !== home) watch.navigations.push(frame.url());
  });
  page.on('popup', (popup) => watch.navigations.push(`popup ${popup.url()}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`)) watch.requests.push(request.url());
  });
  await page.evaluate(installInPage);
}

/** Everything the detectors saw since they were installed, plus a fresh scan of the DOM. */
export async function readFindings(page: Page): Promise<Findings> {
  const watch = watches.get(page);
  if (!watch) throw new Error('installDetectors(page) first');
  const inPage = await page.evaluate(() => {
    const w = window as unknown as {
      __xssRan?: number;
      __forbidden: string[];
      __csp: string[];
      __scan(): string[];
    };
    return {
      scriptsRan: w.__xssRan ? 1 : 0,
      forbidden: [...w.__forbidden, ...w.__scan()],
      csp: [...w.__csp],
    };
  });
  return {
    scriptsRan: inPage.scriptsRan,
    dialogs: [...watch.dialogs],
    navigations: [
      ...watch.navigations,
      ...watch.newPages.filter((p) => !watch.allowedPages.has(p)).map((p) => `new tab ${p.url()}`),
    ],
    offExtensionRequests: [...watch.requests],
    cspViolations: inPage.csp,
    forbidden: [...new Set(inPage.forbidden)],
  };
}

/** A tab the test opened itself (a fixture page), not one the panel opened. */
export function allowPage(panel: Page, opened: Page): void {
  watches.get(panel)?.allowedPages.add(opened);
}

/** Clears what was seen so far (between tests), keeping the detectors installed. */
export async function resetFindings(page: Page): Promise<void> {
  const watch = watches.get(page);
  if (watch) {
    watch.dialogs.length = 0;
    watch.navigations.length = 0;
    watch.requests.length = 0;
    watch.newPages.length = 0;
  }
  await page.evaluate(() => {
    const w = window as unknown as { __xssRan?: number; __forbidden: string[]; __csp: string[] };
    w.__xssRan = 0;
    w.__forbidden.length = 0;
    w.__csp.length = 0;
  });
}
