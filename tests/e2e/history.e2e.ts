/**
 * Conversation history and daily use (issue 6): list, titles, rename, search, pin, delete with
 * undo, export/import, draft, keyboard, long conversations, themes and accessibility.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newChat, startE2E, stopE2E, type E2E } from './support/setup';
import { PanelPage } from './support/panel';
import { axeViolations } from './support/axe';

let e2e: E2E;
const drawer = () => e2e.panel.page.getByRole('navigation', { name: 'Conversations' });
const openDrawer = async () => {
  if (!(await drawer().isVisible()))
    await e2e.panel.page.getByRole('button', { name: 'Conversations', exact: true }).click();
  await drawer().waitFor();
};
const closeDrawer = async () => {
  if (await drawer().isVisible())
    await e2e.panel.page.getByRole('button', { name: 'Conversations', exact: true }).click();
};

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await stopE2E(e2e);
});

async function chat(text: string) {
  await newChat(e2e.panel.page);
  await e2e.panel.sendAndWait(text, 'complete');
}

describe('history', () => {
  it('lists conversations with model-written titles; rename, search with snippets, pin', async () => {
    await chat('Alpha question about channels');
    await chat('Beta question about pasta sauce');
    await openDrawer();
    await drawer()
      .getByRole('button', { name: /^Beta question about pasta \(titled\)/ })
      .waitFor();
    await drawer().getByRole('region', { name: 'Today' }).waitFor();

    await e2e.panel.rowAction(/Alpha question about channels/, 'Rename');
    await drawer().getByRole('textbox', { name: 'Conversation title' }).fill('Channels, renamed');
    await drawer().getByRole('button', { name: 'Save title' }).click();
    await drawer()
      .getByRole('button', { name: /^Channels, renamed/ })
      .waitFor();

    await drawer().getByRole('searchbox', { name: 'Search conversations' }).fill('pasta');
    const results = drawer().getByRole('list', { name: 'Search results' });
    await results.locator('mark', { hasText: 'pasta' }).first().waitFor();
    expect(await results.getByRole('listitem').count()).toBe(1);
    await e2e.panel.page.screenshot({ path: 'test-results/panel-search.png' });
    await drawer().getByRole('searchbox', { name: 'Search conversations' }).fill('');

    await e2e.panel.rowAction(/Channels, renamed/, 'Pin');
    await drawer()
      .getByRole('region', { name: 'Pinned' })
      .getByRole('button', { name: /^Channels, renamed/ })
      .waitFor();
    await e2e.panel.page.screenshot({ path: 'test-results/panel-history.png' });

    await drawer()
      .getByRole('button', { name: /^Channels, renamed/ })
      .click();
    await e2e.panel.userMessages.getByText('Alpha question about channels').waitFor();
  });

  it('delete with Undo restores; without it the conversation is gone', async () => {
    await chat('Gamma to be deleted');
    await openDrawer();
    await e2e.panel.rowAction(/Gamma to be deleted/, 'Delete');
    await e2e.panel.page.getByRole('button', { name: 'Undo' }).click();
    await drawer()
      .getByRole('button', { name: /^Gamma to be deleted/ })
      .waitFor();
    await e2e.panel.rowAction(/Gamma to be deleted/, 'Delete');
    await expect
      .poll(() =>
        drawer()
          .getByRole('button', { name: /^Gamma to be deleted/ })
          .count(),
      )
      .toBe(0);
    await e2e.panel.page
      .getByRole('button', { name: 'Undo' })
      .waitFor({ state: 'detached', timeout: 10_000 });
    await e2e.panel.page.reload();
    e2e.panel = new PanelPage(e2e.panel.page);
    await openDrawer();
    await drawer()
      .getByRole('button', { name: /^Channels, renamed/ })
      .waitFor();
    await expect
      .poll(() =>
        drawer()
          .getByRole('button', { name: /^Gamma to be deleted/ })
          .count(),
      )
      .toBe(0);
  });

  it('exports all and imports back: merged, never duplicated; a malformed file changes nothing', async () => {
    await openDrawer();
    const download = e2e.panel.page.waitForEvent('download');
    await drawer().getByRole('button', { name: 'Export all' }).click();
    const exported = readFileSync(await (await download).path(), 'utf8');
    const data = JSON.parse(exported) as { conversations: { conversation: { title: string } }[] };
    expect(data.conversations.map((c) => c.conversation.title)).toContain('Channels, renamed');

    const file = path.join(tmpdir(), `parley-export-${Date.now()}.json`);
    writeFileSync(file, exported);
    await drawer().getByLabel('Import conversations').setInputFiles(file);
    await drawer()
      .getByText(/Imported 0 conversations and 0 messages/)
      .waitFor();

    const broken = path.join(tmpdir(), `parley-broken-${Date.now()}.json`);
    writeFileSync(
      broken,
      '{"format":"parley.conversations","version":1,"conversations":[{"conversation":{}}]}',
    );
    await drawer().getByLabel('Import conversations').setInputFiles(broken);
    await drawer().getByRole('alert').getByText('Nothing was imported').waitFor();

    await closeDrawer();
    const md = e2e.panel.page.waitForEvent('download');
    await e2e.panel.moreAction('Export Markdown');
    const markdown = readFileSync(await (await md).path(), 'utf8');
    expect(markdown).toMatch(/^# /);
    expect(markdown).toContain('## You');
    const one = e2e.panel.page.waitForEvent('download');
    await e2e.panel.moreAction('Export JSON');
    const single = JSON.parse(readFileSync(await (await one).path(), 'utf8'));
    expect(single.conversations).toHaveLength(1);
    await openDrawer();

    const again = e2e.panel.page.waitForEvent('download');
    await drawer().getByRole('button', { name: 'Export all' }).click();
    const second = JSON.parse(readFileSync(await (await again).path(), 'utf8'));
    expect(second.conversations.length).toBe(data.conversations.length);
    await closeDrawer();
  });

  it('keeps the draft when the panel closes and reopens', async () => {
    await newChat(e2e.panel.page);
    await e2e.panel.composer.fill('half-written thought');
    await e2e.panel.page.waitForTimeout(400);
    await e2e.panel.page.close();
    e2e.panel = new PanelPage(await e2e.parley.openPanel());
    await expect.poll(() => e2e.panel.composer.inputValue()).toBe('half-written thought');
    // Clearing it is remembered too.
    await e2e.panel.composer.fill('');
    await e2e.panel.page.waitForTimeout(400);
    await e2e.panel.page.reload();
    e2e.panel = new PanelPage(e2e.panel.page);
    await e2e.panel.composer.waitFor();
    await e2e.panel.page.waitForTimeout(300);
    expect(await e2e.panel.composer.inputValue()).toBe('');
  });

  it('Esc stops a reply; Up in an empty composer edits the last message', async () => {
    const { panel, server } = e2e;
    await newChat(panel.page);
    server.enqueue({ chunks: Array.from({ length: 50 }, (_, i) => `e${i} `), chunkDelayMs: 60 });
    const reply = await panel.send('long one');
    await reply.getByText('e2').waitFor();
    await panel.page.keyboard.press('Escape');
    await panel.waitForState('stopped', reply);
    await panel.composer.focus();
    await panel.composer.press('ArrowUp');
    expect(await panel.composer.inputValue()).toBe('long one');
    await panel.composer.fill('short one');
    await panel.composer.press('Enter');
    await panel.userMessages.last().getByText('2 / 2').waitFor();
  });

  it('a seeded 500-message conversation opens with the last message visible', async () => {
    const { panel } = e2e;
    const id = await panel.page.evaluate(async () => {
      const conversationId = `seed-${Date.now()}`;
      const now = Date.now();
      const messages = Array.from({ length: 500 }, (_, i) => ({
        id: `${conversationId}-${i}`,
        conversationId,
        parentId: i === 0 ? null : `${conversationId}-${i - 1}`,
        role: i % 2 === 0 ? 'user' : 'assistant',
        content:
          i % 2 === 0
            ? `Question ${i}`
            : `Answer ${i}: ${'lorem ipsum '.repeat(20)}\n\n\`\`\`js\nconsole.log(${i});\n\`\`\``,
        attachments: [],
        state: { kind: 'complete' },
        createdAt: now + i,
        updatedAt: now + i,
      }));
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('parley');
        open.onsuccess = () => {
          const tx = open.result.transaction(['conversations', 'messages'], 'readwrite');
          tx.objectStore('conversations').put({
            id: conversationId,
            title: 'Seeded long chat',
            createdAt: now,
            updatedAt: now + 1000,
            model: 'parley-test-model',
            systemPrompt: '',
            currentLeafId: `${conversationId}-499`,
          });
          for (const m of messages) tx.objectStore('messages').put(m);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      });
      return conversationId;
    });
    expect(id).toMatch(/^seed-/);
    await panel.page.reload();
    e2e.panel = new PanelPage(panel.page);
    const last = e2e.panel.page.locator('article').filter({ hasText: 'Answer 499' });
    await last.waitFor();
    await expect
      .poll(() =>
        last.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top < window.innerHeight && r.bottom > 0;
        }),
      )
      .toBe(true);
    // Windowed: only the newest messages render; earlier ones come on request or on scroll.
    expect(await e2e.panel.page.locator('article').count()).toBeLessThanOrEqual(30);
    // The button alone, without scrolling to it: a scroll near the top loads earlier messages by
    // itself, so a click that first scrolls the button into view could load two steps.
    await e2e.panel.page.getByRole('button', { name: /earlier messages/ }).dispatchEvent('click');
    await expect.poll(() => e2e.panel.page.locator('article').count()).toBe(60);
  });

  it('has no axe violations in light and dark, panel and options', async () => {
    const { panel, parley } = e2e;
    for (const scheme of ['light', 'dark'] as const) {
      await panel.page.emulateMedia({ colorScheme: scheme });
      await openDrawer();
      const violations = await axeViolations(panel.page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      await closeDrawer();
      await panel.page.screenshot({ path: `test-results/panel-${scheme}.png` });
      const options = await parley.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${parley.extensionId}/options.html`);
      await options.getByRole('textbox', { name: 'Base URL', exact: true }).waitFor();
      const optionViolations = await axeViolations(options);
      expect(optionViolations, JSON.stringify(optionViolations, null, 1)).toEqual([]);
      await options.close();
    }
    await panel.page.emulateMedia({ colorScheme: 'light' });
  });
});
