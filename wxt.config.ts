import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'wxt';

/** The UI's languages (issue 16); `en` is the default and the DESIGN §6 names. */
const locales = ['en', 'de', 'es', 'fr', 'ja', 'zh_CN', 'ar'];

/**
 * Each UI folder owns its strings (`components/<folder>/locales/<lang>.yml`, one top-level
 * namespace per file) so no two features edit one file; @wxt-dev/i18n reads one file per
 * language, so they are joined here. Disjoint top-level keys make plain concatenation valid YAML.
 * Written to a temporary name and renamed, as parallel builds share the folder.
 */
function joinLocaleFiles(): string {
  const root = import.meta.dirname;
  const out = path.join(root, 'node_modules/.cache/parley-locales');
  mkdirSync(out, { recursive: true });
  const folders = readdirSync(path.join(root, 'components'))
    .map((folder) => path.join(root, 'components', folder, 'locales'))
    .filter((dir) => {
      try {
        return readdirSync(dir).length > 0;
      } catch {
        return false;
      }
    })
    .sort();
  for (const lang of locales) {
    const parts = folders.map((dir) => {
      try {
        return readFileSync(path.join(dir, `${lang}.yml`), 'utf8');
      } catch {
        throw new Error(
          `${path.relative(root, dir)} has no ${lang}.yml: every folder translates its strings`,
        );
      }
    });
    const file = path.join(out, `${lang}.yml`);
    writeFileSync(`${file}.${process.pid}`, parts.join('\n'));
    renameSync(`${file}.${process.pid}`, file);
  }
  return out;
}

/**
 * The extension pages' CSP is explicit because the MV3 default lets image, CSS and font requests
 * leave for any host; model output must not be able to phone home (DESIGN §5).
 */
const extensionPagesCsp = [
  "script-src 'self'",
  "object-src 'none'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'connect-src https: http://localhost:* http://127.0.0.1:*',
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

// OpenAI is the default provider; every other endpoint asks for its host at runtime.
const openAiHost = 'https://api.openai.com/*';
// The E2E build talks to the loopback test server without a permission prompt (DESIGN §7).
const loopbackHosts = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  // PARLEY_OUT_DIR lets two checkouts' worth of work (or two test runs) build side by side.
  outDir: process.env.PARLEY_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  i18n: { localesDir: joinLocaleFiles() },
  // PARLEY_NO_MINIFY=1 keeps function names readable in CPU profiles.
  vite: () => (process.env.PARLEY_NO_MINIFY ? { build: { minify: false } } : {}),
  manifest: ({ browser, mode, manifestVersion }) => ({
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    // declarativeNetRequestWithHostAccess: the Origin rule for local servers (issue 14); no
    // install warning, and it acts only on hosts Parley already has permission for.
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'activeTab',
      'scripting',
      'declarativeNetRequestWithHostAccess',
      // The built-in model's host where the worker has no LanguageModel (issue 15); Chrome only.
      ...(manifestVersion === 3 ? ['offscreen'] : []),
    ],
    host_permissions: mode === 'e2e' ? [openAiHost, ...loopbackHosts] : [openAiHost],
    // MV2 (Firefox) lists optional hosts with the optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: '__MSG_extension_open__' },
    commands: {
      'attach-selection': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_extension_attachCommand__',
      },
    },
    content_security_policy: { extension_pages: extensionPagesCsp },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'parley@parley.invalid',
              // 140 (ESR) is the first to show data_collection_permissions on install.
              strict_min_version: '140.0',
              // Firefox's consent screen: what leaves the browser, and only for the endpoint the
              // user chose: the chat messages, and page text when the user attaches a selection.
              data_collection_permissions: {
                required: ['personalCommunications', 'websiteContent'],
              },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
