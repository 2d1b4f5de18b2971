/**
 * The engine under pressure (issue 12, items 5, 10, 11): a reply that never ends, Stop at 1 MB,
 * a double-click on Send, and deleting a chat while its reply streams.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../server/mock-openai.mjs';
import { newChat, setUpE2E } from './support/setup';
import { scenario } from './support/scenario';

const e2e = setUpE2E();

/** The cap on one reply (lib/engine/reply-cap.ts), in characters. */
const CAP = 2_000_000;

/**
 * The text of an endless stream: eight 4,000-character chunks of paragraphs `paragraph`
 * characters long. Short paragraphs make thousands of blocks, which the renderer (issue 17) is
 * slowest at; long ones keep the Stop test about Stop.
 */
function endlessChunks(paragraph = 400): string[] {
  return Array.from({ length: 8 }, (_, c) => {
    const paragraphs: string[] = [];
    for (let p = 0; paragraphs.join('').length < 4_000; p++)
      paragraphs.push(`${`word${c}x${p} `.repeat(paragraph).slice(0, paragraph - 2)}\n\n`);
    return paragraphs.join('').slice(0, 4_000);
  });
}

interface StoredReply {
  chars: number;
  state: string;
  /** IndexedDB's own size for the origin, when the browser says (navigator.storage.estimate). */
  idbBytes: number | null;
}

/** What IndexedDB holds for the newest reply: its record's text plus any stored chunks. */
async function storedReply(page: Page): Promise<StoredReply> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('parley');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    type Row = {
      id: string;
      role: string;
      content: string;
      createdAt: number;
      state: { kind: string };
    };
    const replies = (await all<Row>('messages')).filter((m) => m.role === 'assistant');
    const newest = replies.sort((a, b) => b.createdAt - a.createdAt)[0];
    let chunkChars = 0;
    if (newest && db.objectStoreNames.contains('replyChunks')) {
      const chunks = await all<{ messageId: string; text: string }>('replyChunks');
      for (const c of chunks) if (c.messageId === newest.id) chunkChars += c.text.length;
    }
    db.close();
    const estimate = (await navigator.storage.estimate()) as {
      usageDetails?: { indexedDB?: number };
    };
    return {
      chars: (newest?.content.length ?? 0) + chunkChars,
      state: newest?.state.kind ?? 'none',
      idbBytes: estimate.usageDetails?.indexedDB ?? null,
    };
  });
}

/** Characters of the reply on screen (its markdown body), counted in the page. */
function shownChars(page: Page): Promise<number> {
  return page.evaluate(() => {
    const articles = document.querySelectorAll('article[data-message-role="assistant"]');
    return articles[articles.length - 1]?.querySelector('.markdown')?.textContent?.length ?? 0;
  });
}

const mb = (chars: number) => `${(chars / 1_000_000).toFixed(2)} MB`;

describe('engine hardening', () => {
  it('an endless fast stream ends at the cap, interrupted with the reason shown, storage bounded', async (ctx) => {
    const row = scenario(
      ctx,
      'reply ends at 2 MB as interrupted(too_long), the reason shown, text kept; IndexedDB holds ≈ 2 MB, not more',
    );
    const { panel, server } = e2e;
    server.enqueue({ chunks: endlessChunks(), endless: true, chunkDelayMs: 5 });
    const startedAt = Date.now();
    const reply = await panel.send('Count forever');
    try {
      await panel.waitForState('interrupted', reply, 40_000);
    } finally {
      // On a build without the cap the stream never ends: stop it so the next test starts clean.
      if (await panel.stopButton.isVisible()) await panel.stopButton.click();
    }
    const tookMs = Date.now() - startedAt;
    await panel
      .lastAssistant()
      .getByText('The reply was stopped at 2 MB: that is longer than Parley keeps.')
      .waitFor();
    const chat = server.chatRequests()[0] as RecordedRequest;
    await expect.poll(() => chat.closedByClient, { timeout: 5_000 }).toBe(true);
    await expect.poll(async () => (await storedReply(panel.page)).state).toBe('interrupted');
    const stored = await storedReply(panel.page);
    expect(stored.chars).toBe(CAP);
    expect(await shownChars(panel.page)).toBeGreaterThan(CAP * 0.9);
    // The reply itself is ~2 MB of UTF-16 (4 MB); whole rewrites every 250 ms grew far past that.
    if (stored.idbBytes !== null) expect(stored.idbBytes).toBeLessThan(40_000_000);
    row.observed(`interrupted(too_long) after ${(tookMs / 1000).toFixed(1)} s; the stream closed`);
    row.figure(
      `stored ${stored.chars} characters (cap ${CAP}); IndexedDB ${stored.idbBytes === null ? 'n/a' : mb(stored.idbBytes)}`,
    );
  }, 90_000);

  it('Stop pressed at 1 MB of a fast stream shows the stopped state quickly', async (ctx) => {
    const row = scenario(
      ctx,
      'Stop visible when 1 MB has streamed; stopped shown within 3 s; the text shown is kept',
    );
    const { panel, server } = e2e;
    // ~250 KB/s: 1 MB after 4 s, the cap 4 s later. The panel renders slower than that (issue 17)
    // and used to fall further behind every frame, until no click got through.
    server.enqueue({ chunks: endlessChunks(), endless: true, chunkDelayMs: 15 });
    await panel.send('Count forever, then stop');
    await expect
      .poll(() => server.chatRequests()[0]?.streamedChars ?? 0, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1_000_000);
    expect(await panel.stopButton.isVisible()).toBe(true);
    // Time from the click's own input timestamp to the frame that shows "stopped".
    await panel.page.evaluate(() => {
      const probe = { down: -1, shown: -1 };
      (globalThis as unknown as { stopProbe: typeof probe }).stopProbe = probe;
      document.addEventListener('pointerdown', (e) => (probe.down = e.timeStamp), {
        capture: true,
        once: true,
      });
      const observer = new MutationObserver(() => {
        const articles = document.querySelectorAll('article[data-message-role="assistant"]');
        const last = articles[articles.length - 1] as HTMLElement | undefined;
        if (last?.dataset.state !== 'stopped') return;
        observer.disconnect();
        requestAnimationFrame(() => (probe.shown = performance.now()));
      });
      observer.observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    const streamedAtStop = server.chatRequests()[0]?.streamedChars ?? 0;
    // A real click where the button is: Playwright's wait for "stable" needs frames to come
    // quickly, and while a long reply renders they do not.
    const box = await panel.stopButton.boundingBox();
    if (!box) throw new Error('no Stop button');
    const clickedAt = Date.now();
    await panel.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await panel.waitForState('stopped', panel.lastAssistant(), 30_000);
    const wallMs = Date.now() - clickedAt;
    await expect
      .poll(() =>
        panel.page.evaluate(
          () => (globalThis as unknown as { stopProbe: { shown: number } }).stopProbe.shown,
        ),
      )
      .toBeGreaterThan(0);
    const probe = await panel.page.evaluate(
      () => (globalThis as unknown as { stopProbe: { down: number; shown: number } }).stopProbe,
    );
    const latencyMs = Math.round(probe.shown - probe.down);
    await panel.sendButton.waitFor();
    const shown = await shownChars(panel.page);
    // The panel shows "stopped" at the click; the worker's write of it follows.
    await expect.poll(async () => (await storedReply(panel.page)).state).toBe('stopped');
    const stored = await storedReply(panel.page);
    // What the panel showed is what is kept (rendered text lacks the blank lines between blocks).
    expect(stored.chars).toBeGreaterThanOrEqual(shown);
    row.figure(
      `Stop at ${mb(streamedAtStop)} streamed (${mb(shown)} shown): stopped shown ${latencyMs} ms after the click (${wallMs} ms as Playwright saw it)`,
    );
    // Generous for a loaded machine.
    expect(latencyMs).toBeLessThan(3_000);
    row.observed(`stopped; ${mb(stored.chars)} stored`);
  }, 120_000);

  it('a double-click on Send (60, 120, 200 ms apart) does not stop the new reply; a later click does', async (ctx) => {
    const row = scenario(
      ctx,
      'each double-click: the reply completes; a deliberate Stop 600 ms after Send still stops',
    );
    const { panel, server } = e2e;
    const { page } = panel;
    const slow = { chunks: Array.from({ length: 30 }, (_, i) => `slow${i} `), chunkDelayMs: 50 };
    const doubleClick = async (gapMs: number) => {
      await newChat(page);
      server.enqueue(slow);
      await panel.composer.fill(`double-click ${gapMs} ms`);
      const box = await panel.sendButton.boundingBox();
      if (!box) throw new Error('no Send button');
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.evaluate(() => {
        const downs: number[] = [];
        (globalThis as unknown as { downs: number[] }).downs = downs;
        document.addEventListener('pointerdown', (e) => downs.push(e.timeStamp), { capture: true });
      });
      // Timed on this side: a page.waitForTimeout round trip would add its own delay.
      await panel.markReplies();
      const firstAt = Date.now();
      await page.mouse.click(x, y);
      await new Promise((r) => setTimeout(r, Math.max(0, firstAt + gapMs - Date.now())));
      await page.mouse.click(x, y);
      const downs = await page.evaluate(() => (globalThis as unknown as { downs: number[] }).downs);
      return Math.round((downs[1] ?? NaN) - (downs[0] ?? NaN));
    };
    const outcomes: string[] = [];
    for (const gap of [60, 120, 200]) {
      // A loaded machine can space the clicks past 300 ms, which is a deliberate Stop: try again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const actual = await doubleClick(gap);
        // This double-click's own reply, once it has ended.
        await panel
          .newReply()
          .and(page.locator(':not([data-state="pending"]):not([data-state="streaming"])'))
          .waitFor({ timeout: 15_000 });
        const state = await panel.lastAssistant().getAttribute('data-state');
        if (actual >= 300) continue;
        outcomes.push(`${gap} ms (clicks ${actual} ms apart): ${state}`);
        break;
      }
    }
    expect(outcomes).toHaveLength(3);
    row.observed(outcomes.join('; '));
    expect(outcomes.filter((o) => !o.endsWith('complete'))).toEqual([]);
    // A Stop the user means (well after Send) still stops.
    await newChat(page);
    server.enqueue(slow);
    const deliberate = await panel.send('stop me on purpose');
    await page.waitForTimeout(600);
    await panel.stopButton.click();
    await panel.waitForState('stopped', deliberate);
    row.figure(`${outcomes.length} double-clicks, all complete; deliberate Stop: stopped`);
  }, 90_000);

  it('deleting a streaming chat closes the stream and sends no title or moderation request afterwards', async (ctx) => {
    const row = scenario(
      ctx,
      'stream closed by the client within a second of Delete; 0 title or moderation requests after it; Undo shows the reply stopped',
    );
    const { panel, server } = e2e;
    const { page } = panel;
    server.enqueue({ chunks: Array.from({ length: 80 }, (_, i) => `part${i} `), chunkDelayMs: 50 });
    await panel.send('A question to delete');
    await panel.lastAssistant().getByText('part5').waitFor();
    // Without ratings "Delete chat" deletes at once (with them, the dialog below confirms).
    const deletedAt = Date.now();
    await panel.moreAction('Delete chat');
    const dialog = page.getByRole('alertdialog', { name: 'Delete this conversation?' });
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Delete' }).click();
    const chat = server.chatRequests()[0] as RecordedRequest;
    // The stream would run ~4 s more; a closed connection is the worker letting go.
    await expect.poll(() => chat.closedAt ?? 0, { timeout: 5_000 }).toBeGreaterThan(0);
    const closedAfterMs = (chat.closedAt ?? 0) - deletedAt;
    expect(chat.closedByClient).toBe(true);
    // Long enough for the rest of the reply, its title and its final moderation check.
    await page.waitForTimeout(5_000);
    const after = server.requests.filter(
      (r) =>
        r.at >= deletedAt &&
        (r.path === '/v1/moderations' || (r.path === '/v1/chat/completions' && r !== chat)),
    );
    expect(after.map((r) => r.path)).toEqual([]);
    // Undo brings back what was written: the question and the reply up to the delete, stopped.
    const undo = page.getByRole('button', { name: 'Undo' });
    if (await undo.isVisible()) {
      await undo.click();
      await page.getByRole('button', { name: 'Conversations', exact: true }).click();
      await page
        .getByRole('navigation', { name: 'Conversations' })
        .getByRole('button', { name: /^A question to delete/ })
        .click();
      await panel.waitForState('stopped');
    }
    row.figure(`stream closed ${closedAfterMs} ms after Delete; ${after.length} requests after it`);
    row.observed('stream closed; no side requests; Undo shows the reply stopped');
  }, 60_000);
});
