import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

const root = path.resolve(import.meta.dirname, '../../..');
const languages = ['en', 'de', 'es', 'fr', 'ja', 'zh_CN', 'ar'];
const folders = readdirSync(path.join(root, 'components')).filter((folder) => {
  try {
    return readdirSync(path.join(root, 'components', folder, 'locales')).length > 0;
  } catch {
    return false;
  }
});

const messagesOf = (folder: string, lang: string): Record<string, string> => {
  const file = path.join(root, 'components', folder, 'locales', `${lang}.yml`);
  const parsed = parseMessagesText(readFileSync(file, 'utf8'), 'YAML');
  const chrome = generateChromeMessages(parsed) as Record<string, { message: string }>;
  return Object.fromEntries(Object.entries(chrome).map(([key, value]) => [key, value.message]));
};
const substitutions = (text: string) => [...new Set(text.match(/\$[1-9]/g) ?? [])].sort();
const pluralForms = (text: string) => text.split(' | ').length;

describe.each(folders)('components/%s/locales', (folder) => {
  const english: Record<string, string> = messagesOf(folder, 'en');

  it('has one namespace, unique across folders', () => {
    const namespaces = new Set(Object.keys(english).map((key) => key.split('_')[0]));
    for (const other of folders.filter((f) => f !== folder)) {
      const theirs = Object.keys(messagesOf(other, 'en')).map((key) => key.split('_')[0]);
      for (const ns of theirs)
        expect(namespaces.has(ns), `${ns} in ${folder} and ${other}`).toBe(false);
    }
  });

  it.each(languages.filter((l) => l !== 'en'))('%s translates every English string', (lang) => {
    const translated = messagesOf(folder, lang);
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(translated)) {
      expect(text.trim(), `${lang} ${key}`).not.toBe('');
      expect(substitutions(text), `${lang} ${key} substitutions`).toEqual(
        substitutions(english[key] ?? ''),
      );
      // One form is enough where a language has no plural (ja, zh_CN); never more than English's.
      if (pluralForms(english[key] ?? '') > 1) {
        expect(pluralForms(text), `${lang} ${key} plural forms`).toBeLessThanOrEqual(3);
      } else {
        expect(pluralForms(text), `${lang} ${key} is not a plural`).toBe(1);
      }
    }
  });
});
