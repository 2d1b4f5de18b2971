/**
 * The built-in model's RPC handler (issue 15): choosing who answers. The rest of the settings
 * are kept as they are, so going back to a server finds its URL, model and key unchanged.
 */
import { readSettings, settingsItem } from '@/lib/settings-store';
import { normalizeSettings } from '@/lib/settings';
import type { RpcMap, RpcResult } from '@/lib/protocol';

/** set_provider: saves the provider kind. */
export const builtinHandlers = {
  async set_provider(
    request: RpcMap['set_provider']['request'],
  ): Promise<RpcResult<'set_provider'>> {
    const next = normalizeSettings({ ...(await readSettings()), provider: request.provider });
    await settingsItem.setValue(next);
    return { type: 'provider', provider: next.provider };
  },
};
