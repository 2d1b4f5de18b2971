/**
 * History at scale (issue 6): opening a 500-message conversation (click → last message painted)
 * and search over 10,000 messages (keystroke → results painted), in Chromium with the built panel.
 */
import { afterAll, beforeAll, it } from 'vitest';
import { median, percentile, report } from './support';
import { startE2E, stopE2E, type E2E } from '../tests/e2e/support/setup';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await stopE2E(e2e);
});

/** Writes 100 conversations × 95 messages plus one of 500 straight into IndexedDB. */
async function seed(): Promise<void> {
  await e2e.panel.page.evaluate(async () => {
    const now = Date.now();
    const words = [
      'channel',
      'goroutine',
      'pasta',
      'theorem',
      'lifetime',
      'borrow',
      'closure',
      'promise',
      'vector',
      'matrix',
    ];
    const conversations: object[] = [];
    const messages: object[] = [];
    const add = (id: string, title: string, count: number, updatedAt: number) => {
      conversations.push({
        id,
        title,
        createdAt: updatedAt,
        updatedAt,
        model: 'parley-test-model',
        systemPrompt: '',
        currentLeafId: `${id}-${count - 1}`,
      });
      for (let i = 0; i < count; i++) {
        const word = words[(i * 7 + id.length) % words.length];
        messages.push({
          id: `${id}-${i}`,
          conversationId: id,
          parentId: i === 0 ? null : `${id}-${i - 1}`,
          role: i % 2 ? 'assistant' : 'user',
          content: `Message ${i} about the ${word}. ${'Some filler text for realistic length. '.repeat(8)}`,
          attachments: [],
          state: { kind: 'complete' },
          createdAt: updatedAt + i,
          updatedAt: updatedAt + i,
        });
      }
    };
    for (let c = 0; c < 100; c++)
      add(`bulk-${c}`, `Bulk conversation ${c}`, 95, now - c * 3_600_000);
    add('long-500', 'The long one', 500, now - 86_400_000 * 3);
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('parley');
      open.onsuccess = () => {
        const tx = open.result.transaction(['conversations', 'messages'], 'readwrite');
        for (const c of conversations) tx.objectStore('conversations').put(c);
        for (const m of messages) tx.objectStore('messages').put(m);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
    });
  });
}

it('opens a 500-message conversation and searches 10,000 messages', async () => {
  await seed();
  const page = e2e.panel.page;
  await page.reload();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();

  const opens: number[] = [];
  for (let run = 0; run < 5; run++) {
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.getByRole('button', { name: 'Conversations', exact: true }).click();
    await page.getByRole('button', { name: /^The long one/ }).waitFor();
    opens.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const button = [...document.querySelectorAll('button')].find((b) =>
              b.textContent?.startsWith('The long one'),
            );
            const start = performance.now();
            const check = () => {
              const last = [...document.querySelectorAll('article')].find((a) =>
                a.textContent?.includes('Message 499'),
              );
              if (last) requestAnimationFrame(() => resolve(performance.now() - start));
              else requestAnimationFrame(check);
            };
            button?.click();
            requestAnimationFrame(check);
          }),
      ),
    );
  }

  await page.getByRole('button', { name: 'Conversations', exact: true }).click();
  const box = page.getByRole('searchbox', { name: 'Search conversations' });
  const searches: number[] = [];
  for (const query of [
    'goroutine',
    'theorem',
    'Message 42 ',
    'borrow',
    'closure',
    'matrix',
    'no-such-word',
  ]) {
    await box.fill('');
    searches.push(
      await page.evaluate(
        (q) =>
          new Promise<number>((resolve) => {
            const input = document.querySelector<HTMLInputElement>('input[type="search"]');
            if (!input) throw new Error('no searchbox');
            const setter = Object.getOwnPropertyDescriptor(
              HTMLInputElement.prototype,
              'value',
            )?.set;
            const start = performance.now();
            setter?.call(input, q);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const check = () => {
              const list = document.querySelector('[aria-label="Search results"]');
              if (list && list.children.length > 0)
                requestAnimationFrame(() => resolve(performance.now() - start));
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
        query,
      ),
    );
  }
  report('history', [
    {
      metric: 'open 500-message conversation (click → last message painted)',
      runs: opens.length,
      'median ms': +median(opens).toFixed(1),
      'p95 ms': +percentile(opens, 95).toFixed(1),
    },
    {
      metric: 'search 10,000 messages (input → results painted)',
      runs: searches.length,
      'median ms': +median(searches).toFixed(1),
      'p95 ms': +percentile(searches, 95).toFixed(1),
    },
  ]);
});
