/**
 * The provider factory with the built-in model beside the servers (issue 15): a config of kind
 * 'builtin' gets the browser's model (builtin-host.ts), any other the server's provider.
 */
import type { ProviderFactory } from '@/lib/llm/provider';
import { installWorkerFake } from '@/tests/hooks/fake-lm-worker';
import { builtinProvider } from './builtin-host';

/** `servers` for endpoints, the built-in model for `kind: 'builtin'`. */
export function withBuiltinModel(servers: ProviderFactory): ProviderFactory {
  // The E2E build puts a fake LanguageModel here (tests/hooks); the production build drops it.
  if (import.meta.env.MODE === 'e2e') installWorkerFake();
  return (config) => (config.kind === 'builtin' ? builtinProvider() : servers(config));
}
