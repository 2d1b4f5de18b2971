/**
 * The built-in model's RPC handlers (issue 15): choosing who answers, and the meter's count in
 * the model's own numbers. The rest of the settings are kept as they are, so going back to a
 * server finds its URL, model and key unchanged.
 */
import { readSettings, settingsItem } from '@/lib/settings-store';
import { normalizeSettings } from '@/lib/settings';
import type { RpcMap, RpcResult } from '@/lib/protocol';
import { builtinProvider } from './builtin-host';

// A session that does not answer within this long leaves the meter to its estimate.
const MEASURE_TIMEOUT_MS = 5_000;

/** set_provider: saves the provider kind; measure_context: the built-in model's own count. */
export const builtinHandlers = {
  async set_provider(
    request: RpcMap['set_provider']['request'],
  ): Promise<RpcResult<'set_provider'>> {
    const next = normalizeSettings({ ...(await readSettings()), provider: request.provider });
    await settingsItem.setValue(next);
    return { type: 'provider', provider: next.provider };
  },

  async measure_context(
    request: RpcMap['measure_context']['request'],
  ): Promise<RpcResult<'measure_context'>> {
    const none = { type: 'context_measure', tokens: null, window: null } as const;
    if ((await readSettings()).provider !== 'builtin') return none;
    const measure = await builtinProvider()
      .measureUsage?.(request.texts, AbortSignal.timeout(MEASURE_TIMEOUT_MS))
      .catch(() => null);
    return measure ? { type: 'context_measure', ...measure } : none;
  },
};
