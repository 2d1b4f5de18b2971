/**
 * Rating, regenerating, comparing, branching and exporting (issue 5), as a user does them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setUpE2E } from './support/setup';
import { readStore } from './support/idb';
import { PanelPage } from './support/panel';

const e2e = setUpE2E();

type Msgs = { messages: { role: string; content: string }[] };

describe('feedback', () => {
  it('a thumbs-down with reasons and a comment persists across a panel reload', async () => {
    const { panel } = e2e;
    await panel.sendAndWait('Is the earth flat?', 'complete');
    const reply = panel.lastAssistant();
    await reply.getByRole('button', { name: 'Bad response' }).click();
    await reply.getByLabel("This isn't true").check();
    await reply.getByLabel('This is harmful / unsafe').check();
    await reply.getByLabel('Comment').fill('It should have corrected me.');
    await panel.page.screenshot({ path: 'test-results/panel-rating-form.png' });
    await reply.getByRole('button', { name: 'Submit' }).click();
    await panel.page.emulateMedia({ colorScheme: 'dark' });
    await panel.page.screenshot({ path: 'test-results/panel-rated-dark.png' });
    await panel.page.emulateMedia({ colorScheme: 'light' });
    expect(
      await reply.getByRole('button', { name: 'Bad response' }).getAttribute('aria-pressed'),
    ).toBe('true');

    await panel.page.reload();
    const reloaded = new PanelPage(panel.page);
    await reloaded.waitForState('complete');
    const button = reloaded.lastAssistant().getByRole('button', { name: 'Bad response' });
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    const ratings = await readStore<{ value: string; reasons: string[]; comment: string }>(
      panel.page,
      'ratings',
    );
    expect(ratings.at(-1)).toMatchObject({
      value: 'bad',
      reasons: ['untrue', 'harmful'],
      comment: 'It should have corrected me.',
    });
    // Changing one's mind: thumbs up replaces it, pressing again takes it back.
    await reloaded.lastAssistant().getByRole('button', { name: 'Good response' }).click();
    expect(
      await reloaded
        .lastAssistant()
        .getByRole('button', { name: 'Bad response' })
        .getAttribute('aria-pressed'),
    ).toBe('false');
    await reloaded.lastAssistant().getByRole('button', { name: 'Good response' }).click();
    await expect
      .poll(async () => (await readStore(panel.page, 'ratings')).length)
      .toBe(ratings.length - 1);
  });

  it('regenerate twice keeps all three replies, pages between them, and continues from the one shown', async () => {
    const { panel, server } = e2e;
    server.enqueue({ text: 'Reply one.' }, { text: 'Reply two.' }, { text: 'Reply three.' });
    await panel.sendAndWait('Write a haiku', 'complete');
    await panel.markReplies();
    await panel.lastAssistant().getByRole('button', { name: 'Regenerate' }).click();
    await panel.lastAssistant().getByText('Reply two.').waitFor();
    await panel.waitForState('complete', panel.newReply());
    await panel.lastAssistant().getByRole('button', { name: 'Better' }).click();
    await panel.markReplies();
    await panel.lastAssistant().getByRole('button', { name: 'Regenerate' }).click();
    await panel.lastAssistant().getByText('Reply three.').waitFor();
    await panel.waitForState('complete', panel.newReply());
    await panel.lastAssistant().getByText('3 / 3').waitFor();
    await panel.lastAssistant().getByRole('button', { name: 'Same' }).click();

    await panel.lastAssistant().getByRole('button', { name: 'Previous response' }).click();
    await panel.lastAssistant().getByText('2 / 3').waitFor();
    expect(await panel.lastAssistant().textContent()).toContain('Reply two.');
    await panel.lastAssistant().getByRole('button', { name: 'Previous response' }).click();
    expect(await panel.lastAssistant().textContent()).toContain('Reply one.');
    await panel.lastAssistant().getByRole('button', { name: 'Next response' }).click();
    await panel.lastAssistant().getByText('2 / 3').waitFor();
    await panel.lastAssistant().getByRole('button', { name: 'Bad response' }).click();
    await panel.page.screenshot({ path: 'test-results/panel-pager-rating.png' });
    await panel.lastAssistant().getByRole('button', { name: 'Close' }).click();

    await panel.send('Now make it rhyme');
    const requests = await server.waitForRequests(4);
    const last = requests.at(-1)?.body as Msgs;
    expect(last.messages.map((m) => m.content)).toContain('Reply two.');
    expect(last.messages.map((m) => m.content)).not.toContain('Reply three.');

    const comparisons = await readStore<{ kind: string; ties?: boolean; ranking: string[] }>(
      panel.page,
      'comparisons',
    );
    expect(comparisons.filter((c) => c.kind === 'pair')).toHaveLength(2);
    expect(comparisons.some((c) => c.ties === true)).toBe(true);
  });

  it('compare three alternatives, rank them, and export them as preference pairs', async () => {
    const { panel, server } = e2e;
    server.enqueue({ text: 'Original.' });
    await panel.sendAndWait('Name a colour', 'complete');
    server.enqueue({ text: 'Alt red.' }, { text: 'Alt green.' }, { text: 'Alt blue.' });
    await panel.lastAssistant().getByRole('button', { name: 'Compare' }).click();
    await panel.lastAssistant().getByRole('button', { name: 'Generate alternatives' }).click();
    const view = panel.page.getByRole('region', { name: 'Compare responses' });
    await view
      .getByRole('button', { name: 'Save ranking' })
      .and(panel.page.locator(':enabled'))
      .waitFor();
    const cards = view.getByRole('listitem');
    expect(await cards.count()).toBe(3);
    const texts = await cards.allTextContents();
    // Move the last alternative to the top, then save: it continues the conversation.
    await cards.nth(2).getByRole('button', { name: 'Move up' }).click();
    await cards.nth(1).getByRole('button', { name: 'Move up' }).click();
    const order = await view.getByRole('listitem').allTextContents();
    expect(order[0]).toBe(texts[2]);
    await view.getByRole('button', { name: 'Save ranking' }).click();
    expect(await view.count()).toBe(0);
    const best = /Alt \w+\./.exec(order[0] ?? '')?.[0] ?? '';
    expect(await panel.lastAssistant().textContent()).toContain(best);

    await panel.page.getByRole('button', { name: 'Settings', exact: true }).click();
    await panel.page.getByText(/\d+ comparisons/).waitFor();
    const download = panel.page.waitForEvent('download');
    await panel.page.getByRole('button', { name: 'Export preference pairs' }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const fromThis = lines.filter((l) => l.input.messages.at(-1).content === 'Name a colour');
    expect(fromThis).toHaveLength(3);
    expect(fromThis.filter((l) => l.preferred_output[0].content === best)).toHaveLength(2);
    expect(readFileSync(file, 'utf8')).not.toContain('sk-test-key');
    await panel.page.getByRole('button', { name: 'Settings', exact: true }).click();
  });

  it('editing an earlier message creates a branch; both stay reachable', async () => {
    const { panel, server } = e2e;
    server.enqueue({ text: 'About cats.' }, { text: 'About dogs.' });
    await panel.sendAndWait('Tell me about cats', 'complete');
    const user = panel.userMessages.last();
    await user.getByRole('button', { name: 'Edit' }).click();
    await user.getByRole('textbox', { name: 'Edit message' }).fill('Tell me about dogs');
    await user.getByRole('button', { name: 'Send edit' }).click();
    await panel.lastAssistant().getByText('About dogs.').waitFor();
    await panel.userMessages.last().getByText('2 / 2').waitFor();
    await panel.userMessages.last().getByRole('button', { name: 'Previous response' }).click();
    await panel.userMessages.last().getByText('Tell me about cats').waitFor();
    expect(await panel.lastAssistant().textContent()).toContain('About cats.');
  });
});

describe('deleting a rated conversation', () => {
  it('asks whether to keep its ratings, and keeps them when asked to', async () => {
    const { panel } = e2e;
    await panel.sendAndWait('A conversation to delete', 'complete');
    await panel.lastAssistant().getByRole('button', { name: 'Good response' }).click();
    const before = (await readStore(panel.page, 'ratings')).length;
    await panel.moreAction('Delete chat');
    const dialog = panel.page.getByRole('alertdialog', { name: 'Delete this conversation?' });
    await dialog.getByText('It has 1 rating or comparison.').waitFor();
    await dialog.getByRole('button', { name: 'Delete, keep ratings' }).click();
    await expect.poll(() => panel.userMessages.count()).toBe(0);
    expect((await readStore(panel.page, 'ratings')).length).toBe(before);
    await panel.page.reload();
    await new PanelPage(panel.page).composer.waitFor();
    await panel.page.waitForTimeout(300);
    expect(await panel.userMessages.getByText('A conversation to delete').count()).toBe(0);
  });
});
