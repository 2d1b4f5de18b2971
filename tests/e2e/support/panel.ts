/** A page object for the side panel: what a user does, by role and accessible name (DESIGN §6). */
import type { Locator, Page } from 'playwright-core';

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
    await page.getByText(/models available/).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.composer.waitFor();
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  async waitForState(
    state: string,
    message: Locator = this.lastAssistant(),
    timeout = 15_000,
  ): Promise<void> {
    await message.and(this.page.locator(`[data-state="${state}"]`)).waitFor({ timeout });
  }
}
