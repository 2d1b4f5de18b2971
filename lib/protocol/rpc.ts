/**
 * Request/response over `runtime.sendMessage` (settings, the model list): one typed map from each
 * request's name to its request and response, validated where each is received: the background
 * checks the request (rpc-request.ts), the panel checks the answer (rpc-answer.ts).
 */
import type { ModerationSettings } from '../model/moderation';
import { notice } from '../model/notices';
import type * as Local from './rpc-local';
import type { HeaderRpcMap } from './header-rpc';
import type { BuiltinRpcMap } from './builtin-rpc';

/** The panel-visible part of the settings: the key itself never leaves the background. */
export interface PublicSettings {
  /** Who answers: a server, or the browser's built-in model (issue 15). */
  provider?: 'openai-compatible' | 'builtin';
  baseUrl: string;
  model: string;
  systemPrompt: string;
  /** The longest wait for a reply's first token, in ms (Settings: "Wait for the first token"). */
  firstTokenTimeoutMs: number;
  moderation: ModerationSettings;
  /** A key is saved for the chat base URL's origin (keys are bound to origins, lib/credentials). */
  hasApiKey: boolean;
  /** A separate key is saved for the moderation endpoint's origin. */
  hasModerationKey: boolean;
  /** Origins with a saved chat key, most recent last: hosts for the UI, never the keys. */
  keyOrigins: string[];
  /** Origins with a saved moderation key. */
  moderationKeyOrigins: string[];
  /** The moderation endpoint answered 404: this endpoint cannot check messages. */
  moderationUnsupported: boolean;
}

/** Save the settings; answered with the settings as saved. */
export interface SaveSettingsRequest {
  type: 'save_settings';
  /** `apiKey` undefined keeps the stored key; an empty string removes it. */
  apiKey?: string;
  /** Same rule as `apiKey`, for the optional moderation key. */
  moderationApiKey?: string;
  /** The user confirmed "Use my key for <host>": the key saved for this origin goes there too. */
  reuseKeyFrom?: string;
  baseUrl: string;
  model: string;
  systemPrompt: string;
  /** The first-token cap in ms; undefined keeps the saved one. The background checks its range. */
  firstTokenTimeoutMs?: number;
  /** Validated and repaired by normalizeSettings on the background side. */
  moderation?: Partial<ModerationSettings>;
}

/** Ask an endpoint for its models, with the typed key or the one saved for `reuseKeyFrom`. */
export interface ListModelsRequest {
  type: 'list_models';
  baseUrl: string;
  apiKey?: string;
  reuseKeyFrom?: string;
}

/** The panel-visible settings, the answer to reading or saving them. */
export interface SettingsResponse {
  type: 'settings';
  settings: PublicSettings;
}

/** The model names an endpoint offers. */
export interface ModelsResponse {
  type: 'models';
  models: string[];
}

/** Any request can fail: one sentence for the user. */
export interface RpcError {
  type: 'rpc_error';
  message: string;
}

/** Every request by name, with what it sends and what a successful answer is. */
export interface RpcMap extends HeaderRpcMap, BuiltinRpcMap {
  get_settings: { request: { type: 'get_settings' }; response: SettingsResponse };
  save_settings: { request: SaveSettingsRequest; response: SettingsResponse };
  list_models: { request: ListModelsRequest; response: ModelsResponse };
  find_local_servers: {
    request: Local.FindLocalServersRequest;
    response: Local.LocalServersResponse;
  };
  test_connection: { request: Local.TestConnectionRequest; response: Local.ConnectionResponse };
}

/** A request's name. */
export type RpcName = keyof RpcMap;

/** The request named `K` (its `type` is `K`, so the name is inferred from the object). */
export type RpcRequestOf<K extends RpcName> = RpcMap[K]['request'] & { type: K };

/** The answer to the request named `K`: its response or an error. */
export type RpcResult<K extends RpcName> = RpcMap[K]['response'] | RpcError;

/** Any request. */
export type RpcRequest = RpcMap[RpcName]['request'];

/** Any answer. */
export type RpcResponse = RpcResult<RpcName>;

/** Said when the background sent no answer (it was restarting, or nothing listened). */
export const NO_ANSWER = notice('rpcNoAnswer');
