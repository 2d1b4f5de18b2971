/**
 * Shows what the worker and the libraries said in the browser's language (issue 16). Their
 * sentences cross the port and are stored as English text (lib/model/notices), so the panel
 * recognises them where it shows them and asks `t('notice.<id>')` for each; any other text (a
 * server's body, the model's words) comes back exactly as it was.
 */
import { t } from '@/components/common/i18n';
import { notice } from '@/lib/model/notices';
import { createNoticeMatcher } from './match';

// The message names are built from the catalogue's ids, which t()'s generated types cannot see.
const translate = t as unknown as (key: string, substitutions?: string[]) => string;

let matcher: ((text: string) => string | null) | undefined;

/** `text` in the browser's language when it is made of known notices, else `text` unchanged. */
export function localizeNotice(text: string): string {
  matcher ??= createNoticeMatcher(
    // A language without the message (an older build's strings) keeps the English sentence.
    (id, params) =>
      translate(`notice.${id}`, params.length ? params : undefined) || notice(id, ...params),
  );
  return matcher(text) ?? text;
}
