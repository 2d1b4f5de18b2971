/**
 * Hostile and huge conversation imports (issue 12, items 3 and 4): a file crafted to brick the panel
 * imports only what is valid and says what it skipped; a malformed record already in IndexedDB
 * renders with a fallback; 20,000 conversations import with progress into a windowed drawer.
 */
import { describe, expect, it } from 'vitest';
import {
  bundle,
  drawer,
  file,
  nextFrameMs,
  openDrawer,
  recordStatuses,
  statuses,
  timed,
  writeFile,
} from './support/import-files';
import { scenario } from './support/scenario';
import { setUpE2E } from './support/setup';

const e2e = setUpE2E();
const DAY = 86_400_000;

describe('import hardening', () => {
  it('a hostile conversations file', async (ctx) => {
    const row = scenario(
      ctx,
      'valid conversations imported, hostile records skipped with a count; the reopened panel renders',
    );
    const { page } = e2e.panel;
    const now = Date.now();
    const bundles = [
      bundle('valid', 'Valid sibling', now - 1_000),
      // The payloads: each one blanked every later panel open.
      bundle('future', 'Far future', now - 9_000, { state: { kind: 'blocked' } }),
      bundle('proto', 'Proto code', now - 8_000, { state: { kind: 'error', code: '__proto__' } }),
      bundle('flag', 'Flag only', now - 7_000, { moderation: { flagged: true } }),
      bundle('turns', 'Turns object', now - 6_000, { droppedTurns: { a: 1 } }),
      bundle('blocked', 'Blocked bare', now - 5_000, { state: { kind: 'blocked' } }),
    ];
    // The far-future date made the hostile conversation the one every panel open reopened.
    bundles[1]!.conversation.updatedAt = 8.64e15;
    const hostile = writeFile('hostile', file(bundles));

    await openDrawer(page);
    await drawer(page).getByLabel('Import conversations').setInputFiles(hostile);
    const status = drawer(page).getByText(/^Imported /);
    await status.waitFor();
    const text = (await status.textContent()) ?? '';
    row.observed(text);
    expect(text).toContain('Imported 5 conversations and 6 messages');
    expect(text).toContain('skipped 1 conversation and 4 messages that were not valid');
    await page.screenshot({ path: '/tmp/import-hostile-400.png' });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: '/tmp/import-hostile-320.png' });
    await page.setViewportSize({ width: 400, height: 900 });

    const reopened = await e2e.parley.openPanel();
    const errors: string[] = [];
    reopened.on('pageerror', (error) => errors.push(error.message));
    await reopened.getByRole('textbox', { name: 'Message' }).waitFor();
    await reopened.getByText('Answer of Valid sibling').waitFor();
    expect(await reopened.locator('article').count()).toBe(2);
    await openDrawer(reopened);
    await drawer(reopened)
      .getByRole('button', { name: /^Proto code/ })
      .click();
    await reopened.getByText('Question of Proto code').waitFor();
    expect(errors).toEqual([]);
    row.figure('6 conversations in, 5 kept, 4 hostile messages dropped');
    await reopened.close();
  });

  it('a malformed record already in IndexedDB', async (ctx) => {
    const row = scenario(ctx, 'the conversation renders, malformed fields shown as safe fallbacks');
    const { page } = e2e.panel;
    await page.evaluate(async () => {
      const id = 'idb-bad';
      const at = Date.now() + 60_000;
      const base = { conversationId: id, attachments: [], createdAt: at, updatedAt: at };
      const records = [
        {
          ...base,
          id: 'b-u1',
          parentId: null,
          role: 'user',
          content: 'First question',
          state: { kind: 'complete' },
        },
        // Hand-edited or written by an old import: each field here once blanked the panel.
        {
          ...base,
          id: 'b-a1',
          parentId: 'b-u1',
          role: 'assistant',
          content: 'Held reply',
          state: { kind: 'blocked' },
          moderation: { flagged: true, action: 'warn' },
          droppedTurns: { a: 1 },
        },
        {
          ...base,
          id: 'b-u2',
          parentId: 'b-a1',
          role: 'user',
          content: 'Second question',
          state: { kind: 'complete' },
        },
        {
          ...base,
          id: 'b-a2',
          parentId: 'b-u2',
          role: 'assistant',
          content: 'Broken reply',
          state: { kind: 'error', code: '__proto__', detail: { nested: true } },
        },
      ];
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('parley');
        open.onsuccess = () => {
          const tx = open.result.transaction(['conversations', 'messages'], 'readwrite');
          tx.objectStore('conversations').put({
            id,
            title: 'Stored malformed',
            createdAt: at,
            updatedAt: at,
            model: 'm',
            systemPrompt: '',
            currentLeafId: 'b-a2',
          });
          for (const r of records) tx.objectStore('messages').put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    });
    const reopened = await e2e.parley.openPanel();
    const errors: string[] = [];
    reopened.on('pageerror', (error) => errors.push(error.message));
    const broken = reopened.locator('article[data-state="error"]');
    await broken.getByText('Broken reply').waitFor();
    await broken.getByText(/Something went wrong/).waitFor();
    const held = reopened.locator('article[data-state="blocked"]');
    await held.getByText(/flagged by the content policy: unspecified/).waitFor();
    expect(await held.getByText(/earlier message/).count()).toBe(0);
    await reopened.screenshot({ path: '/tmp/stored-malformed-400.png' });
    expect(errors).toEqual([]);
    row.observed('blocked without categories → "unspecified"; unknown error code → unknown error');
    row.figure('4 malformed fields, 0 page errors');
    await reopened.close();
  });

  it('20,000 conversations import with progress into a windowed drawer', async (ctx) => {
    const row = scenario(
      ctx,
      'progress while importing; the drawer renders a window of rows and answers a click within seconds',
    );
    const { page } = e2e.panel;
    const now = Date.now();
    const total = 20_000;
    const big = writeFile(
      'big',
      file(
        Array.from({ length: total }, (_, i) =>
          bundle(`bulk-${i}`, `Bulk ${i} chat`, now - 3 * DAY - i * 300_000),
        ),
      ),
    );
    await openDrawer(page);
    await recordStatuses(page);
    let duringMs: number | null = null;
    const importMs = await timed('import', async () => {
      await drawer(page).getByLabel('Import conversations').setInputFiles(big);
      // While batches are written: a click in the drawer answers (the search box takes focus).
      await drawer(page)
        .getByText(/^Importing… [\d,]+ of/)
        .waitFor({ timeout: 60_000 });
      await page.screenshot({ path: '/tmp/import-progress-400.png' });
      duringMs = await timed('click while importing', async () => {
        await drawer(page).getByRole('searchbox', { name: 'Search conversations' }).click();
        await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'search');
      });
      await drawer(page)
        .getByText(/^Imported 20,?000 conversations/)
        .waitFor({ timeout: 240_000 });
    });
    const afterImportFrameMs = await nextFrameMs(page);
    const timeline = await statuses(page);
    const seen = timeline.map((s) => s.text);
    const at = (prefix: string) => timeline.find((s) => s.text.startsWith(prefix))?.t ?? NaN;
    console.log(
      `[import-hardening] phases: read ${Math.round(at('Checking') - at('Reading'))} ms, check ${Math.round(at('Importing') - at('Checking'))} ms, write ${Math.round(at('Imported') - at('Importing'))} ms`,
    );

    // Closing and opening the drawer again: the first frame, then a click on a row.
    const toggle = page.getByRole('button', { name: 'Conversations', exact: true });
    await toggle.click();
    await drawer(page).waitFor({ state: 'detached' });
    const openMs = await timed('drawer open', async () => {
      await toggle.click();
      await drawer(page)
        .getByRole('button', { name: /^Bulk 0 chat/ })
        .waitFor({ timeout: 60_000 });
    });
    const rendered = await drawer(page).getByRole('listitem').count();
    await page.screenshot({ path: '/tmp/drawer-20k-400.png' });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: '/tmp/drawer-20k-320.png' });
    await page.setViewportSize({ width: 400, height: 900 });
    const clickMs = await timed('click', async () => {
      await drawer(page)
        .getByRole('button', { name: /^Bulk 1 chat/ })
        .click({ timeout: 60_000 });
      await page.getByText('Answer of Bulk 1 chat', { exact: true }).waitFor({ timeout: 60_000 });
    });
    // Keyboard and scrolling reach the far end of the window; only a window is ever rendered.
    await openDrawer(page);
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await drawer(page)
      .getByRole('button', { name: /^Bulk 0 chat/ })
      .focus();
    await page.keyboard.press('End');
    await expect.poll(focused).toMatch(/^Bulk 19999 chat/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toMatch(/^Bulk 19998 chat/);
    expect(await drawer(page).getByRole('listitem').count()).toBeLessThan(200);
    await page.keyboard.press('Home');
    await expect.poll(focused).not.toMatch(/^Bulk 1999/);
    const searchMs = await timed('search', async () => {
      await drawer(page).getByRole('searchbox', { name: 'Search conversations' }).fill('Bulk 1');
      await drawer(page)
        .getByRole('list', { name: 'Search results' })
        .locator('mark')
        .first()
        .waitFor({ timeout: 60_000 });
    });
    const hitsRendered = await drawer(page).getByRole('listitem').count();
    expect(hitsRendered).toBeLessThan(200);
    await drawer(page).getByRole('searchbox', { name: 'Search conversations' }).fill('');

    const s = (ms: number | null) => (ms === null ? 'timed out' : `${(ms / 1000).toFixed(1)} s`);
    const figures = `import ${s(importMs)}, click while importing ${s(duringMs)}, next frame after import ${Math.round(afterImportFrameMs)} ms, drawer reopened ${s(openMs)} (${rendered} rows rendered), click on a row ${s(clickMs)}, search over 20k ${s(searchMs)} (${hitsRendered} hits rendered)`;
    console.log(`[import-hardening] ${figures}`);
    row.figure(figures);
    row.observed(
      seen
        .filter((text) => text.startsWith('Importing'))
        .slice(0, 3)
        .join(' | '),
    );

    expect(seen.some((text) => /^Importing… [\d,]+ of 20,000/.test(text))).toBe(true);
    expect(rendered).toBeLessThan(200);
    // Generous: the machine is shared. Before the fix: 56 s, and the click timed out.
    expect(importMs).not.toBeNull();
    expect(importMs).toBeLessThan(45_000);
    expect(openMs).not.toBeNull();
    expect(openMs).toBeLessThan(8_000);
    expect(clickMs).not.toBeNull();
    expect(clickMs).toBeLessThan(8_000);
    expect(duringMs).not.toBeNull();
    expect(duringMs).toBeLessThan(8_000);
  }, 420_000);
});
