/**
 * Request/response messages from Parley's own pages: settings and the model list. Keys come in
 * here and never go back out: the panel learns only which origins have one.
 */
import { browser } from 'wxt/browser';
import {
  isOwnExtensionPage,
  parseRpcRequest,
  type PublicSettings,
  type RpcMap,
  type RpcName,
  type RpcRequest,
  type RpcResponse,
  type RpcResult,
} from '@/lib/protocol';
import {
  moderationUnsupportedItem,
  readKeyRing,
  readSettings,
  settingsItem,
  updateKeyRing,
} from '@/lib/settings-store';
import { checkBaseUrl, checkFirstTokenMs, normalizeSettings } from '@/lib/settings';
import {
  applyKeyChanges,
  keyForRequest,
  moderationBaseUrl,
  originOf,
  originsWith,
  secretFor,
} from '@/lib/credentials';
import { describeFailure } from '@/lib/llm/client';
import type { ProviderFactory } from '@/lib/llm/provider';
import { headerHandlers } from './endpoint-headers';
import { withOriginRules } from './origin-rule';
import { ERROR_MESSAGES, failureToState } from '@/lib/llm/errors';
import { createLocalHandlers } from './rpc-local';
import { builtinHandlers } from './rpc-builtin';

async function publicSettings(): Promise<PublicSettings> {
  const [settings, ring, unsupportedFor] = await Promise.all([
    readSettings(),
    readKeyRing(),
    moderationUnsupportedItem.getValue(),
  ]);
  const moderationBase = moderationBaseUrl(settings);
  return {
    provider: settings.provider,
    baseUrl: settings.baseUrl,
    model: settings.model,
    systemPrompt: settings.systemPrompt,
    firstTokenTimeoutMs: settings.firstTokenTimeoutMs,
    moderation: settings.moderation,
    hasApiKey: secretFor(ring, originOf(settings.baseUrl), 'apiKey') !== '',
    hasModerationKey: secretFor(ring, originOf(moderationBase), 'moderationApiKey') !== '',
    keyOrigins: originsWith(ring, 'apiKey'),
    moderationKeyOrigins: originsWith(ring, 'moderationApiKey'),
    moderationUnsupported: unsupportedFor !== '' && unsupportedFor === moderationBase,
  };
}

type Handlers = { [K in RpcName]: (request: RpcMap[K]['request']) => Promise<RpcResult<K>> };

/**
 * One handler per request name: the map types each one's request and answer. The model list
 * comes through the same ModelProvider interface the engine uses.
 */
const createHandlers = (provider: ProviderFactory): Handlers => ({
  ...headerHandlers,
  ...createLocalHandlers(),
  ...builtinHandlers,
  async get_settings() {
    return { type: 'settings', settings: await publicSettings() };
  },
  async save_settings(request) {
    const base = checkBaseUrl(request.baseUrl);
    if (!base.ok) return { type: 'rpc_error', message: base.message };
    if (!request.model.trim())
      return { type: 'rpc_error', message: 'Choose or type a model name.' };
    const wait = request.firstTokenTimeoutMs;
    const waitProblem = wait === undefined ? null : checkFirstTokenMs(wait);
    if (waitProblem) return { type: 'rpc_error', message: waitProblem };
    // Keys of an older version bind to the endpoint they were used with, not the new one.
    await readKeyRing();
    const current = await readSettings();
    const next = normalizeSettings({
      ...current,
      baseUrl: base.url,
      model: request.model.trim(),
      systemPrompt: request.systemPrompt,
      ...(wait === undefined ? {} : { firstTokenTimeoutMs: wait }),
      moderation: { ...current.moderation, ...request.moderation },
    });
    await settingsItem.setValue(next);
    // Typed keys bind to the origins just saved; whatever was saved for others stays theirs.
    await updateKeyRing((ring) => applyKeyChanges(ring, next, request));
    // A changed endpoint deserves a fresh look.
    await moderationUnsupportedItem.setValue('');
    return { type: 'settings', settings: await publicSettings() };
  },
  async list_models(request) {
    const base = checkBaseUrl(request.baseUrl);
    if (!base.ok) return { type: 'rpc_error', message: base.message };
    const apiKey = keyForRequest(await readKeyRing(), base.url, request);
    try {
      // A local URL not saved yet has no Origin rule: Load models would meet Ollama's 403.
      const models = await withOriginRules([base.url], () =>
        provider({ apiKey, baseUrl: base.url, timeoutMs: 15_000 }).listModels(
          AbortSignal.timeout(20_000),
        ),
      );
      return { type: 'models', models };
    } catch (error) {
      const state = failureToState(describeFailure(error), {
        receivedText: false,
        online: navigator.onLine,
      });
      const message = state.kind === 'error' ? ERROR_MESSAGES[state.code] : ERROR_MESSAGES.unknown;
      return { type: 'rpc_error', message };
    }
  },
});

/** The request checked (it may come from any of our pages), then answered by its handler. */
async function answer(handlers: Handlers, raw: unknown): Promise<RpcResponse> {
  const request = parseRpcRequest(raw);
  if (!request) return { type: 'rpc_error', message: 'Unknown request.' };
  const handle = handlers[request.type] as (request: RpcRequest) => Promise<RpcResponse>;
  return handle(request);
}

/** Answers our pages' requests; `provider` is the same factory the chat service is given. */
export function acceptRpc(provider: ProviderFactory): void {
  const handlers = createHandlers(provider);
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (!isOwnExtensionPage(sender, browser.runtime.id, origin)) return undefined;
    return answer(handlers, raw);
  });
}
