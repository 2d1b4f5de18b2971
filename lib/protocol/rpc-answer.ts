/**
 * The panel's check of the background's answers (rpc.ts holds the map they follow). Its own module,
 * which the panel loads when it first calls, so the guards stay out of its initial bundle (budget).
 * Not re-exported from index.ts: a static import there would pull it back in.
 */
import { arrayOf, isBoolean, isRecord, isString, oneOf, shape, type Check } from './guards';
import { NO_ANSWER, type RpcName, type RpcResult } from './rpc';
import { notice } from '../model/notices';
import { localResponseGuards } from './rpc-local-answer';
import { isHeaderNamesResponse } from './header-rpc';
import { isContextMeasureResponse, isProviderResponse } from './builtin-rpc';

const isSettingsResponse: Check = shape({
  type: oneOf('settings'),
  settings: shape({
    baseUrl: isString,
    model: isString,
    systemPrompt: isString,
    firstTokenTimeoutMs: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0,
    moderation: shape({
      mode: isString,
      provider: isString,
      categoryOverrides: isRecord,
      failMode: isString,
      checkReplies: isBoolean,
      llamaGuardModel: isString,
      baseUrl: isString,
    }),
    hasApiKey: isBoolean,
    hasModerationKey: isBoolean,
    keyOrigins: arrayOf(isString),
    moderationKeyOrigins: arrayOf(isString),
    moderationUnsupported: isBoolean,
  }),
});

const responseGuards: { [K in RpcName]: Check } = {
  get_settings: isSettingsResponse,
  save_settings: isSettingsResponse,
  list_models: shape({ type: oneOf('models'), models: arrayOf(isString) }),
  ...localResponseGuards,
  get_header_names: isHeaderNamesResponse,
  save_header: isHeaderNamesResponse,
  set_provider: isProviderResponse,
  measure_context: isContextMeasureResponse,
};

const isRpcError: Check = shape({ type: oneOf('rpc_error'), message: isString });

/** Said when the answer is not the shape its request promises (a bug, or versions out of step). */
export const UNREADABLE_ANSWER = notice('rpcUnreadable');

/**
 * The background's answer to the request named `name`, checked: its response or an error as sent,
 * and anything else (no answer, a wrong shape) an error saying so, never a cast.
 */
export function parseRpcResponse<K extends RpcName>(name: K, value: unknown): RpcResult<K> {
  return responseGuards[name](value) || isRpcError(value)
    ? (value as RpcResult<K>)
    : { type: 'rpc_error', message: value === undefined ? NO_ANSWER : UNREADABLE_ANSWER };
}
