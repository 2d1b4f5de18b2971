/** A page object for the side panel: what a user does, by role and accessible name (DESIGN §6). */
import type { Locator, Page } from 'playwright-core';

/** Marks the replies that were on screen before an action (see `markReplies`). */
const SEEN = 'data-e2e-seen';

export class PanelPage {
  constructor(readonly page: Page) {}

  get composer(): Locator {
    return this.page.getByRole('textbox', { name: 'Message' });
  }
  get sendButton(): Locator {
    return this.page.getByRole('button', { name: 'Send', exact: true });
  }
  get stopButton(): Locator {
    return this.page.getByRole('button', { name: 'Stop generating' });
  }
  get assistantMessages(): Locator {
    return this.page.locator('article[data-message-role="assistant"]');
  }
  get userMessages(): Locator {
    return this.page.locator('article[data-message-role="user"]');
  }
  lastAssistant(): Locator {
    return this.assistantMessages.last();
  }

  /** Configures an OpenAI-compatible endpoint through the settings UI, as a user would. */
  async configure(baseURL: string, apiKey = 'sk-test-key'): Promise<void> {
    const { page } = this;
    const settingsOpen = await page
      .getByRole('textbox', { name: 'Base URL', exact: true })
      .isVisible();
    if (!settingsOpen) await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Provider', { exact: true }).selectOption('custom');
    await page.getByRole('textbox', { name: 'Base URL', exact: true }).fill(baseURL);
    await page.getByLabel('API key', { exact: true }).fill(apiKey);
    await page.getByRole('button', { name: 'Load models' }).click();
    await page.getByText(/models? available/).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.composer.waitFor();
  }

  /** The header's "More actions" menu: opens it and picks `item` (DESIGN §6 names). */
  async moreAction(
    item: 'Chat settings' | 'Export Markdown' | 'Export JSON' | 'Delete chat',
  ): Promise<void> {
    // Replies have a "More actions" menu of their own: this is the header's.
    await this.page
      .locator('header.panel-header')
      .getByRole('button', { name: 'More actions', exact: true })
      .click();
    await this.page.getByRole('menuitem', { name: item, exact: true }).click();
  }

  get drawer(): Locator {
    return this.page.getByRole('navigation', { name: 'Conversations' });
  }

  /** Opens the Conversations drawer (an overlay) unless it is open. */
  async openDrawer(): Promise<void> {
    if (!(await this.drawer.isVisible()))
      await this.page.getByRole('button', { name: 'Conversations', exact: true }).click();
    await this.drawer.waitFor();
  }

  /** Closes the drawer with Escape, as a user would, unless it is closed. */
  async closeDrawer(): Promise<void> {
    if (await this.drawer.isVisible()) await this.page.keyboard.press('Escape');
    await this.drawer.waitFor({ state: 'hidden' });
  }

  /** A row's menu in the drawer ("Actions for <title>"): opens it and picks `item`. */
  async rowAction(
    title: string | RegExp,
    item: 'Rename' | 'Pin' | 'Unpin' | 'Delete',
  ): Promise<void> {
    const name =
      typeof title === 'string'
        ? `Actions for ${title}`
        : new RegExp(`^Actions for ${title.source.replace(/^\^/, '')}`);
    await this.drawer.getByRole('button', { name }).first().click();
    await this.page.getByRole('menuitem', { name: item, exact: true }).click();
  }

  /** Opens a reply's "More actions" menu and picks an item (issue 16: rare actions live there). */
  async replyMenu(item: string, reply: Locator = this.lastAssistant()): Promise<void> {
    await reply.getByRole('button', { name: 'More actions' }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /**
   * Marks every reply on screen now, so `newReply()` finds only an article that appears after.
   * A mark, not a count: a regenerate or retry replaces an article in place (a new message id
   * is a new element), and the list's window drops the oldest article as a new one arrives.
   */
  async markReplies(): Promise<void> {
    await this.page.evaluate((attr) => {
      for (const el of document.querySelectorAll('article[data-message-role="assistant"]'))
        el.setAttribute(attr, '');
    }, SEEN);
  }

  /** The newest reply not on screen at the last `markReplies()`: the one a send or retry made. */
  newReply(): Locator {
    return this.page.locator(`article[data-message-role="assistant"]:not([${SEEN}])`).last();
  }

  /**
   * Sends `text` and returns its own reply: waiting on `lastAssistant()` instead passes at once
   * when the last reply is an earlier, already complete one.
   */
  async send(text: string): Promise<Locator> {
    await this.markReplies();
    await this.composer.fill(text);
    await this.composer.press('Enter');
    return this.newReply();
  }

  /** Sends `text` and waits for this send's own reply to reach `state`. */
  async sendAndWait(text: string, state = 'complete', timeout?: number): Promise<Locator> {
    const reply = await this.send(text);
    await this.waitForState(state, reply, timeout);
    return reply;
  }

  /**
   * Runs `act` (Regenerate, Retry…) and waits for the reply it makes to reach `state`;
   * the reply on screen before `act` does not count, even when it is already in that state.
   */
  async replyAfter(
    act: () => Promise<unknown>,
    state = 'complete',
    timeout?: number,
  ): Promise<Locator> {
    await this.markReplies();
    await act();
    const reply = this.newReply();
    await this.waitForState(state, reply, timeout);
    return reply;
  }

  async waitForState(
    state: string,
    message: Locator = this.lastAssistant(),
    timeout = 15_000,
  ): Promise<void> {
    await message.and(this.page.locator(`[data-state="${state}"]`)).waitFor({ timeout });
  }
}
