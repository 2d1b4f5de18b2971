/**
 * Helpers for the import E2E (tests/e2e/import-hardening.e2e.ts): conversations files written to
 * disk, the drawer, a timeline of the status lines an import shows, and timings that record a
 * figure even when a step times out.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const drawer = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
export async function openDrawer(page: Page): Promise<void> {
  if (!(await drawer(page).isVisible()))
    await page.getByRole('button', { name: 'Conversations', exact: true }).click();
  await drawer(page).waitFor();
}

export function writeFile(name: string, value: unknown): string {
  const file = path.join(tmpdir(), `parley-${name}-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** One conversation: a question and a reply; `reply` overrides the reply's fields. */
export function bundle(id: string, title: string, at: number, reply: Record<string, unknown> = {}) {
  const message = (suffix: string, role: string, parentId: string | null, content: string) => ({
    id: `${id}-${suffix}`,
    conversationId: id,
    parentId,
    role,
    content,
    attachments: [],
    state: { kind: 'complete' },
    createdAt: at,
    updatedAt: at,
  });
  return {
    conversation: {
      id,
      title,
      createdAt: at,
      updatedAt: at,
      model: 'parley-test-model',
      systemPrompt: '',
      currentLeafId: `${id}-a`,
    },
    messages: [
      message('u', 'user', null, `Question of ${title}`),
      { ...message('a', 'assistant', `${id}-u`, `Answer of ${title}`), ...reply },
    ],
  };
}

export const file = (conversations: unknown[]) => ({
  format: 'parley.conversations',
  version: 1,
  conversations,
});

/** Every status line the drawer shows, recorded as it appears (progress can be brief). */
export async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { t: number; text: string }[] = [];
    (globalThis as unknown as { __statuses: typeof seen }).__statuses = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role="status"], [role="alert"]')) {
        const text = el.textContent ?? '';
        if (text && seen.at(-1)?.text !== text) seen.push({ t: performance.now(), text });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
export const statuses = (page: Page) =>
  page.evaluate(
    () => (globalThis as unknown as { __statuses: { t: number; text: string }[] }).__statuses,
  );

/** Milliseconds until the page paints its next frame: how long the main thread is busy. */
export const nextFrameMs = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }),
  );

/**
 * How long `step` took, or null when it timed out: the figure is recorded either way and the test
 * asserts on it afterwards, so a slow build still reports how slow.
 */
export async function timed(label: string, step: () => Promise<void>): Promise<number | null> {
  const started = Date.now();
  try {
    await step();
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
    console.log(`[import-hardening] ${label}: timed out after ${Date.now() - started} ms`);
    return null;
  }
  const ms = Date.now() - started;
  console.log(`[import-hardening] ${label}: ${ms} ms`);
  return ms;
}
