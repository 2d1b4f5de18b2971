/**
 * DESIGN §6 is a contract for outside testers too: each accessible name, matched the default
 * (loose) way, finds exactly one control.
 */
import { describe, expect, it } from 'vitest';
import { setUpE2E } from './support/setup';

const e2e = setUpE2E();

describe('accessible names (DESIGN §6)', () => {
  it('settings controls are unambiguous', async () => {
    const { page } = e2e.panel;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('combobox', { name: 'Moderation' }).waitFor();
    expect(await page.getByLabel('API key').count()).toBe(1);
    expect(await page.getByLabel('API key').getAttribute('type')).toBe('password');
    expect(await page.getByRole('textbox', { name: 'Base URL' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Model' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'System prompt' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Moderation' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
  });

  it('chat controls are unambiguous', async () => {
    const { page } = e2e.panel;
    await e2e.panel.sendAndWait('contract check', 'complete');
    expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Send' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'New chat' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Good response' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Bad response' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Regenerate' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Copy', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Conversations', exact: true }).click();
    // The drawer loads on first use.
    await page.getByRole('navigation', { name: 'Conversations' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Conversations' }).count()).toBe(1);
    expect(await page.getByRole('searchbox', { name: 'Search conversations' }).count()).toBe(1);
  });
});
