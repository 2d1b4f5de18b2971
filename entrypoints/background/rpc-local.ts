/**
 * The worker's answers to "Find local servers" and "Test connection" (issue 14, items 2 and 7):
 * the probes leave from here, as chat requests do, and the key they may carry never leaves.
 * Registered beside the other handlers in rpc.ts.
 */
import { browser } from 'wxt/browser';
import type { RpcMap, RpcResult } from '@/lib/protocol';
import { findLocalServers } from '@/lib/llm/local-servers';
import { testConnection } from '@/lib/llm/connection-test';
import { checkBaseUrl } from '@/lib/settings';
import { keyForRequest, originOf } from '@/lib/credentials';
import { headersFor } from '@/lib/custom-headers';
import { readKeyRing } from '@/lib/settings-store';
import { e2eProbeOverride } from '@/tests/hooks/local-probe';

type Name = 'find_local_servers' | 'test_connection';
type LocalHandlers = { [K in Name]: (request: RpcMap[K]['request']) => Promise<RpcResult<K>> };

/** The loopback hosts the panel asks permission for from the user's click. */
export const LOOPBACK_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

// The global fetch, called as a function (unbound, it throws "Illegal invocation").
const workerFetch = (url: string, init: RequestInit) => fetch(url, init);

/** The two handlers, spread into the worker's handler map. */
export function createLocalHandlers(): LocalHandlers {
  return {
    async find_local_servers() {
      // Without the permission the probe's answers would be CORS-blocked and look like silence.
      const granted = await browser.permissions
        .contains({ origins: LOOPBACK_ORIGINS })
        .catch(() => false);
      if (!granted) {
        return {
          type: 'rpc_error',
          message:
            'Parley needs permission to look for servers on this computer. Allow it when asked.',
        };
      }
      // Tests point the probe at their own servers (tests/hooks); production drops this branch.
      const override = import.meta.env.MODE === 'e2e' ? await e2eProbeOverride() : {};
      const servers = await findLocalServers({ fetch: workerFetch, ...override });
      return { type: 'local_servers', servers };
    },
    async test_connection(request) {
      const base = checkBaseUrl(request.baseUrl);
      if (!base.ok) return { type: 'rpc_error', message: base.message };
      const ring = await readKeyRing();
      const verdict = await testConnection({
        fetch: workerFetch,
        baseUrl: base.url,
        apiKey: keyForRequest(ring, base.url, request),
        // The headers saved for this origin go with it, as they go with its chat requests.
        headers: headersFor(ring, originOf(base.url)),
      });
      return { type: 'connection', verdict };
    },
  };
}
