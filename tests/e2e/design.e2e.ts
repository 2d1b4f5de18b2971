/**
 * The design pass (issue 16), surface by surface: every surface at 320, 400 and 600 px, light and
 * dark, in English and in Arabic (right to left), screenshotted for a person to look at and
 * checked by axe-core. Names are looked up in the locale's own strings, so the Arabic run drives
 * the same controls a user of that language sees.
 *
 * Screenshots: test-results/design/<locale>-<surface>-<width>-<scheme>.png.
 */
import { mkdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';

type Role = Parameters<Page['getByRole']>[0];
import { startMockServer, type MockServer } from '../server/mock-openai.mjs';
import { loadMessages } from '../unit/support/i18n-messages';
import { axeViolations } from './support/axe';
import { launchParley, type Parley } from './support/launch';
import { PanelPage } from './support/panel';

const widths = [320, 400, 600] as const;
const schemes = ['light', 'dark'] as const;
const shots = path.resolve(import.meta.dirname, '../../test-results/design');

type Messages = Awaited<ReturnType<typeof loadMessages>>;
/** A control's name in the locale under test, from the key its component uses. */
const namer = (messages: Messages) => (key: string) => {
  const message = messages[key.replaceAll('.', '_')]?.message;
  if (!message) throw new Error(`no string ${key}`);
  return message;
};

let server: MockServer;
let profile: string;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startMockServer();
  // One profile, configured once in English; each locale's run reopens it in that language.
  profile = mkdtempSync(path.join(tmpdir(), 'parley-design-'));
  const parley = await launchParley({ userDataDir: profile });
  const panel = new PanelPage(await parley.openPanel());
  await panel.configure(server.baseURL);
  await parley.close({ keepProfile: true });
});
afterAll(async () => {
  await server?.close();
});

describe.each(['en', 'ar'])('the panel in %s', (locale) => {
  let parley: Parley;
  let page: Page;
  let name: (key: string) => string;
  const failures: string[] = [];

  beforeAll(async () => {
    name = namer(await loadMessages(locale));
    parley = await launchParley({ userDataDir: profile, locale });
    page = await parley.openPanel();
    await page.locator('html[dir]').waitFor({ state: 'attached' });
  });
  afterAll(async () => {
    await parley?.close({ keepProfile: true });
  });

  /** Screenshots the surface at every width and scheme and runs axe on each. */
  async function capture(surface: string): Promise<void> {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 760 });
      for (const scheme of schemes) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        // Tooltips and transitions settle before the picture and the contrast check.
        await page.mouse.move(0, 0);
        await page.waitForTimeout(150);
        await page.screenshot({ path: `${shots}/${locale}-${surface}-${width}-${scheme}.png` });
        const violations = await axeViolations(page);
        if (violations.length > 0)
          failures.push(`${surface} ${width} ${scheme}: ${JSON.stringify(violations)}`);
      }
    }
    await page.setViewportSize({ width: 400, height: 760 });
    await page.emulateMedia({ colorScheme: 'light' });
  }

  it('mirrors the layout in a right-to-left language', async () => {
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(
      locale === 'ar' ? 'rtl' : 'ltr',
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
  });

  it('empty chat, a streamed code reply, the rating form, compare, an error card', async () => {
    const panel = new PanelPage(page);
    const composer = page.getByRole('textbox', {
      name: name('panel.composer.message'),
      exact: true,
    });
    await page.getByRole('button', { name: name('panel.header.newChat'), exact: true }).click();
    await composer.waitFor();
    await capture('empty-chat');

    await composer.fill('Show me a Go channel example [[code]]');
    await panel.markReplies();
    await composer.press('Enter');
    await panel.waitForState('complete', panel.newReply());
    await capture('code-reply');

    const reply = panel.lastAssistant();
    await reply.getByRole('button', { name: name('chat.actions.bad'), exact: true }).click();
    await capture('rating-form');
    await page.keyboard.press('Escape');

    await panel.replyAfter(() =>
      reply.getByRole('button', { name: name('chat.actions.regenerate'), exact: true }).click(),
    );
    await panel
      .lastAssistant()
      .getByRole('button', { name: name('chat.actions.compare'), exact: true })
      .click();
    await capture('compare');

    server.enqueue({ status: 401, errorCode: 'invalid_api_key' });
    await page.getByRole('button', { name: name('panel.header.newChat'), exact: true }).click();
    await composer.fill('Hello');
    await panel.markReplies();
    await composer.press('Enter');
    await panel.waitForState('error', panel.newReply());
    await capture('error-card');
    expect(failures).toEqual([]);
  });

  it.runIf(locale === 'en')(
    'finds every DESIGN §6 name exactly once where it belongs',
    async () => {
      const panel = new PanelPage(page);
      const once = async (scope: Locator, role: Role, name: string) =>
        expect(
          await scope.getByRole(role, { name, exact: true }).count(),
          `${role} "${name}"`,
        ).toBe(1);
      await page.getByRole('button', { name: 'New chat', exact: true }).click();
      const header = page.locator('header.panel-header');
      for (const label of ['Conversations', 'New chat', 'Settings', 'More actions'])
        await once(header, 'button', label);
      await once(page.locator('body'), 'group', 'Suggestions');
      await once(page.locator('body'), 'textbox', 'Message');
      await once(page.locator('body'), 'button', 'Send');

      await panel.composer.fill('Show me a Go channel example [[code]]');
      await panel.markReplies();
      await panel.composer.press('Enter');
      await panel.waitForState('complete', panel.newReply());
      const reply = panel.lastAssistant();
      for (const label of [
        'Good response',
        'Bad response',
        'Copy',
        'Regenerate',
        'More actions',
        'Copy code',
      ])
        await once(reply, 'button', label);
      await reply.getByRole('button', { name: 'More actions', exact: true }).click();
      await once(page.locator('body'), 'menuitem', 'Report: should have been flagged');
      await page.keyboard.press('Escape');
      await header.getByRole('button', { name: 'More actions', exact: true }).click();
      for (const label of ['Chat settings', 'Export Markdown', 'Export JSON', 'Delete chat'])
        await once(page.locator('body'), 'menuitem', label);
      await page.keyboard.press('Escape');
      await once(panel.userMessages.last(), 'button', 'Edit');
      expect(await panel.userMessages.last().getAttribute('aria-label')).toBe('You said');
      expect(await reply.getAttribute('aria-label')).toBe('Parley said');

      await header.getByRole('button', { name: 'Conversations', exact: true }).click();
      await expect
        .poll(() => page.getByRole('navigation', { name: 'Conversations', exact: true }).count())
        .toBe(1);
      await once(page.locator('body'), 'searchbox', 'Search conversations');
      await page.keyboard.press('Escape');

      await header.getByRole('button', { name: 'Settings', exact: true }).click();
      const settings = page.locator('body');
      await page.getByRole('textbox', { name: 'Base URL', exact: true }).waitFor();
      for (const [role, label] of [
        ['textbox', 'Base URL'],
        ['combobox', 'Model'],
        ['textbox', 'System prompt'],
        ['combobox', 'Moderation'],
        ['button', 'Find local servers'],
        ['button', 'Test connection'],
      ] as const)
        await once(settings, role, label);
      expect(await page.getByLabel('API key', { exact: true }).getAttribute('type')).toBe(
        'password',
      );
      await page.keyboard.press('Escape');
    },
  );

  it('history and settings', async () => {
    const drawer = page.getByRole('navigation', { name: name('drawer.nav') });
    if (!(await drawer.isVisible()))
      await page
        .getByRole('button', { name: name('panel.header.conversations'), exact: true })
        .click();
    await drawer.waitFor();
    await capture('history');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: name('panel.header.settings'), exact: true }).click();
    await page
      .getByRole('textbox', { name: name('settings.connection.baseUrl'), exact: true })
      .waitFor();
    await capture('settings');
    expect(failures).toEqual([]);
  });
});
