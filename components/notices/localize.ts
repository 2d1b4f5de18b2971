/**
 * Shows what the worker and the libraries said in the browser's language (issue 16). Their
 * sentences cross the port and are stored as English text (lib/model/notices), so the panel
 * recognises them where it shows them and asks `t('notice.<id>')` for each; any other text (a
 * server's body, the model's words) comes back exactly as it was.
 *
 * The matcher (./match) loads with a dynamic import, outside the pages' initial JS (DESIGN §8,
 * M9): the side panel starts it at startup and holds the port's events and the stored
 * conversation until it is in, so the notices it shows are translated from their first frame.
 */
import { t } from '@/components/common/i18n';
import { notice } from '@/lib/model/notices';

// The message names are built from the catalogue's ids, which t()'s generated types cannot see.
const translate = t as unknown as (key: string, substitutions?: string[]) => string;

let matcher: ((text: string) => string | null) | undefined;
let loading: Promise<void> | undefined;

/** Loads the matcher once; resolves either way (a failed load leaves the English, and retries). */
export function loadNotices(): Promise<void> {
  loading ??= import('./match').then(
    ({ createNoticeMatcher }) => {
      matcher = createNoticeMatcher(
        // A language without the message (an older build's strings) keeps the English sentence.
        (id, params) =>
          translate(`notice.${id}`, params.length ? params : undefined) || notice(id, ...params),
      );
    },
    () => {
      loading = undefined;
    },
  );
  return loading;
}

/**
 * `text` in the browser's language when it is made of known notices, else `text` unchanged;
 * unchanged too before loadNotices() has resolved (this call starts it).
 */
export function localizeNotice(text: string): string {
  if (!matcher) {
    void loadNotices();
    return text;
  }
  return matcher(text) ?? text;
}
