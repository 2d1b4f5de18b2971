/**
 * The built-in model's request (issue 15): the panel chooses who answers, a server or the model
 * built into Chrome. Availability and the download are not requests: the panel asks
 * `LanguageModel` itself (entrypoints/sidepanel/builtin-model.ts says why).
 */
import type { ProviderKind } from '../settings';
import { isRecord, oneOf, shape, type Check } from './guards';

/** Choose the provider kind; answered with the kind as saved. */
export interface SetProviderRequest {
  type: 'set_provider';
  provider: ProviderKind;
}

/** The provider kind as saved. */
export interface ProviderResponse {
  type: 'provider';
  provider: ProviderKind;
}

/** The built-in model's entries in the RPC map. */
export interface BuiltinRpcMap {
  set_provider: { request: SetProviderRequest; response: ProviderResponse };
}

const isKind = oneOf('openai-compatible', 'builtin');

/** The request if `value` is a well-formed set_provider, else null. */
export function parseSetProvider(value: unknown): SetProviderRequest | null {
  return isRecord(value) && value.type === 'set_provider' && isKind(value.provider)
    ? { type: 'set_provider', provider: value.provider as ProviderKind }
    : null;
}

/** The panel's check of the answer. */
export const isProviderResponse: Check = shape({ type: oneOf('provider'), provider: isKind });
