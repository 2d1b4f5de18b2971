/**
 * Custom headers per endpoint in the worker (issue 14): the values are read from the key ring
 * here and nowhere else, added to requests for their own origin only (lib/llm/with-headers), and
 * the panel's two requests learn header names, never a value.
 */
import { browser } from 'wxt/browser';
import type { RpcMap, RpcResult } from '@/lib/protocol';
import { KEY_STORAGE_KEYS, readKeyRing, updateKeyRing } from '@/lib/settings-store';
import { originOf, type KeyRing } from '@/lib/credentials';
import { bindHeader, headerNamesFor, headersFor } from '@/lib/custom-headers';
import type { ProviderFactory } from '@/lib/llm/provider';
import { withEndpointHeaders } from '@/lib/llm/with-headers';

// Read once and kept until the ring changes: no storage round trip before each request.
let ring: Promise<KeyRing> | null = null;
const currentRing = () => {
  ring ??= readKeyRing();
  ring.catch(() => {
    ring = null;
  });
  return ring;
};

/** `factory` whose providers carry the headers saved for their own origin. */
export function providerWithHeaders(factory: ProviderFactory): ProviderFactory {
  const keys = new Set(KEY_STORAGE_KEYS);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some((k) => keys.has(k.replace(/\$$/, '')))) {
      ring = null;
    }
  });
  // Read as the worker starts, so a restarted worker's first request does not wait for it (M1).
  void currentRing().catch(() => undefined);
  return withEndpointHeaders(factory, async (baseUrl) =>
    headersFor(await currentRing(), originOf(baseUrl)),
  );
}

type HeaderHandlers = {
  [K in 'get_header_names' | 'save_header']: (
    request: RpcMap[K]['request'],
  ) => Promise<RpcResult<K>>;
};

/** The panel's header requests: names in, names out; a value only ever comes in. */
export const headerHandlers: HeaderHandlers = {
  async get_header_names({ baseUrl }) {
    const origin = originOf(baseUrl);
    if (origin === null) return { type: 'rpc_error', message: 'Enter a valid base URL first.' };
    return { type: 'header_names', origin, names: headerNamesFor(await readKeyRing(), origin) };
  },
  async save_header({ baseUrl, name, value }) {
    const origin = originOf(baseUrl);
    let problem: string | null = null;
    const next = await updateKeyRing((current) => {
      const change = bindHeader(current, origin, name, value);
      if (change.ok) return change.ring;
      problem = change.message;
      return current;
    });
    if (problem !== null || origin === null) {
      return { type: 'rpc_error', message: problem ?? 'Enter a valid base URL first.' };
    }
    return { type: 'header_names', origin, names: headerNamesFor(next, origin) };
  },
};
