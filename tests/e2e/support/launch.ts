/**
 * Launches Debian's Chromium with the E2E build of Parley loaded, the way a user's browser runs
 * it. Never downloads a browser: CHROMIUM_PATH or /usr/bin/chromium.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { unpackedExtensionId } from '../../tools/extension-id.mjs';

export const OUTPUT_DIR = path.resolve(
  import.meta.dirname,
  '../../..',
  process.env.PARLEY_OUT_DIR ?? '.output',
);
export const EXTENSION_DIR = path.join(OUTPUT_DIR, 'chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Parley {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  worker(): Promise<Worker>;
  openPanel(): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchParley(
  options: {
    userDataDir?: string;
    colorScheme?: 'light' | 'dark';
    /** Unpacked extensions loaded beside Parley (e.g. tests/fixtures/intruder-extension). */
    extraExtensions?: string[];
    /** The browser's UI language (Chrome's `--lang`), which the extension's strings follow. */
    locale?: string;
  } = {},
): Promise<Parley> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No E2E build at ${EXTENSION_DIR}: run npm run build:e2e first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'parley-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 400, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    ...(options.locale ? { locale: options.locale } : {}),
    args: [
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      `--disable-extensions-except=${[EXTENSION_DIR, ...(options.extraExtensions ?? [])].join(',')}`,
      `--load-extension=${[EXTENSION_DIR, ...(options.extraExtensions ?? [])].join(',')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // With other extensions loaded, Parley's worker is the extension worker that is not theirs.
  const otherIds = (options.extraExtensions ?? []).map((dir) =>
    unpackedExtensionId(path.resolve(dir)),
  );
  const isParley = (w: Worker) =>
    w.url().startsWith('chrome-extension://') && !otherIds.includes(new URL(w.url()).host);
  const firstWorker = async () =>
    context.serviceWorkers().find(isParley) ??
    (await context.waitForEvent('serviceworker', { predicate: isParley, timeout: 15_000 }));
  const initial = await firstWorker();
  const extensionId = new URL(initial.url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    worker: async () => firstWorker(),
    openPanel: async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    },
    close: async ({ keepProfile = false } = {}) => {
      await context.close();
      if (!keepProfile && !options.userDataDir)
        rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Kills the extension's service worker over CDP, as Chrome does to an idle worker. Playwright
 * keeps it alive while attached, so a natural death never happens in tests.
 */
export async function killServiceWorker(page: Page, extensionId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.includes(extensionId),
  );
  if (!worker) throw new Error('No service worker target to kill');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}
