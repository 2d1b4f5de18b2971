import path from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

type Messages = Record<string, { message: string }>;

const joined = path.resolve(import.meta.dirname, '../../../node_modules/.cache/parley-locales');

/** The joined messages for one language, as the build puts them in `_locales/<lang>/messages.json`. */
export async function loadMessages(lang: string): Promise<Messages> {
  const parsed = await parseMessagesFile(path.join(joined, `${lang}.yml`));
  return generateChromeMessages(parsed) as Messages;
}

/**
 * `browser.i18n.getMessage` as Chrome resolves it: `$1`…`$9` take the substitutions, `$$` is a
 * dollar sign, an unknown name is the empty string. The fake browser leaves it unimplemented.
 */
export function messageGetter(messages: Messages) {
  return (name: string, substitutions?: string | (string | number)[]): string => {
    if (name === '@@ui_locale') return 'en';
    if (name === '@@bidi_dir') return 'ltr';
    const entry = messages[name];
    if (!entry) return '';
    const subs = (typeof substitutions === 'string' ? [substitutions] : (substitutions ?? [])).map(
      String,
    );
    return entry.message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
    );
  };
}
