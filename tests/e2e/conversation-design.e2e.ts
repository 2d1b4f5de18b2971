/**
 * The conversation's design pass (issue 16), by keyboard as a user works it: Edit moves focus into
 * the edit box and Enter sends it, Escape closes the rating form and gives focus back, an empty
 * reply says so and Retry replaces it, and "not checked" is said once per conversation.
 */
import { describe, expect, it } from 'vitest';
import { setUpE2E } from './support/setup';

const e2e = setUpE2E();
const focusedName = () =>
  e2e.panel.page.evaluate(
    () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
  );

describe('the conversation, by keyboard', () => {
  it('Edit puts the caret in the edit box, Escape gives focus back, Enter sends the edit', async () => {
    const { panel, server } = e2e;
    server.enqueue({ text: 'About cats.' }, { text: 'About dogs.' });
    await panel.sendAndWait('Tell me about cats', 'complete');
    const user = panel.userMessages.last();
    await user.hover();
    await user.getByRole('button', { name: 'Edit', exact: true }).click();
    const box = user.getByRole('textbox', { name: 'Edit message' });
    await expect.poll(focusedName).toBe('Edit message');
    // The caret is at the end of the text, so typing goes on from where the message ended.
    expect(
      await box.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.value.length]),
    ).toEqual([18, 18]);
    await panel.page.keyboard.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
    await expect.poll(focusedName).toBe('Edit');

    await panel.page.keyboard.press('Enter');
    await box.fill('Tell me about dogs');
    await box.press('Enter');
    await panel.lastAssistant().getByText('About dogs.').waitFor();
    expect(await panel.userMessages.last().textContent()).toContain('Tell me about dogs');
  });

  it('Escape closes the rating form and focus goes back to Bad response', async () => {
    const { panel } = e2e;
    await panel.sendAndWait('Is the earth flat?', 'complete');
    const reply = panel.lastAssistant();
    await reply.getByRole('button', { name: 'Bad response', exact: true }).click();
    const reason = panel.page.getByLabel("This isn't true");
    await reason.waitFor();
    await reason.focus();
    await panel.page.keyboard.press('Escape');
    await expect.poll(() => reason.count()).toBe(0);
    await expect.poll(focusedName).toBe('Bad response');
  });

  it('an empty reply says so, and Retry replaces it in place', async () => {
    const { panel, server } = e2e;
    server.enqueue({ chunks: [] }, { text: 'Here is an answer.' });
    await panel.send('Say something');
    await panel.lastAssistant().getByText('The model sent an empty reply.').waitFor();
    await panel.lastAssistant().getByRole('button', { name: 'Retry', exact: true }).click();
    await panel.lastAssistant().getByText('Here is an answer.').waitFor();
    expect(await panel.assistantMessages.count()).toBe(1);
    expect(await panel.page.getByText(/\d+ \/ \d+/).count()).toBe(0);
    expect(await panel.page.getByRole('button', { name: 'Better' }).count()).toBe(0);
  });

  it('"not checked" shows once for a conversation while moderation is unavailable', async () => {
    const { panel, server } = e2e;
    server.moderation.status = 500;
    for (const text of ['One', 'Two', 'Three']) {
      await panel.sendAndWait(text, 'complete');
    }
    await expect
      .poll(() => panel.page.getByText('Not checked: moderation was unavailable.').count())
      .toBe(1);
    // Never inside a reply's action row.
    expect(
      await panel.page
        .locator('.message-actions')
        .getByText(/Not checked/)
        .count(),
    ).toBe(0);
    await panel.page.getByRole('button', { name: 'Moderation settings' }).click();
    await panel.page.getByRole('combobox', { name: 'Moderation', exact: true }).waitFor();
    server.moderation.status = 200;
    await panel.page.keyboard.press('Escape');
  });
});
