/**
 * Retry after an error replaces the error (issue 16): fix the key, press Retry, and the good
 * answer takes the error card's place: no "2 / 2" pager, no better-or-worse question, and a
 * reopened panel shows one reply. A reply interrupted after some text keeps that text.
 */
import { describe, expect, it } from 'vitest';
import { PanelPage } from './support/panel';
import { scenario } from './support/scenario';
import { setUpE2E } from './support/setup';

const e2e = setUpE2E();

describe('retry after an error', () => {
  it('replaces the error card in place: no pager, no comparison, one reply after reopening', async (ctx) => {
    const row = scenario(ctx, 'the answer replaces the error: 1 reply, no pager, no question');
    const { panel, server, parley } = e2e;
    server.enqueue({ status: 401, errorCode: 'invalid_api_key' }, { text: 'The real answer.' });
    await panel.sendAndWait('hello', 'error');
    await panel.lastAssistant().getByRole('button', { name: 'Retry' }).click();
    await panel.page.getByText('The real answer.').waitFor();
    await panel.waitForState('complete');
    const articles = await panel.assistantMessages.count();
    const pagers = await panel.page.getByRole('button', { name: 'Previous response' }).count();
    const asked = await panel.page.getByText('Was this response better or worse?').count();
    expect([articles, pagers, asked]).toEqual([1, 0, 0]);
    expect(await panel.page.getByText('The API key was rejected').count()).toBe(0);

    const reopened = new PanelPage(await parley.openPanel());
    await reopened.page.getByText('The real answer.').waitFor();
    const stored = await reopened.assistantMessages.count();
    const storedPagers = await reopened.page
      .getByRole('button', { name: 'Previous response' })
      .count();
    await reopened.page.close();
    expect([stored, storedPagers]).toEqual([1, 0]);
    row.observed(`${articles} reply, ${pagers} pager, ${asked} question; reopened: ${stored}`);
  });
});
