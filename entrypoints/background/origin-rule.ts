/**
 * Keeps the session rule that removes `Origin` from Parley's own requests to a local server
 * (lib/llm/origin-rule) in step with the saved endpoints: applied when the worker starts and
 * whenever the settings change, removed when no endpoint is local. Session rules outlive a
 * worker's death but not a browser restart, so each start applies them again.
 */
import { browser } from 'wxt/browser';
import { buildOriginRules, ORIGIN_RULE_IDS, PROBE_RULE_IDS } from '@/lib/llm/origin-rule';
import { moderationBaseUrl } from '@/lib/credentials';
import { readSettings } from '@/lib/settings-store';

type Dnr = {
  updateSessionRules(options: { removeRuleIds: number[]; addRules: object[] }): Promise<void>;
};

/** Replaces Parley's origin rules with the ones for the saved settings; a failure is logged. */
export async function syncOriginRule(): Promise<void> {
  // Absent where the browser has no DNR or the permission was not granted.
  const dnr = (browser as unknown as { declarativeNetRequest?: Dnr }).declarativeNetRequest;
  if (!dnr?.updateSessionRules) return;
  const settings = await readSettings();
  const host = new URL(browser.runtime.getURL('/')).hostname;
  const rules = buildOriginRules([settings.baseUrl, moderationBaseUrl(settings)], host);
  try {
    await dnr.updateSessionRules({ removeRuleIds: [...ORIGIN_RULE_IDS], addRules: rules });
  } catch (error) {
    // A 403 from the server then gets its own message with the OLLAMA_ORIGINS fix.
    console.warn('Parley: origin rule not applied', error instanceof Error ? error.message : error);
  }
}

/** Applies the rule now and after every settings change (one at a time, the last one wins). */
export function keepOriginRuleInStep(): void {
  let queue = Promise.resolve();
  const sync = () => {
    queue = queue.then(syncOriginRule).catch(() => undefined);
  };
  sync();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) sync();
  });
}

/**
 * Runs `task` (a probe of local ports, a test of an endpoint not saved yet) with the Origin left
 * out of Parley's own requests to those `baseUrls` too, then removes those rules again, so
 * "Find local servers" sees an Ollama that would refuse the extension's Origin.
 */
export function withOriginRules<T>(
  baseUrls: readonly string[],
  task: () => Promise<T>,
): Promise<T> {
  // One at a time: the probe rules share their ids, and one task's clean-up must not end
  // another's rules.
  const run = probes.then(() => runWithRules(baseUrls, task));
  probes = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

let probes: Promise<void> = Promise.resolve();

async function runWithRules<T>(baseUrls: readonly string[], task: () => Promise<T>): Promise<T> {
  const dnr = (browser as unknown as { declarativeNetRequest?: Dnr }).declarativeNetRequest;
  const host = new URL(browser.runtime.getURL('/')).hostname;
  const rules = buildOriginRules(baseUrls, host, PROBE_RULE_IDS);
  const removeRuleIds = rules.map((r) => r.id);
  const update = (addRules: object[]) =>
    dnr?.updateSessionRules({ removeRuleIds, addRules }).catch(() => undefined);
  if (rules.length) await update(rules);
  try {
    return await task();
  } finally {
    if (rules.length) await update([]);
  }
}
