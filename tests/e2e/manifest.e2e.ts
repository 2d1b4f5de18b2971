/**
 * The built manifests ask for only what Parley uses (issue 8): compared against an allow-list.
 * Each case runs when its build is there (`npm run build`, `build:e2e`, `build:firefox`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenario } from './support/scenario';

const root = path.resolve(import.meta.dirname, '../..', process.env.PARLEY_OUT_DIR ?? '.output');
const read = (dir: string) =>
  JSON.parse(readFileSync(path.join(root, dir, 'manifest.json'), 'utf8'));

const PERMISSIONS = [
  'activeTab',
  'contextMenus',
  // The Origin rule for Parley's own requests to a local server (issue 14); no install warning.
  'declarativeNetRequestWithHostAccess',
  // The built-in model's host document where the worker has no LanguageModel (issue 15).
  'offscreen',
  'scripting',
  'sidePanel',
  'storage',
  'unlimitedStorage',
];
const CSP =
  "script-src 'self'; object-src 'none'; img-src 'self' data: blob:; font-src 'self'; style-src 'self' 'unsafe-inline'; connect-src https: http://localhost:* http://127.0.0.1:*; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

describe.each([
  ['chrome-mv3-e2e', ['https://api.openai.com/*', 'http://127.0.0.1/*', 'http://localhost/*']],
  ['chrome-mv3', ['https://api.openai.com/*']],
])('%s manifest', (dir, hosts) => {
  it.skipIf(!existsSync(path.join(root, dir as string, 'manifest.json')))(
    'asks only for what Parley uses',
    () => {
      const m = read(dir as string);
      expect([...m.permissions].sort()).toEqual(PERMISSIONS);
      expect(m.host_permissions).toEqual(hosts);
      expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
      expect(m.content_scripts).toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.content_security_policy).toEqual({ extension_pages: CSP });
      expect(m.commands['attach-selection'].suggested_key.default).toBe('Alt+Shift+P');
    },
  );
});

// Firefox is MV2: hosts (granted and optional) sit in the permission lists, the CSP is a string,
// the panel is a sidebar, and there is no sidePanel permission.
const firefox = path.join(root, 'firefox-mv2', 'manifest.json');
describe('firefox-mv2 manifest', () => {
  it.skipIf(!existsSync(firefox))('asks only for what Parley uses', (ctx) => {
    const row = scenario(
      ctx,
      'MV2: only the permissions Parley uses, the exact CSP, no content script',
    );
    const m = read('firefox-mv2');
    expect(m.manifest_version).toBe(2);
    expect([...m.permissions].sort()).toEqual(
      [
        ...PERMISSIONS.filter((p) => p !== 'sidePanel' && p !== 'offscreen'),
        'https://api.openai.com/*',
      ].sort(),
    );
    expect(m.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toBeUndefined();
    expect(m.content_security_policy).toBe(CSP);
    expect(m.content_scripts).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.commands['attach-selection'].suggested_key.default).toBe('Alt+Shift+P');
    expect(m.browser_specific_settings).toEqual({
      gecko: {
        id: 'parley@parley.invalid',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['personalCommunications', 'websiteContent'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
    row.figure(`${m.permissions.length} permissions, ${m.optional_permissions.length} optional`);
  });
});
