import { i18n } from '#i18n';

/**
 * Every UI string goes through here (issue 16): `t('namespace.key')`, typed from the English
 * files, resolved by the browser's own i18n, so the panel follows the browser's language.
 */
export const t = i18n.t;

/**
 * Marks the page's language and direction from the strings the browser picked, so right-to-left
 * languages mirror the layout (CSS uses logical properties) and screen readers pronounce the right
 * language. Read from the strings themselves: Chromium's `@@ui_locale` and `@@bidi_dir` answer
 * en_US/ltr under `--lang=ar` while the messages come from `ar`.
 */
export function applyDocumentLocale(doc: Document = document): void {
  doc.documentElement.lang = t('extension.language') || 'en';
  doc.documentElement.dir = t('extension.direction') === 'rtl' ? 'rtl' : 'ltr';
}
