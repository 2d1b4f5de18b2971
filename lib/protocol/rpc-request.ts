/** The background's check of an RPC request from one of Parley's pages (the map is in rpc.ts). */
import type { ModerationSettings } from '../model/moderation';
import { isRecord, isString } from './guards';
import { parseHeaderRequest } from './header-rpc';
import { parseMeasureContext, parseSetProvider } from './builtin-rpc';
import type { RpcRequest } from './rpc';
import { isLocalRequest, parseLocalRequest } from './rpc-local';

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The request if it is well formed, with only its known fields kept, else null. */
export function parseRpcRequest(value: unknown): RpcRequest | null {
  if (!isRecord(value)) return null;
  if (isLocalRequest(value)) return parseLocalRequest(value);
  switch (value.type) {
    case 'get_settings':
      return { type: 'get_settings' };
    case 'save_settings':
      return isString(value.baseUrl) &&
        isString(value.model) &&
        isString(value.systemPrompt) &&
        (value.apiKey === undefined || isString(value.apiKey)) &&
        (value.moderationApiKey === undefined || isString(value.moderationApiKey)) &&
        (value.reuseKeyFrom === undefined || isString(value.reuseKeyFrom)) &&
        (value.firstTokenTimeoutMs === undefined || isFiniteNumber(value.firstTokenTimeoutMs)) &&
        (value.moderation === undefined || isRecord(value.moderation))
        ? {
            type: 'save_settings',
            baseUrl: value.baseUrl,
            model: value.model,
            systemPrompt: value.systemPrompt,
            ...(value.apiKey === undefined ? {} : { apiKey: value.apiKey }),
            ...(isString(value.moderationApiKey)
              ? { moderationApiKey: value.moderationApiKey }
              : {}),
            ...(isString(value.reuseKeyFrom) ? { reuseKeyFrom: value.reuseKeyFrom } : {}),
            ...(isFiniteNumber(value.firstTokenTimeoutMs)
              ? { firstTokenTimeoutMs: value.firstTokenTimeoutMs }
              : {}),
            ...(isRecord(value.moderation)
              ? { moderation: value.moderation as Partial<ModerationSettings> }
              : {}),
          }
        : null;
    case 'list_models':
      return isString(value.baseUrl) &&
        (value.apiKey === undefined || isString(value.apiKey)) &&
        (value.reuseKeyFrom === undefined || isString(value.reuseKeyFrom))
        ? {
            type: 'list_models',
            baseUrl: value.baseUrl,
            ...(isString(value.apiKey) ? { apiKey: value.apiKey } : {}),
            ...(isString(value.reuseKeyFrom) ? { reuseKeyFrom: value.reuseKeyFrom } : {}),
          }
        : null;
    case 'set_provider':
      return parseSetProvider(value);
    case 'measure_context':
      return parseMeasureContext(value);
    case 'get_header_names':
    case 'save_header':
      return parseHeaderRequest(value);
    default:
      return null;
  }
}
