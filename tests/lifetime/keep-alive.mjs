#!/usr/bin/env node
// Real-lifetime tier (issue 8): does the worker's keep-alive carry a reply across a long silence?
//
// Playwright attaches to the extension's service worker, and an attached worker is never stopped
// for idleness, so the E2E tier cannot see Chrome's idle timeout. This script drives Debian's
// headless Chromium over the bare DevTools protocol instead, attached to the side-panel page only
// (the worker target is watched through target discovery, never attached), and streams a reply
// with a 45 s silent gap from the mock server:
//   1. keep-alive on (as shipped): the reply must complete, and the worker must live throughout;
//   2. keep-alive off (the E2E build's `e2eDisableKeepAlive` switch): the worker must be stopped
//      by Chrome during the gap, and the reply must end interrupted with its first part kept.
// Prints one result line per case with timings; exits 1 if either case is not as expected.
//
// Needs `npm run build:e2e` first (`npm run test:lifetime` does both). PARLEY_OUT_DIR and
// CHROMIUM_PATH are honoured as in the E2E tier.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startMockServer } from '../server/mock-openai.mjs';
import { unpackedExtensionId } from '../tools/extension-id.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXTENSION_DIR = path.join(ROOT, process.env.PARLEY_OUT_DIR ?? '.output', 'chrome-mv3-e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const GAP_MS = Number(process.env.PARLEY_GAP_MS ?? 45_000);
const BEFORE = 'Before the gap. ';
const AFTER = 'After the gap.';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** A minimal DevTools protocol client over one browser WebSocket (flat sessions). */
class Cdp {
  constructor(ws) {
    this.ws = ws;
    this.nextId = 0;
    this.pending = new Map();
    this.listeners = new Set();
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p?.resolve(msg.result);
        return;
      }
      for (const listener of this.listeners) listener(msg);
    });
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`${p.method}: connection closed`));
      this.pending.clear();
    });
  }

  static connect(url) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      ws.once('open', () => resolve(new Cdp(ws)));
      ws.once('error', reject);
    });
  }

  send(method, params = {}, sessionId) {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  on(listener) {
    this.listeners.add(listener);
  }

  close() {
    this.ws.close();
  }
}

async function launchChromium(profile) {
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const wsUrl = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('Chromium printed no DevTools URL')), 20_000);
    child.stderr.on('data', (chunk) => {
      buffered += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before starting`)));
  });
  child.stderr.resume();
  return { child, wsUrl };
}

/** Runs one case in a fresh browser and profile; returns what happened, with timings. */
async function runCase({ keepAlive }) {
  const profile = mkdtempSync(path.join(tmpdir(), 'parley-lifetime-'));
  const server = await startMockServer();
  const { child, wsUrl } = await launchChromium(profile);
  const cdp = await Cdp.connect(wsUrl);
  const extensionId = unpackedExtensionId(EXTENSION_DIR);
  const workerUrl = `chrome-extension://${extensionId}/background.js`;
  const events = [];
  let sentAt = 0;
  const at = () => (sentAt ? Date.now() - sentAt : 0);
  try {
    // Watch targets without attaching: the worker's start and end are Target events.
    const workers = new Map();
    cdp.on((msg) => {
      const info = msg.params?.targetInfo;
      if (msg.method === 'Target.targetCreated' && info?.type === 'service_worker') {
        if (info.url === workerUrl) {
          workers.set(info.targetId, true);
          if (sentAt) events.push({ t: at(), what: 'worker started' });
        }
      } else if (msg.method === 'Target.targetDestroyed' && workers.has(msg.params.targetId)) {
        workers.delete(msg.params.targetId);
        if (sentAt) events.push({ t: at(), what: 'worker stopped' });
      }
    });
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    for (let i = 0; i < 100 && workers.size === 0; i++) await sleep(100);
    if (workers.size === 0) throw new Error(`no service worker at ${workerUrl}`);

    const { targetId } = await cdp.send('Target.createTarget', {
      url: `chrome-extension://${extensionId}/sidepanel.html`,
    });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const evaluate = async (expression) => {
      const { result, exceptionDetails } = await cdp.send(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true },
        sessionId,
      );
      if (exceptionDetails) throw new Error(`page: ${exceptionDetails.exception?.description}`);
      return result.value;
    };
    const waitFor = async (expression, timeoutMs, what) => {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const value = await evaluate(expression).catch(() => undefined);
        if (value) return value;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await sleep(200);
      }
    };
    const composer = `document.querySelector('textarea[aria-label="Message"]')`;
    await waitFor(
      `document.readyState === 'complete' && !!globalThis.chrome?.storage`,
      15_000,
      'panel',
    );
    // Settings as the settings view stores them, with the watchdog above the gap.
    await evaluate(`chrome.storage.local.set({
      settings: {
        baseUrl: ${JSON.stringify(server.baseURL)},
        model: 'parley-test-model',
        stallTimeoutMs: ${GAP_MS * 2},
        requestTimeoutMs: 60000,
        moderation: { mode: 'off' },
      },
      apiKey: 'sk-test-key',
      e2eDisableKeepAlive: ${!keepAlive},
    }).then(() => true)`);
    await cdp.send('Page.reload', {}, sessionId);
    await waitFor(`!!(${composer})`, 15_000, 'the composer');

    server.enqueue({ chunks: [BEFORE, AFTER], chunkDelayMs: GAP_MS });
    await evaluate(`(${composer}).focus(), true`);
    await cdp.send('Input.insertText', { text: 'Say something, pause, then finish.' }, sessionId);
    const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, text: '\r' }, sessionId);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }, sessionId);
    sentAt = Date.now();

    const reply = `(() => {
      const all = document.querySelectorAll('article[data-message-role="assistant"]');
      const last = all[all.length - 1];
      if (!last) return null;
      const status = last.querySelector('.reply-status p')?.textContent ?? '';
      return { state: last.dataset.state, text: last.querySelector('.markdown')?.textContent ?? '', status };
    })()`;
    let state = '';
    let text = '';
    let firstTextAt;
    const terminal = ['complete', 'stopped', 'interrupted', 'error', 'blocked'];
    const deadline = sentAt + GAP_MS + 30_000;
    while (Date.now() < deadline) {
      const now = await evaluate(reply).catch(() => null);
      if (now) {
        if (now.state !== state) events.push({ t: at(), what: `reply ${now.state}` });
        state = now.state;
        text = now.text;
        if (firstTextAt === undefined && text.includes(BEFORE.trim())) firstTextAt = at();
        if (terminal.includes(state)) break;
      }
      await sleep(250);
    }
    const endedAt = at();
    const chatRequests = server.chatRequests().length;
    // Let a restarted worker's sweep land, then read what the reply was stored as.
    await sleep(1_000);
    const stored = await evaluate(reply).catch(() => null);
    return { keepAlive, state, text, stored, firstTextAt, endedAt, events, chatRequests };
  } finally {
    await cdp.send('Browser.close').catch(() => undefined);
    cdp.close();
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5_000)]);
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL'); // the process group this script started
      } catch {
        // already gone
      }
    }
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function report(result, ok, expectation) {
  const stops = result.events.filter((e) => e.what === 'worker stopped').map((e) => secs(e.t));
  const timeline = result.events.map((e) => `${secs(e.t)} ${e.what}`).join(', ');
  console.log(
    `${ok ? 'PASS' : 'FAIL'} keep-alive ${result.keepAlive ? 'on ' : 'off'}: ${expectation}; ` +
      `reply ${result.state || 'missing'} at ${secs(result.endedAt)} ` +
      `(first text ${result.firstTextAt === undefined ? 'never' : secs(result.firstTextAt)}, ` +
      `${GAP_MS / 1000} s gap), worker stopped ${stops.length ? `at ${stops.join(', ')}` : 'never'}, ` +
      `${result.chatRequests} chat request(s), stored "${result.stored?.text ?? ''}" ` +
      `(${result.stored?.state ?? '?'}${result.stored?.status ? `: ${result.stored.status}` : ''})`,
  );
  console.log(`     timeline: ${timeline}`);
}

if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
  console.error(`No E2E build at ${EXTENSION_DIR}: run npm run build:e2e first.`);
  process.exit(1);
}
const startedAt = Date.now();
let failures = 0;
const check = async (keepAlive, expectation, passes) => {
  try {
    const result = await runCase({ keepAlive });
    const ok = passes(result);
    if (!ok) failures++;
    report(result, ok, expectation);
  } catch (error) {
    failures++;
    console.log(`FAIL keep-alive ${keepAlive ? 'on ' : 'off'}: ${error?.message ?? error}`);
  }
};
await check(
  true,
  'reply completes across the gap, worker never stopped',
  (r) =>
    r.state === 'complete' &&
    r.text.includes(AFTER) &&
    !r.events.some((e) => e.what === 'worker stopped'),
);
await check(
  false,
  'worker stopped by Chrome in the gap, reply interrupted with its first part',
  (r) =>
    r.state === 'interrupted' &&
    r.events.some((e) => e.what === 'worker stopped') &&
    r.text.includes(BEFORE.trim()) &&
    !r.text.includes(AFTER) &&
    r.stored?.state === 'interrupted' &&
    (r.stored?.text ?? '').includes(BEFORE.trim()),
);
console.log(
  `lifetime: ${2 - failures} passed, ${failures} failed in ${secs(Date.now() - startedAt)}`,
);
process.exit(failures ? 1 : 0);
