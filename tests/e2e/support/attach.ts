/**
 * Attaches a page selection the way a user does (the context menu's handler, through the E2E
 * build's test hooks): `text` is put on a page, selected, and sent to the panel's composer.
 */
import type { Page } from 'playwright-core';
import type { Parley } from './launch';

/** Opens `pageUrl` in a tab, fills it with `text`, selects it all and clicks "Ask Parley". */
export async function attachSelection(
  parley: Parley,
  panel: Page,
  pageUrl: string,
  text: string,
): Promise<void> {
  const tab = await parley.context.newPage();
  await tab.goto(pageUrl);
  await tab.evaluate((t) => {
    document.body.replaceChildren();
    const p = document.createElement('p');
    p.id = 'attach-me';
    p.textContent = t;
    document.body.append(p);
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  }, text);
  const worker = await parley.worker();
  await worker.evaluate(async (url) => {
    const g = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<object[]> } };
      parleyTestHooks: { clickContextMenu(info: object, tab: object): void };
    };
    const [found] = await g.chrome.tabs.query({ url });
    if (!found) throw new Error(`no tab at ${url}`);
    g.parleyTestHooks.clickContextMenu({ menuItemId: 'ask-parley' }, found);
  }, tab.url());
  await panel.bringToFront();
  await panel.getByRole('group', { name: 'Attached selection' }).waitFor();
  await tab.close();
}
