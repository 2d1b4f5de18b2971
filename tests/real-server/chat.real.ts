/**
 * Parley against llama.cpp's own llama-server (issue 14, "A real server in the tests"): a
 * server nobody on the project wrote, with Qwen2's real tokenizer and chat template and random
 * weights (replies are random words; the SSE, errors and timing are the real thing).
 */
import { describe, expect, it } from 'vitest';
import { PanelPage } from '../e2e/support/panel';
import { eventually, setUpReal } from './support/real';

const real = setUpReal({ model: 'tiny', alias: 'tiny', ctx: 4096 });

describe('a real llama-server', () => {
  it('the model list shows the server alias', async () => {
    const { page } = real.panel;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: 'Load models' }).click();
    await page.getByText('1 model available.').waitFor();
    expect(await page.locator('datalist option[value="tiny"]').count()).toBe(1);
    await page
      .getByRole('button', { name: 'Cancel', exact: true })
      .or(page.getByRole('button', { name: 'Save', exact: true }))
      .first()
      .click();
    await real.panel.composer.waitFor();
  });

  it('a chat completes and is stored: a reopened panel still shows it', async () => {
    const { panel } = real;
    await panel.send('Say something');
    await panel.waitForState('complete', panel.lastAssistant(), 60_000);
    const text = (await panel.lastAssistant().textContent()) ?? '';
    expect(text.trim().length).toBeGreaterThan(0);
    await panel.page.close();
    real.panel = new PanelPage(await real.parley.openPanel());
    await real.panel.waitForState('complete', real.panel.lastAssistant(), 15_000);
    expect(await real.panel.userMessages.last().textContent()).toContain('Say something');
  });

  it('a follow-up sends the whole conversation through the chat template', async () => {
    const { panel, llama } = real;
    await panel.send('First question, alpha');
    await panel.waitForState('complete', panel.lastAssistant(), 60_000);
    await panel.send('Second question, omega');
    await panel.waitForState('complete', panel.lastAssistant(), 60_000);
    // /slots shows the prompt the server built with its template (the title request of the
    // first turn may have used the slot in between: wait for the follow-up's prompt).
    let prompt = '';
    await eventually(async () => {
      prompt = (await llama.slots())[0]?.prompt ?? '';
      return prompt.includes('Second question, omega');
    }, 10_000);
    const turns = [...prompt.matchAll(/<\|im_start\|>(\w+)\n/g)].map((m) => m[1]);
    expect(turns).toEqual(['system', 'user', 'assistant', 'user', 'assistant']);
    expect(prompt.indexOf('First question, alpha')).toBeLessThan(
      prompt.indexOf('Second question, omega'),
    );
    // The assistant turn carries the first reply as the panel showed it.
    // Random weights may answer with an end token only: the turn is there, with what was shown.
    const turn = prompt.match(/<\|im_start\|>assistant\n([\s\S]*?)<\|im_end\|>/);
    expect(turn).not.toBeNull();
    const sent = turn?.[1] ?? '';
    const shown = (await panel.assistantMessages.first().textContent()) ?? '';
    expect(shown).toContain(sent.trim().split(/\s+/).slice(0, 3).join(' '));
  });
});
