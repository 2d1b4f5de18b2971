/**
 * The built manifests ask for only what Parley uses (issue 8): compared against an allow-list.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..', process.env.PARLEY_OUT_DIR ?? '.output');
const read = (dir: string) =>
  JSON.parse(readFileSync(path.join(root, dir, 'manifest.json'), 'utf8'));

const PERMISSIONS = [
  'activeTab',
  'contextMenus',
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
