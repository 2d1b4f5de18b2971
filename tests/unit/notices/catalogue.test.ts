import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { NOTICE_IDS, NOTICE_PARAMS, NOTICES, notice } from '@/lib/model/notices';

const root = path.resolve(import.meta.dirname, '../../..');
const languages = ['en', 'de', 'es', 'fr', 'ja', 'zh_CN', 'ar'];
const messagesOf = (lang: string): Record<string, string> => {
  const file = path.join(root, 'components/notices/locales', `${lang}.yml`);
  const chrome = generateChromeMessages(
    parseMessagesText(readFileSync(file, 'utf8'), 'YAML'),
  ) as Record<string, { message: string }>;
  return Object.fromEntries(Object.entries(chrome).map(([key, value]) => [key, value.message]));
};

describe('the notice catalogue', () => {
  it.each(languages)('%s has exactly one message per template id', (lang) => {
    const keys = Object.keys(messagesOf(lang)).sort();
    expect(keys).toEqual(NOTICE_IDS.map((id) => `notice_${id}`).sort());
  });

  it('the English messages are the templates themselves', () => {
    const english = messagesOf('en');
    for (const id of NOTICE_IDS) expect(english[`notice_${id}`], id).toBe(NOTICES[id]);
  });

  it('templates hold no dollar sign but their placeholders, and name each kind they use', () => {
    for (const id of NOTICE_IDS) {
      expect(NOTICES[id].replace(/\$[1-9]/g, ''), id).not.toContain('$');
      const used = [...NOTICES[id].matchAll(/\$([1-9])/g)].map((m) => Number(m[1]));
      expect(NOTICE_PARAMS[id]?.length ?? 0, id).toBeLessThanOrEqual(Math.max(0, ...used));
    }
  });

  it('notice() puts its params in the placeholders, as given', () => {
    expect(notice('headerTooMany', 8)).toBe('At most 8 headers per server.');
    expect(notice('headerReserved', '$2 (x)')).toBe(
      'Parley or the browser sets $2 (x) itself; it cannot be a custom header.',
    );
    expect(notice('verdictServerError', 502)).toBe(
      'Reachable, but the server answered with an error (HTTP 502). Retry in a moment.',
    );
  });
});
