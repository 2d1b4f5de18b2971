/**
 * The built-in model's request (issue 15): the panel chooses who answers, a server or the model
 * built into Chrome. Availability and the download are not requests: the panel asks
 * `LanguageModel` itself (entrypoints/sidepanel/builtin-model.ts says why).
 */
import type { ProviderKind } from '../settings';
import { isRecord, isString, oneOf, shape, type Check } from './guards';

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

/** The meter's texts (system prompt, the branch, attachments, draft), for the model to count. */
export interface MeasureContextRequest {
  type: 'measure_context';
  texts: string[];
}

/**
 * The built-in model's own count of those texts and its context window; null where it cannot
 * say (another provider, no model, or a reply streaming): the panel estimates then.
 */
export interface ContextMeasureResponse {
  type: 'context_measure';
  tokens: number | null;
  window: number | null;
}

/** The built-in model's entries in the RPC map. */
export interface BuiltinRpcMap {
  set_provider: { request: SetProviderRequest; response: ProviderResponse };
  measure_context: { request: MeasureContextRequest; response: ContextMeasureResponse };
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

// A long conversation is a few MB at most: more than this is not the meter's.
const MAX_MEASURE_CHARS = 4_000_000;

/** The request if `value` is a well-formed measure_context, else null. */
export function parseMeasureContext(value: unknown): MeasureContextRequest | null {
  if (!isRecord(value) || value.type !== 'measure_context' || !Array.isArray(value.texts))
    return null;
  const texts = value.texts as unknown[];
  if (!texts.every(isString)) return null;
  const size = (texts as string[]).reduce((n, t) => n + t.length, 0);
  return size <= MAX_MEASURE_CHARS ? { type: 'measure_context', texts: texts as string[] } : null;
}

const isCount = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

/** The panel's check of the measure. */
export const isContextMeasureResponse: Check = shape({
  type: oneOf('context_measure'),
  tokens: isCount,
  window: isCount,
});
