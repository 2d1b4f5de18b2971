/**
 * Storage and network faults, each with its "nothing lost" state (issue 8): a full disk in the
 * middle of a reply, a database that will not open, and the network going away.
 * The E2E build reads the flags `e2eFailWrites` and `e2eFailDbOpen` from storage.local
 * (lib/db/faults.ts); offline is Chromium's own network emulation, which Playwright applies to
 * the pages and to the extension's service worker.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../lib/chat/types';
import { readStore } from './support/idb';
import { killServiceWorker } from './support/launch';
import { scenario } from './support/scenario';
import { newChat, setUpE2E } from './support/setup';

const e2e = setUpE2E();

async function setFlags(page: Page, flags: Record<string, boolean>): Promise<void> {
  await page.evaluate(async (values) => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { set(v: object): Promise<void> } } };
      }
    ).chrome;
    await api.storage.local.set(values);
  }, flags);
}

/** Restarts the worker and reloads the panel, so both open the database afresh. */
async function restartExtension(): Promise<void> {
  const { panel, parley } = e2e;
  await killServiceWorker(panel.page, parley.extensionId);
  await panel.page.reload();
  await panel.composer.waitFor();
}

async function download(page: Page, button: string): Promise<string> {
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return readFileSync((await (await file).path()) ?? '', 'utf8');
}

const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i} `);

describe('storage and network faults', () => {
  it('storage full in the middle of a reply', async (ctx) => {
    const row = scenario(
      ctx,
      'banner says the reply is not saved; reply streams to the end and exports from memory; saved once storage works; older chats intact',
    );
    const { panel, server } = e2e;
    const { page } = panel;

    server.enqueue({ text: 'Older answer.' });
    await panel.send('An older question');
    await panel.waitForState('complete');
    await newChat(page);

    // Six seconds of reply: the disk "fills" early in it, whatever the machine's load.
    const chunks = words('w', 60);
    const full = chunks.join('');
    server.enqueue({ chunks, chunkDelayMs: 100 });
    await panel.send('Write sixty words');
    await expect
      .poll(async () => (await panel.lastAssistant().textContent()) ?? '', { timeout: 10_000 })
      .toContain('w3 ');
    await setFlags(page, { e2eFailWrites: true });
    try {
      const banner = page.getByRole('alert').filter({ hasText: "couldn't save this reply" });
      await banner.waitFor({ timeout: 10_000 });
      expect(await banner.textContent()).toMatch(/browser storage is full.*Export Markdown/);
      await panel.waitForState('complete', panel.lastAssistant(), 20_000);
      expect(await panel.lastAssistant().textContent()).toContain('w59');

      // The database kept only what was written before the disk "filled".
      const stored = await readStore<ChatMessage>(page, 'messages');
      const question = stored.find((m) => m.content === 'Write sixty words');
      const reply = stored.find((m) => m.role === 'assistant' && m.parentId === question?.id);
      expect(reply).toBeDefined();
      const storedChars = reply?.content.length ?? 0;
      expect(storedChars).toBeLessThan(full.length);
      expect(reply?.state.kind).not.toBe('complete');

      // The export is made from what is on screen.
      const markdown = await download(page, 'Export Markdown');
      expect(markdown).toContain('Write sixty words');
      expect(markdown).toContain(full.trim());
      await page.screenshot({ path: 'test-results/storage-full.png' });

      // Reopened while storage is still full: the worker's memory completes the stored half.
      await page.reload();
      await panel.waitForState('complete', panel.lastAssistant(), 10_000);
      expect(await panel.lastAssistant().textContent()).toContain('w59');
      expect(await panel.stopButton.count()).toBe(0);

      // Storage works again: the worker writes back the whole reply by itself.
      await setFlags(page, { e2eFailWrites: false });
      const liftedAt = Date.now();
      await expect
        .poll(
          async () => {
            const m = (await readStore<ChatMessage>(page, 'messages')).find(
              (x) => x.id === reply?.id,
            );
            return `${m?.state.kind}:${m?.content.length}`;
          },
          { timeout: 15_000 },
        )
        .toBe(`complete:${full.length}`);
      const writtenBackMs = Date.now() - liftedAt;

      // After a reload the panel reopens the chat whole, and the older chat is listed and opens.
      await page.reload();
      await panel.composer.waitFor();
      await panel.waitForState('complete');
      expect(await panel.lastAssistant().textContent()).toContain('w59');
      await page.getByRole('button', { name: 'Conversations', exact: true }).click();
      const drawer = page.getByRole('navigation', { name: 'Conversations' });
      await drawer.getByText('An older question').click();
      await panel.waitForState('complete');
      expect(await panel.lastAssistant().textContent()).toContain('Older answer.');
      row.figure(
        `stored ${storedChars}/${full.length} chars while full; export ${full.length}/${full.length}; written back ${writtenBackMs} ms after storage returned`,
      );
    } finally {
      await setFlags(page, { e2eFailWrites: false });
    }
  });

  it('offline: a clear message, the message kept, Retry completes once back online', async (ctx) => {
    const row = scenario(
      ctx,
      'says offline; user message kept; Retry after reconnecting completes',
    );
    const { panel, server, parley } = e2e;
    const { page } = panel;
    await parley.context.setOffline(true);
    try {
      await page.getByRole('status').filter({ hasText: "You're offline" }).waitFor();
      await panel.send('Are you there while I am offline?');
      await panel.waitForState('error', panel.lastAssistant(), 15_000);
      const status = (await panel.lastAssistant().getByRole('alert').textContent()) ?? '';
      expect(status).toMatch(/offline|Couldn't reach the server/);
      expect(await panel.userMessages.last().textContent()).toContain(
        'Are you there while I am offline?',
      );
      expect(server.chatRequests()).toHaveLength(0);
      row.observed(status.replace(/Retry.*$/, '').trim());
      await page.screenshot({ path: 'test-results/offline.png' });
    } finally {
      await parley.context.setOffline(false);
    }
    await page
      .getByRole('status')
      .filter({ hasText: "You're offline" })
      .waitFor({ state: 'hidden' });
    server.enqueue({ text: 'Back online.' });
    await panel.lastAssistant().getByRole('button', { name: 'Retry' }).click();
    await panel.waitForState('complete');
    expect(await panel.lastAssistant().textContent()).toContain('Back online.');
    const body = server.chatRequests()[0]?.body as { messages: { content: string }[] };
    expect(body.messages.at(-1)?.content).toContain('Are you there while I am offline?');
    row.figure(`${server.chatRequests().length} request after reconnecting`);
  });

  it('the database cannot be opened', async (ctx) => {
    const row = scenario(
      ctx,
      'chat works from memory (follow-ups too); history marked unavailable; replies not saved, said clearly',
    );
    const { panel, server } = e2e;
    let { page } = panel;
    await setFlags(page, { e2eFailDbOpen: true });
    try {
      await restartExtension();
      page = panel.page;
      await page.getByRole('status').filter({ hasText: 'History is unavailable' }).waitFor();

      server.enqueue({ text: 'First answer, from memory.' }, { text: 'Second answer.' });
      await panel.send('First question');
      await panel.waitForState('complete');
      expect(await panel.lastAssistant().textContent()).toContain('First answer, from memory.');
      await page.getByRole('alert').filter({ hasText: "couldn't save this reply" }).waitFor();

      await panel.send('A follow-up');
      await panel.waitForState('complete');
      expect(await panel.lastAssistant().textContent()).toContain('Second answer.');
      const followUp = server.chatRequests()[1]?.body as { messages: { content: string }[] };
      expect(followUp.messages.map((m) => m.content)).toEqual(
        expect.arrayContaining(['First question', 'First answer, from memory.', 'A follow-up']),
      );

      await page.getByRole('button', { name: 'Conversations', exact: true }).click();
      const drawer = page.getByRole('navigation', { name: 'Conversations' });
      await drawer.getByRole('alert').filter({ hasText: 'History is unavailable' }).waitFor();
      expect(await drawer.getByText('No conversations yet.').count()).toBe(0);

      const markdown = await download(page, 'Export Markdown');
      expect(markdown).toContain('Second answer.');
      await page.screenshot({ path: 'test-results/db-open-failed.png' });
      row.figure(`${server.chatRequests().length} replies completed without a database`);
      await page.getByRole('button', { name: 'Conversations', exact: true }).click();
    } finally {
      await setFlags(page, { e2eFailDbOpen: false });
      await restartExtension();
    }
  });
});
