/**
 * Storage and network faults, each with its "nothing lost" state (issue 8): a full disk in the
 * middle of a reply, a database that will not open, and the network going away.
 * The E2E build reads the flags `e2eFailWrites` and `e2eFailDbOpen` from storage.local
 * (tests/hooks/storage-faults.ts); offline is Chromium's own network emulation, which Playwright
 * applies to the pages and to the extension's service worker. Where the test may mount a tmpfs
 * (root), a real disk also fills up under a profile, mid-reply.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../lib/model/types';
import { readStore } from './support/idb';
import { killServiceWorker, launchParley } from './support/launch';
import { PanelPage } from './support/panel';
import { startMockServer } from '../server/mock-openai.mjs';
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
  // A worker that is not running at this moment starts afresh anyway.
  await killServiceWorker(panel.page, parley.extensionId).catch(() => undefined);
  await panel.page.reload();
  await panel.composer.waitFor();
}

async function download(page: Page, item: 'Export Markdown' | 'Export JSON'): Promise<string> {
  const file = page.waitForEvent('download');
  await new PanelPage(page).moreAction(item);
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
    await panel.sendAndWait('An older question', 'complete');
    await newChat(page);

    // Six seconds of reply: the disk "fills" early in it, whatever the machine's load.
    const chunks = words('w', 60);
    const full = chunks.join('');
    server.enqueue({ chunks, chunkDelayMs: 100 });
    const mine = await panel.send('Write sixty words');
    await expect
      .poll(async () => (await panel.lastAssistant().textContent()) ?? '', { timeout: 10_000 })
      .toContain('w3 ');
    await setFlags(page, { e2eFailWrites: true });
    try {
      const banner = page.getByRole('alert').filter({ hasText: "couldn't save this reply" });
      await banner.waitFor({ timeout: 10_000 });
      expect(await banner.textContent()).toMatch(/browser storage is full.*Export Markdown/);
      await panel.waitForState('complete', mine, 20_000);
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
      // The chat left behind ends in a complete reply too: wait for the opened chat's own.
      await panel.markReplies();
      await drawer.getByRole('button', { name: /^An older question/ }).click();
      await panel.waitForState('complete', panel.newReply());
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
      await panel.sendAndWait('Are you there while I am offline?', 'error', 15_000);
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
    await panel.replyAfter(() =>
      panel.lastAssistant().getByRole('button', { name: 'Retry' }).click(),
    );
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
      await panel.sendAndWait('First question', 'complete');
      expect(await panel.lastAssistant().textContent()).toContain('First answer, from memory.');
      await page.getByRole('alert').filter({ hasText: "couldn't save this reply" }).waitFor();

      // The new reply, not the one before it (already complete), is the one to wait for.
      await panel.sendAndWait('A follow-up', 'complete');
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
      await page.getByRole('button', { name: 'Conversations', exact: true }).click();

      // The database opens again: the worker saves the chat it held, and the list shows it.
      await setFlags(page, { e2eFailDbOpen: false });
      await expect
        .poll(
          async () =>
            (await readStore<ChatMessage>(page, 'messages').catch(() => [])).map((m) => m.content),
          { timeout: 15_000 },
        )
        .toEqual(
          expect.arrayContaining([
            'First question',
            'First answer, from memory.',
            'A follow-up',
            'Second answer.',
          ]),
        );
      await page.getByRole('button', { name: 'Conversations', exact: true }).click();
      await drawer.getByRole('button', { name: /^First question/ }).waitFor();
      expect(await drawer.getByRole('alert').count()).toBe(0);
      await page.getByRole('button', { name: 'Conversations', exact: true }).click();
      row.figure(
        `${server.chatRequests().length} replies completed without a database; all 4 messages saved once it opened again`,
      );
    } finally {
      await setFlags(page, { e2eFailDbOpen: false });
      await restartExtension();
    }
  });
});

/** A small tmpfs for a Chromium profile, or null where mounting is not allowed. */
function mountTmpfs(): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-disk-'));
  try {
    execSync(`mount -t tmpfs -o size=256m tmpfs ${dir}`, { stdio: 'ignore', timeout: 10_000 });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

const disk = process.getuid?.() === 0 ? mountTmpfs() : null;
// At file level, so the tmpfs goes even when the test is filtered out or fails.
afterAll(() => {
  if (!disk) return;
  execSync(`umount ${disk}`, { stdio: 'ignore' });
  rmSync(disk, { recursive: true, force: true });
});

describe.skipIf(!disk)('a real disk', () => {
  it('the disk under the profile fills up mid-reply (tmpfs)', async (ctx) => {
    const row = scenario(
      ctx,
      'banner says the reply is not saved; reply completes on screen; saved once space is freed; older chat intact',
    );
    const dir = disk ?? '';
    const server = await startMockServer();
    const parley = await launchParley({ userDataDir: path.join(dir, 'profile') });
    try {
      const panel = new PanelPage(await parley.openPanel());
      const { page } = panel;
      await panel.configure(server.baseURL);
      server.enqueue({ text: 'Saved before the disk filled.' });
      await panel.sendAndWait('Before', 'complete');
      await newChat(page);

      const chunks = words('d', 60);
      const full = chunks.join('');
      server.enqueue({ chunks, chunkDelayMs: 100 });
      const mine = await panel.send('Fill the disk');
      await expect
        .poll(async () => (await panel.lastAssistant().textContent()) ?? '', { timeout: 10_000 })
        .toContain('d3 ');
      // Every byte left goes to two files (large blocks, then the last small ones).
      execSync(
        `dd if=/dev/zero of=${dir}/filler bs=1M status=none; dd if=/dev/zero of=${dir}/filler2 bs=4k status=none; true`,
        { stdio: 'ignore' },
      );
      await page
        .getByRole('alert')
        .filter({ hasText: "couldn't save this reply" })
        .waitFor({ timeout: 15_000 });
      await panel.waitForState('complete', mine, 20_000);
      expect(await panel.lastAssistant().textContent()).toContain('d59');
      const markdown = await download(page, 'Export Markdown');
      expect(markdown).toContain(full.trim());

      rmSync(path.join(dir, 'filler'), { force: true });
      rmSync(path.join(dir, 'filler2'), { force: true });
      const freedAt = Date.now();
      await expect
        .poll(
          async () => {
            const stored = await readStore<ChatMessage>(page, 'messages').catch(() => []);
            const reply = stored.find((m) => m.content.startsWith('d0 '));
            return `${reply?.state.kind}:${reply?.content.length}`;
          },
          { timeout: 20_000 },
        )
        .toBe(`complete:${full.length}`);
      const savedAfterMs = Date.now() - freedAt;

      await page.reload();
      await panel.waitForState('complete');
      expect(await panel.lastAssistant().textContent()).toContain('d59');
      await page.getByRole('button', { name: 'Conversations', exact: true }).click();
      // The chat left behind ends in a complete reply too: wait for the opened chat's own.
      await panel.markReplies();
      await page
        .getByRole('navigation', { name: 'Conversations' })
        .getByRole('button', { name: /^Before/ })
        .click();
      await panel.waitForState('complete', panel.newReply());
      expect(await panel.lastAssistant().textContent()).toContain('Saved before the disk filled.');
      row.figure(
        `reply saved ${savedAfterMs} ms after space was freed; export ${full.length}/${full.length} chars`,
      );
    } finally {
      await parley.close({ keepProfile: true }).catch(() => undefined);
      await server.close();
    }
  });
});
