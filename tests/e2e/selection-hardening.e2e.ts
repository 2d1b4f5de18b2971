/**
 * Issue 12 items 8 and 9, in Chromium: page text a reader cannot see never reaches the model (and
 * the chip counts what was removed), and an ad frame that keeps focusing and re-selecting itself
 * does not replace the user's selection.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { newChat, startE2E, stopE2E, type E2E } from './support/setup';
import { scenario } from './support/scenario';

let e2e: E2E;
let page: Page;
let worker: Worker;

beforeAll(async () => {
  e2e = await startE2E();
  worker = await e2e.parley.worker();
  page = await e2e.parley.context.newPage();
});
afterAll(async () => {
  await stopE2E(e2e);
});
beforeEach(async () => {
  e2e.server.reset();
  await e2e.panel.page.bringToFront();
  await newChat(e2e.panel.page);
});

const chip = () => e2e.panel.page.getByRole('group', { name: 'Attached selection' });

/** Selects all of `selector` by script (no user gesture). */
async function selectAll(selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`nothing at ${sel}`);
    getSelection()?.selectAllChildren(el);
  }, selector);
}

/** Runs the background's handler for a menu click (with `info`) or the command on the tab. */
async function trigger(
  kind: 'menu' | 'command',
  pageUrl: string,
  info: { selectionText?: string; frameId?: number } = {},
): Promise<void> {
  await worker.evaluate(
    async ({ kind, pageUrl, info }) => {
      const g = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } };
        parleyTestHooks: {
          clickContextMenu(info: object, tab: object): void;
          runCommand(name: string, tab: object): void;
        };
      };
      const [tab] = await g.chrome.tabs.query({ url: pageUrl });
      if (!tab) throw new Error(`no tab at ${pageUrl}`);
      if (kind === 'menu')
        g.parleyTestHooks.clickContextMenu({ menuItemId: 'ask-parley', ...info }, tab);
      else g.parleyTestHooks.runCommand('attach-selection', tab);
    },
    { kind, pageUrl, info },
  );
}

/** Sends a question about the attachment and returns the user message the model received. */
async function sentToModel(): Promise<string> {
  await e2e.panel.sendAndWait('Summarise', 'complete');
  const [request] = await e2e.server.waitForRequests(1);
  const messages = (request?.body as { messages: { content: string }[] }).messages;
  return messages.at(-1)?.content ?? '';
}

const NINE = [
  'PAYLOAD-WHITE-ON-WHITE',
  'PAYLOAD-TWO-PIXEL-FONT',
  'PAYLOAD-SCALE-ZERO',
  'PAYLOAD-OFF-SCREEN',
  'PAYLOAD-CLIP-PATH',
  'PAYLOAD-FILTER-OPACITY',
  'PAYLOAD-LETTER-SPACING',
  'PAYLOAD-UNDER-OVERLAY',
  'PAYLOAD-UNSLOTTED-LIGHT-DOM',
];

describe('hidden page text (item 8)', () => {
  it('nine hiding techniques in one selection: none reaches the model, the shadow DOM’s visible text does, the chip counts nine', async (ctx) => {
    const row = scenario(
      ctx,
      'no hidden payload in the request; visible and shadow-DOM text kept; chip: "Removed 9 hidden passages (…)"',
    );
    const url = `${e2e.server.url}/pages/hidden-techniques.html`;
    await page.goto(url);
    await selectAll('#text');
    await trigger('command', url);
    await chip().waitFor();
    const note = chip().getByRole('status');
    const noteText = (await note.count()) > 0 ? ((await note.textContent()) ?? '') : '(none)';
    for (const width of [320, 400]) {
      await e2e.panel.page.setViewportSize({ width, height: 900 });
      await chip().screenshot({ path: `/tmp/chip-hidden-${width}.png` });
    }
    await e2e.panel.page.setViewportSize({ width: 400, height: 900 });
    const user = await sentToModel();
    const leaked = NINE.filter((p) => user.includes(p));
    row.observed(
      leaked.length === 0 ? `chip: ${noteText}` : `leaked: ${leaked.join(', ')}; chip: ${noteText}`,
    );
    row.figure(`${NINE.length - leaked.length}/${NINE.length} techniques removed`);
    expect(leaked).toEqual([]);
    for (const word of ['Alpha tides', 'Bravo.', 'Echo.', 'India.', 'Juliet ends the list.'])
      expect(user).toContain(word);
    expect(user).toContain('Slotted lead. Shadow-visible sentence from the component.');
    expect(noteText).toContain('contains hidden text');
    expect(noteText).toMatch(/Removed 9 hidden passages \(.+\)/);
  });

  it('techniques beyond the nine, and readable text that only looks hidden', async (ctx) => {
    const row = scenario(
      ctx,
      'near-white, white shadow, flat gradient, scale property, edge-on, back face, inset and empty-path clips, mask, blur, overflow clip, negative margin, fixed below the view, white or unfilled SVG text, a click-through overlay and a later sibling on top removed; a sticky header’s overlap, grey and tight text kept',
    );
    const url = `${e2e.server.url}/pages/hidden-extras.html`;
    await page.goto(url);
    // The first line goes under the sticky header: covered now, but a scroll shows it.
    await page.evaluate(() => scrollTo(0, 40));
    await selectAll('#text');
    await trigger('command', url);
    await chip().waitFor();
    await chip().getByRole('button', { name: 'Preview' }).click();
    const text = (await chip().locator('pre').textContent()) ?? '';
    const leaked = [...text.matchAll(/EXTRA-[A-Z-]+/g)].map((m) => m[0]);
    const tried = await page.evaluate(
      () => document.getElementById('text')?.innerHTML.match(/EXTRA-[A-Z-]+/g)?.length ?? 0,
    );
    row.observed(leaked.length === 0 ? 'all removed' : `leaked: ${leaked.join(', ')}`);
    row.figure(`${tried - leaked.length}/${tried} removed`);
    expect(tried).toBe(17);
    expect(leaked).toEqual([]);
    for (const word of [
      'Kilo-under-the-sticky-header.',
      'Lima.',
      'Sierra.',
      'Victor.',
      'Yankee.',
      'Delta-two.',
      'Whiskey in readable grey.',
      'Xray tight but readable.',
    ])
      expect(text).toContain(word);
  });
});

describe('an ad frame that steals the selection (item 9)', () => {
  const USER_TEXT = 'The tide rises twice a day because the moon pulls the oceans.';
  const AD_TEXT = 'BUY NOW';

  /**
   * Each frame's selection and focus, read by the extension in every frame. (Playwright's own
   * evaluate in the ad frame would count as a user gesture there and spoil the scenario.)
   */
  async function frames(
    pageUrl: string,
  ): Promise<{ frameId: number; url: string; selected: string; focused: boolean }[]> {
    return worker.evaluate(async (pageUrl) => {
      const g = globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id: number }[]> };
          scripting: {
            executeScript(o: object): Promise<{ frameId: number; result?: unknown }[]>;
          };
        };
      };
      const [tab] = await g.chrome.tabs.query({ url: pageUrl });
      const results = await g.chrome.scripting.executeScript({
        target: { tabId: tab?.id, allFrames: true },
        func: () => ({
          url: location.href,
          selected: getSelection()?.toString() ?? '',
          focused: document.hasFocus(),
        }),
      });
      return results.map((r) => ({
        frameId: r.frameId,
        ...(r.result as { url: string; selected: string; focused: boolean }),
      }));
    }, pageUrl);
  }
  const adOf = (all: Awaited<ReturnType<typeof frames>>) =>
    all.find((f) => f.url.includes('/pages/ad-frame.html'));

  /** Opens the story with its hostile ad and selects the user's paragraph with the mouse. */
  async function openStory(): Promise<string> {
    const url = `${e2e.server.url}/pages/ad-host.html`;
    await page.goto(url);
    await expect.poll(async () => adOf(await frames(url))?.selected ?? '').toContain(AD_TEXT);
    await page.bringToFront();
    // A real triple-click: the user's gesture, in the top frame.
    await page.click('#user', { clickCount: 3 });
    await page.waitForTimeout(200); // a few rounds of the ad's focus() and re-selection
    const all = await frames(url);
    expect(all.find((f) => f.frameId === 0)?.selected.trim()).toBe(USER_TEXT);
    expect(adOf(all)?.selected).toContain(AD_TEXT);
    return url;
  }

  async function attached(): Promise<{ text: string; head: string }> {
    await chip().waitFor();
    await chip().getByRole('button', { name: 'Preview' }).click();
    const text = (await chip().locator('pre').textContent()) ?? '';
    const head = (await chip().textContent()) ?? '';
    return { text, head };
  }

  it('the keyboard command takes the user’s top-frame selection, not the ad’s', async (ctx) => {
    const row = scenario(ctx, 'the top frame’s text is attached; the chip names 127.0.0.1');
    const url = await openStory();
    const adFocused = adOf(await frames(url))?.focused;
    await trigger('command', url);
    const { text, head } = await attached();
    row.observed(
      `${text.includes(AD_TEXT) ? 'ad won' : 'user’s text attached'} (ad frame focused: ${adFocused})`,
    );
    expect(text).toBe(USER_TEXT);
    expect(head).toContain(`from ${new URL(url).host}`);
    expect(head).not.toContain('frame in');
  });

  it('the context menu clicked in the top frame (frameId 0) takes the top frame’s text', async (ctx) => {
    const row = scenario(ctx, 'the top frame’s text is attached (menu frameId 0)');
    const url = await openStory();
    await trigger('menu', url, { frameId: 0 });
    const { text } = await attached();
    row.observed(text.includes(AD_TEXT) ? `ad won: ${text}` : 'user’s text attached');
    expect(text).toBe(USER_TEXT);
  });

  it('text the user did select in the cross-origin frame names both hosts on the chip', async (ctx) => {
    const row = scenario(
      ctx,
      'the frame’s text is attached; chip: "from localhost:… (frame in 127.0.0.1:…)"',
    );
    const url = await openStory();
    const frame = page.frames().find((f) => f.url().includes('/pages/ad-frame.html'));
    if (!frame) throw new Error('no ad frame');
    await frame.click('#ad', { clickCount: 3 });
    const frameId = adOf(await frames(url))?.frameId ?? -1;
    await trigger('menu', url, { frameId });
    const { text, head } = await attached();
    const port = new URL(url).port;
    row.observed(head.replace(/\s+/g, ' ').slice(0, 160));
    expect(text).toContain(AD_TEXT);
    expect(head).toContain(`from localhost:${port}`);
    expect(head).toContain(`frame in 127.0.0.1:${port}`);
    for (const width of [320, 400]) {
      await e2e.panel.page.setViewportSize({ width, height: 900 });
      await chip().screenshot({ path: `/tmp/chip-frame-${width}.png` });
    }
    await e2e.panel.page.setViewportSize({ width: 400, height: 900 });
  });
});
