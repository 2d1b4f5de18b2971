/**
 * "Test connection", beside the base URL (issue 14, item 7): reachable? key accepted? models?
 * The answer stays next to the button, where the user is looking, not at the foot of the form.
 */
import { t } from '@/components/common/i18n';
import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { checkBaseUrl } from '@/lib/settings';
import { describeVerdict } from '@/lib/llm/server-advice';
import { ensureHostPermission } from './host-permission';
import type { ConnectionCheck } from './use-connection-check';
import { localizeNotice } from '@/components/notices/localize';

export interface ConnectionTestProps {
  baseUrl: string;
  /** The key as typed now (write-only field), if any. */
  typedKey: () => string | undefined;
  /** `{ reuseKeyFrom }` when the user confirmed "Use my key for <host>". */
  reuse: { reuseKeyFrom?: string };
  check: ConnectionCheck;
}

export function ConnectionTest({ baseUrl, typedKey, reuse, check }: ConnectionTestProps) {
  const resultId = useId();
  // Problems found before asking the worker: not a URL, no permission. Cleared by a new test.
  const [problem, setProblem] = useState<{ url: string; text: string } | null>(null);
  const test = async () => {
    if (check.busy) return;
    const checked = checkBaseUrl(baseUrl);
    if (!checked.ok) return setProblem({ url: baseUrl, text: checked.message });
    // First await of the click: the permission prompt needs the user's gesture.
    if (!(await ensureHostPermission(checked.url))) {
      return setProblem({
        url: baseUrl,
        text: t('settings.test.needPermission'),
      });
    }
    setProblem(null);
    const key = typedKey();
    await check.run({ baseUrl: checked.url, ...(key ? { apiKey: key } : reuse) });
  };
  const { outcome } = check;
  const result = check.busy
    ? { ok: true, text: t('settings.test.testing') }
    : problem?.url === baseUrl
      ? { ok: false, text: problem.text }
      : outcome === null
        ? null
        : 'verdict' in outcome
          ? describeVerdict(outcome.verdict, browser.runtime.getURL('/'))
          : { ok: false, text: outcome.error };
  return (
    <div className="connection-test">
      <button
        type="button"
        className="button"
        aria-describedby={resultId}
        onClick={() => void test()}
      >
        {t('settings.test.button')}
      </button>
      <p
        id={resultId}
        role="status"
        className={`connection-result ${result === null ? '' : result.ok ? 'good' : 'bad'}`}
      >
        {result ? localizeNotice(result.text) : null}
      </p>
    </div>
  );
}
