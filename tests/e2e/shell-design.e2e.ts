/**
 * The panel's frame after the design pass (issue 16): a one-row header with More actions, the
 * history as an overlay drawer with a menu per row, the composer's icon buttons and attach
 * popover, starter prompts, a meter that never drops mid-stream, Chat settings and the delete
 * dialog as surfaces that Escape closes with the focus given back. Screenshots go to
 * /tmp/shots-shell for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchParley, type Parley } from './support/launch';
import { PanelPage } from './support/panel';
import { newChat, patchSettings, startE2E, stopE2E, type E2E } from './support/setup';
import { startMockServer, type MockServer } from '../server/mock-openai.mjs';

const SHOTS = '/tmp/shots-shell';
mkdirSync(SHOTS, { recursive: true });

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await stopE2E(e2e);
});

const page = () => e2e.panel.page;
const focusedName = (p: Page) =>
  p.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

async function chat(text: string): Promise<void> {
  await newChat(page());
  await e2e.panel.sendAndWait(text, 'complete');
}

/** Top and bottom of every control in the header: one row means they share one line's band. */
async function headerBand(p: Page): Promise<{ spread: number; height: number; count: number }> {
  return p.evaluate(() => {
    const header = document.querySelector('.panel-header')!;
    const boxes = [...header.querySelectorAll('button, img, h1')].map((el) =>
      el.getBoundingClientRect(),
    );
    const tops = boxes.map((b) => b.top);
    const bottoms = boxes.map((b) => b.bottom);
    return {
      spread: Math.max(...bottoms) - Math.min(...tops),
      height: header.getBoundingClientRect().height,
      count: boxes.length,
    };
  });
}

describe('header', () => {
  it('is one row at 320, 400 and 600 px, with the title and the model truncating', async () => {
    await chat('A rather long question about goroutines, channels and closing them properly');
    for (const width of [320, 400, 600]) {
      await page().setViewportSize({ width, height: 700 });
      const band = await headerBand(page());
      // Conversations, icon, title, New chat, More actions, Settings.
      expect(band.count).toBe(6);
      expect(band.spread, `${width} px`).toBeLessThanOrEqual(36);
      expect(band.height, `${width} px`).toBeLessThanOrEqual(48);
      const overflow = await page().evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(overflow).toBe(false);
      await page().screenshot({ path: `${SHOTS}/header-${width}.png` });
    }
    const title = page().locator('.panel-header h1');
    expect(await title.getAttribute('title')).toMatch(/goroutines|A rather long/);
    expect(await page().locator('.panel-header .model-name').textContent()).toBe(
      'parley-test-model',
    );
    await page().setViewportSize({ width: 400, height: 900 });
  });

  it('More actions: Export JSON downloads, Chat settings opens and Escape closes it', async () => {
    await chat('Something to export');
    const download = page().waitForEvent('download');
    await e2e.panel.moreAction('Export JSON');
    expect((await download).suggestedFilename()).toMatch(/\.json$/);

    await e2e.panel.moreAction('Chat settings');
    const model = page().getByRole('textbox', { name: 'Model for this chat' });
    await model.waitFor();
    await expect.poll(() => model.evaluate((el) => el === document.activeElement)).toBe(true);
    await page().screenshot({ path: `${SHOTS}/chat-settings-400.png` });
    expect(await axeViolations(page())).toEqual([]);
    await page().keyboard.press('Escape');
    await model.waitFor({ state: 'hidden' });
    expect(await focusedName(page())).toBe('More actions');
  });

  it('Delete chat asks in a dialog with the right plural, and Escape cancels it', async () => {
    await chat('A conversation with a rating');
    await e2e.panel.lastAssistant().getByRole('button', { name: 'Good response' }).click();
    await e2e.panel.moreAction('Delete chat');
    const dialog = page().getByRole('alertdialog', { name: 'Delete this conversation?' });
    await dialog.getByText('It has 1 rating or comparison.').waitFor();
    for (const name of ['Cancel', 'Delete with ratings', 'Delete, keep ratings'])
      await dialog.getByRole('button', { name, exact: true }).waitFor();
    await page().screenshot({ path: `${SHOTS}/delete-dialog-400.png` });
    expect(await axeViolations(page())).toEqual([]);
    await page().keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedName(page())).toBe('More actions');
    expect(await e2e.panel.userMessages.count()).toBe(1);
  });
});

describe('drawer', () => {
  it('overlays the chat, closes on Escape and on the backdrop, focus back on Conversations', async () => {
    await chat('First message stays put');
    const first = e2e.panel.userMessages.first();
    const before = await first.boundingBox();
    await e2e.panel.openDrawer();
    expect(await first.boundingBox()).toEqual(before);
    await page().screenshot({ path: `${SHOTS}/drawer-400.png` });
    expect(await axeViolations(page())).toEqual([]);
    await page().keyboard.press('Escape');
    await e2e.panel.drawer.waitFor({ state: 'hidden' });
    expect(await focusedName(page())).toBe('Conversations');

    await e2e.panel.openDrawer();
    // The backdrop is what shows beside the drawer: the inline-end edge of the panel.
    const size = page().viewportSize()!;
    await page().mouse.click(size.width - 10, size.height / 2);
    await e2e.panel.drawer.waitFor({ state: 'hidden' });
  });

  it('each row is one button that opens the chat, and its menu renames, pins and deletes', async () => {
    await chat('Row menu alpha');
    await chat('Row menu beta');
    await e2e.panel.openDrawer();
    const drawer = e2e.panel.drawer;
    await drawer.getByRole('button', { name: /^Row menu alpha/ }).waitFor();

    await e2e.panel.rowAction(/Row menu alpha/, 'Rename');
    const field = drawer.getByRole('textbox', { name: 'Conversation title' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('Alpha, renamed');
    await drawer.getByRole('button', { name: 'Save title' }).click();
    await drawer.getByRole('button', { name: /^Alpha, renamed/ }).waitFor();

    await e2e.panel.rowAction('Alpha, renamed', 'Pin');
    await drawer.getByRole('region', { name: 'Pinned' }).waitFor();
    await e2e.panel.rowAction('Alpha, renamed', 'Unpin');
    await drawer.getByRole('region', { name: 'Pinned' }).waitFor({ state: 'detached' });

    const navTop = (await drawer.boundingBox())!.y;
    await e2e.panel.rowAction(/Row menu beta/, 'Delete');
    const toast = page().getByRole('status').filter({ hasText: 'Conversation deleted.' });
    await toast.waitFor();
    expect(await drawer.getByRole('button', { name: /^Row menu beta/ }).count()).toBe(0);
    // The toast floats: the drawer and its search box do not move down for it.
    expect((await drawer.boundingBox())!.y).toBe(navTop);
    expect(await toast.evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
    await page().screenshot({ path: `${SHOTS}/drawer-undo-400.png` });
    await page().getByRole('button', { name: 'Undo' }).click();
    await drawer.getByRole('button', { name: /^Row menu beta/ }).waitFor();

    // Opening from the row itself: one click, the drawer closes.
    await drawer.getByRole('button', { name: /^Alpha, renamed/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    await e2e.panel.userMessages.getByText('Row menu alpha').waitFor();
  });
});

describe('composer and empty chat', () => {
  it('a suggestion fills the composer and focuses it, without sending', async () => {
    await newChat(page());
    e2e.server.reset();
    const group = page().getByRole('group', { name: 'Suggestions' });
    expect(await group.getByRole('button').count()).toBe(4);
    for (const width of [320, 600]) {
      await page().setViewportSize({ width, height: 700 });
      await page().screenshot({ path: `${SHOTS}/empty-${width}.png` });
    }
    await page().setViewportSize({ width: 400, height: 900 });
    expect(await axeViolations(page())).toEqual([]);
    await group.getByRole('button', { name: /Explain a theorem/ }).click();
    expect(await e2e.panel.composer.inputValue()).toBe("Explain Fermat's little theorem");
    expect(await focusedName(page())).toBe('Message');
    await group.getByRole('button', { name: /Check a premise/ }).click();
    expect(await e2e.panel.composer.inputValue()).toBe(
      'Tell me about when Christopher Columbus came to the US in 2015',
    );
    await group.getByRole('button', { name: /Debug this code/ }).click();
    expect(await e2e.panel.composer.inputValue()).toContain('resultWorkerErr := make(chan error)');
    await page().waitForTimeout(300);
    expect(await e2e.panel.userMessages.count()).toBe(0);
    expect(e2e.server.chatRequests()).toHaveLength(0);
    await e2e.panel.composer.fill('');
  });

  it('the attach button opens a popover of buttons; Escape closes it onto the button', async () => {
    await newChat(page());
    await page().getByRole('button', { name: 'Add context', exact: true }).click();
    const add = page().getByRole('button', { name: 'Add page selection', exact: true });
    await add.waitFor();
    expect(await page().getByRole('menu').count()).toBe(0);
    await page().screenshot({ path: `${SHOTS}/attach-400.png` });
    await page().keyboard.press('Escape');
    await add.waitFor({ state: 'hidden' });
    expect(await focusedName(page())).toBe('Add context');
  });

  it('the meter is absent on an empty chat and does not drop while a reply streams', async () => {
    await newChat(page());
    await page().waitForTimeout(700);
    expect(await page().getByRole('meter', { name: 'Context used' }).count()).toBe(0);

    await e2e.panel.sendAndWait('The first turn, to have something to count', 'complete');
    const meter = page().getByRole('meter', { name: 'Context used' });
    const value = async () => Number(await meter.getAttribute('value'));
    await meter.waitFor();
    const afterFirst = await value();
    await e2e.panel.composer.fill(
      'A second question, a little longer than the first one. [[slow]]',
    );
    await expect.poll(value).toBeGreaterThan(afterFirst);
    const withDraft = await value();
    await e2e.panel.markReplies();
    await e2e.panel.composer.press('Enter');
    const second = e2e.panel.newReply();
    await e2e.panel.waitForState('streaming', second);
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      seen.push(await value());
      await page().waitForTimeout(150);
    }
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(withDraft);
    await e2e.panel.stopButton.click();
    await e2e.panel.waitForState('stopped', second);
    await expect.poll(value).toBeGreaterThan(withDraft);
  });
});

describe('dark', () => {
  it('the drawer, the menus, Chat settings and the dialog have no axe violations in dark', async () => {
    await page().emulateMedia({ colorScheme: 'dark' });
    try {
      await expect
        .poll(() => page().evaluate(() => document.documentElement.dataset.theme))
        .toBe('dark');
      await chat('A dark question');
      await e2e.panel.lastAssistant().getByRole('button', { name: 'Good response' }).click();
      await page().keyboard.press('Escape');
      await e2e.panel.openDrawer();
      await page().screenshot({ path: `${SHOTS}/dark-drawer-400.png` });
      expect(await axeViolations(page())).toEqual([]);
      await e2e.panel.closeDrawer();
      await page()
        .locator('header.panel-header')
        .getByRole('button', { name: 'More actions' })
        .click();
      await page().screenshot({ path: `${SHOTS}/dark-more-400.png` });
      expect(await axeViolations(page())).toEqual([]);
      await page().getByRole('menuitem', { name: 'Chat settings' }).click();
      await page().getByRole('textbox', { name: 'Model for this chat' }).waitFor();
      expect(await axeViolations(page())).toEqual([]);
      await page().keyboard.press('Escape');
      await e2e.panel.moreAction('Delete chat');
      await page().getByRole('alertdialog').waitFor();
      await page().screenshot({ path: `${SHOTS}/dark-dialog-400.png` });
      expect(await axeViolations(page())).toEqual([]);
      await page().keyboard.press('Escape');
    } finally {
      await page().emulateMedia({ colorScheme: 'light' });
    }
  });
});

describe('Arabic', () => {
  let parley: Parley;
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
    parley = await launchParley({ locale: 'ar' });
  });
  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  it('mirrors the header and opens the drawer from the inline-start (right) side', async () => {
    const p = await parley.openPanel();
    await p.getByRole('textbox').first().waitFor();
    await patchSettings(p, {
      provider: 'openai-compatible',
      baseUrl: server.baseURL,
      model: 'parley-test-model',
    });
    await p.reload();
    const panel = new PanelPage(p);
    const composer = p.getByRole('textbox', { name: 'رسالة' });
    await composer.fill('مرحبا');
    // The panel reopens the latest chat: its last reply may be an earlier, complete one.
    await panel.markReplies();
    await composer.press('Enter');
    await panel.waitForState('complete', panel.newReply());
    expect(await p.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const conversations = p.getByRole('button', { name: 'المحادثات', exact: true });
    const settings = p.getByRole('button', { name: 'الإعدادات', exact: true });
    expect((await conversations.boundingBox())!.x).toBeGreaterThan(
      (await settings.boundingBox())!.x,
    );
    for (const width of [320, 400]) {
      await p.setViewportSize({ width, height: 700 });
      expect((await headerBand(p)).spread).toBeLessThanOrEqual(36);
      await p.screenshot({ path: `${SHOTS}/ar-header-${width}.png` });
    }
    await conversations.click();
    const drawer = p.getByRole('navigation', { name: 'المحادثات' });
    await drawer.waitFor();
    const box = (await drawer.boundingBox())!;
    expect(Math.round(box.x + box.width)).toBeGreaterThanOrEqual(p.viewportSize()!.width - 1);
    await p.waitForTimeout(200);
    await p.screenshot({ path: `${SHOTS}/ar-drawer-400.png` });
    await p.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await p.locator('header').getByRole('button', { name: 'إجراءات أخرى' }).click();
    await p.getByRole('menuitem', { name: 'إعدادات المحادثة' }).click();
    await p.getByRole('textbox', { name: 'نموذج هذه المحادثة' }).waitFor();
    await p.screenshot({ path: `${SHOTS}/ar-chat-settings-400.png` });
  });
});
