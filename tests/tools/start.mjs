#!/usr/bin/env node
// `npm start`: build Parley and open Chromium (or Chrome) with it loaded and the panel's page open.
// The panel itself opens from the toolbar button; Chrome only opens side panels on a user gesture.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { unpackedExtensionId } from './extension-id.mjs';

const build = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'build'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
].filter(Boolean);
const browser = candidates.find((p) => existsSync(p));
if (!browser) {
  console.error(
    'No Chromium or Chrome found. Install one (Debian: apt-get install chromium) or set CHROME_PATH.',
  );
  process.exit(1);
}

const extensionDir = path.resolve('.output/chrome-mv3');
const extensionId = unpackedExtensionId(extensionDir);
const profile = path.resolve('.output/chromium-profile');
mkdirSync(profile, { recursive: true });

const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
  '--no-first-run',
  `chrome-extension://${extensionId}/sidepanel.html`,
];
// Chromium refuses to run as root without this (CI boxes and containers).
if (process.getuid?.() === 0) args.unshift('--no-sandbox');
console.log(
  `Opening ${browser} with Parley (${extensionId}). Click the toolbar icon to open the side panel.`,
);
spawn(browser, args, { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
