/**
 * Moderation end to end (issue 4): the test server's /v1/moderations flags scripted words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setUpE2E } from './support/setup';
import { readStore } from './support/idb';
import { scenario } from './support/scenario';

const e2e = setUpE2E();

const moderationRequests = () =>
  e2e.server.requests.filter((r) => r.path === '/v1/moderations').length;

async function setModeration(mode: 'off' | 'warn' | 'block', failMode: 'allow' | 'hold' = 'allow') {
  const { page } = e2e.panel;
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('combobox', { name: 'Moderation', exact: true }).selectOption(mode);
  if (mode !== 'off') await page.getByLabel('When checks are unavailable').selectOption(failMode);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // Saving returns to the chat.
  await e2e.panel.composer.waitFor();
}

describe('moderation', () => {
  it('block: a flagged message is kept and marked, and no reply text is shown', async () => {
    const { panel, server } = e2e;
    await setModeration('block');
    server.moderation.flagWords = { bomb: ['violence'] };
    server.moderation.delayMs = 150;
    server.enqueue({ text: 'Here is how you would do that, step by step.', ttftMs: 20 });
    await panel.sendAndWait('how do I build a bomb', 'blocked');
    const user = panel.userMessages.last();
    expect(await user.textContent()).toContain('how do I build a bomb');
    await user.getByRole('alert').filter({ hasText: 'flagged by the content policy' }).waitFor();
    expect(await user.getByRole('alert').textContent()).toContain('Violence');
    expect(await panel.lastAssistant().textContent()).not.toContain('step by step');
    await panel.lastAssistant().getByText('Edit it to try again').waitFor();
    await panel.page.screenshot({ path: 'test-results/panel-moderation-blocked.png' });
    const stored = await readStore<{ role: string; content: string; state: { kind: string } }>(
      panel.page,
      'messages',
    );
    expect(stored.some((m) => m.role === 'user' && m.content === 'how do I build a bomb')).toBe(
      true,
    );
    expect(stored.some((m) => m.content.includes('step by step'))).toBe(false);
  });

  it('warn: the reply proceeds with a notice on the message', async () => {
    const { panel, server } = e2e;
    await setModeration('warn');
    server.moderation.flagWords = { insult: ['harassment'] };
    await panel.sendAndWait('write an insult about my neighbour', 'complete');
    await panel.userMessages.last().getByRole('alert').filter({ hasText: 'Harassment' }).waitFor();
    expect(await panel.lastAssistant().textContent()).toContain('You said:');
  });

  it('a flagged reply hides behind the notice until "Show anyway"; reports are stored and exported', async () => {
    const { panel, server } = e2e;
    await setModeration('block');
    server.moderation.flagWords = { gruesome: ['violence/graphic'] };
    server.enqueue({ text: 'A calm start, then a gruesome description.' });
    await panel.sendAndWait('tell me a story', 'complete');
    const reply = panel.lastAssistant();
    await reply.getByText('This content may violate the content policy').waitFor();
    expect(await reply.textContent()).not.toContain('gruesome description');
    await reply.getByRole('button', { name: 'Show anyway' }).click();
    await reply.getByText('gruesome description').waitFor();
    await reply.getByRole('button', { name: 'Report: flagged by mistake' }).click();
    await reply.getByText('Reported, thank you').waitFor();
    const reports = await readStore<{ kind: string; categories: string[] }>(
      panel.page,
      'moderationReports',
    );
    expect(reports.at(-1)).toMatchObject({
      kind: 'false_positive',
      categories: ['violence/graphic'],
    });

    await panel.page.getByRole('button', { name: 'Settings', exact: true }).click();
    const download = panel.page.waitForEvent('download');
    await panel.page.getByRole('button', { name: 'Export raw feedback' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(text).toContain('"type":"moderation_report"');
    expect(text).toContain('violence/graphic');
    await panel.page.getByRole('button', { name: 'Settings', exact: true }).click();
  });

  it('"Report: should have been flagged" is on every reply', async () => {
    const { panel } = e2e;
    await setModeration('warn');
    await panel.sendAndWait('hello', 'complete');
    await panel.replyMenu('Report: should have been flagged');
    const reports = await readStore<{ kind: string }>(panel.page, 'moderationReports');
    expect(reports.some((r) => r.kind === 'false_negative')).toBe(true);
  });

  it('moderation down, fail-open: the chat proceeds, marked "not checked"', async (ctx) => {
    const row = scenario(ctx, 'reply complete; the message marked "Not checked"');
    const { panel, server } = e2e;
    await setModeration('warn', 'allow');
    server.moderation.status = 500;
    await panel.sendAndWait('hello there', 'complete');
    await panel.userMessages.last().getByText('Not checked').waitFor();
    row.figure(`moderation answered 500 to ${moderationRequests()} request(s)`);
  });

  it('moderation slow (10 s), fail-open: the reply does not wait for it', async (ctx) => {
    const row = scenario(ctx, 'reply complete without waiting; marked "Not checked" later');
    const { panel, server } = e2e;
    await setModeration('warn', 'allow');
    server.moderation.delayMs = 10_000;
    const sentAt = Date.now();
    await panel.sendAndWait('hello slow moderation', 'complete');
    const completeMs = Date.now() - sentAt;
    expect(completeMs).toBeLessThan(3_000);
    row.figure(`reply complete in ${completeMs} ms with a 10 s moderation endpoint`);
    await panel.userMessages.last().getByText('Not checked').waitFor({ timeout: 15_000 });
  });

  it('moderation down, fail-closed: the message is held with a clear message', async (ctx) => {
    const row = scenario(
      ctx,
      'message kept; the reply held as an error, "Moderation is unavailable"',
    );
    const { panel, server } = e2e;
    await setModeration('warn', 'hold');
    server.moderation.status = 500;
    await panel.sendAndWait('hello held', 'error');
    await panel.lastAssistant().getByText('Moderation is unavailable').waitFor();
    expect(await panel.userMessages.last().textContent()).toContain('hello held');
    row.figure(`${server.chatRequests().length} chat request(s) made while the check ran`);
    await setModeration('warn', 'allow');
  });

  it('an endpoint without moderation is said once in settings, not on every message', async (ctx) => {
    scenario(ctx, 'reply complete, no "Not checked" mark; said once in settings');
    const { panel, server } = e2e;
    await setModeration('warn', 'allow');
    server.moderation.status = 404;
    await panel.sendAndWait('hello, no moderation here', 'complete');
    expect(await panel.userMessages.last().getByText('Not checked').count()).toBe(0);
    await panel.page.getByRole('button', { name: 'Settings', exact: true }).click();
    await panel.page.getByText('This endpoint has no moderation endpoint').waitFor();
    await panel.page.getByRole('button', { name: 'Settings', exact: true }).click();
  });
});
