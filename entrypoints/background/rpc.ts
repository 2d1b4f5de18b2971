/**
 * Request/response messages from Parley's own pages: settings and the model list. The API key
 * comes in here and never goes back out.
 */
import { browser } from 'wxt/browser';
import {
  isOwnExtensionPage,
  parseRpcRequest,
  type PublicSettings,
  type RpcResponse,
} from '@/lib/protocol';
import {
  apiKeyItem,
  moderationApiKeyItem,
  moderationUnsupportedItem,
  readSettings,
  settingsItem,
} from '@/lib/settings-store';
import { checkBaseUrl, normalizeSettings } from '@/lib/settings';
import { describeFailure, listModels } from '@/lib/llm/client';
import { ERROR_MESSAGES, failureToState } from '@/lib/llm/errors';

async function publicSettings(): Promise<PublicSettings> {
  const settings = await readSettings();
  const key = await apiKeyItem.getValue();
  const unsupportedFor = await moderationUnsupportedItem.getValue();
  const moderationBase = settings.moderation.baseUrl || settings.baseUrl;
  return {
    baseUrl: settings.baseUrl,
    model: settings.model,
    systemPrompt: settings.systemPrompt,
    moderation: settings.moderation,
    hasApiKey: key.length > 0,
    hasModerationKey: (await moderationApiKeyItem.getValue()).length > 0,
    moderationUnsupported: unsupportedFor !== '' && unsupportedFor === moderationBase,
  };
}

async function answer(raw: unknown): Promise<RpcResponse> {
  const request = parseRpcRequest(raw);
  if (!request) return { type: 'rpc_error', message: 'Unknown request.' };
  switch (request.type) {
    case 'get_settings':
      return { type: 'settings', settings: await publicSettings() };
    case 'save_settings': {
      const base = checkBaseUrl(request.baseUrl);
      if (!base.ok) return { type: 'rpc_error', message: base.message };
      if (!request.model.trim())
        return { type: 'rpc_error', message: 'Choose or type a model name.' };
      const current = await readSettings();
      await settingsItem.setValue(
        normalizeSettings({
          ...current,
          baseUrl: base.url,
          model: request.model.trim(),
          systemPrompt: request.systemPrompt,
          moderation: { ...current.moderation, ...request.moderation },
        }),
      );
      if (request.apiKey !== undefined) await apiKeyItem.setValue(request.apiKey.trim());
      if (request.moderationApiKey !== undefined)
        await moderationApiKeyItem.setValue(request.moderationApiKey.trim());
      // A changed endpoint deserves a fresh look.
      await moderationUnsupportedItem.setValue('');
      return { type: 'settings', settings: await publicSettings() };
    }
    case 'list_models': {
      const base = checkBaseUrl(request.baseUrl);
      if (!base.ok) return { type: 'rpc_error', message: base.message };
      const apiKey = request.apiKey?.trim() || (await apiKeyItem.getValue());
      try {
        const models = await listModels(
          { apiKey, baseUrl: base.url, timeoutMs: 15_000 },
          AbortSignal.timeout(20_000),
        );
        return { type: 'models', models };
      } catch (error) {
        const state = failureToState(describeFailure(error), {
          receivedText: false,
          online: navigator.onLine,
        });
        const message =
          state.kind === 'error' ? ERROR_MESSAGES[state.code] : ERROR_MESSAGES.unknown;
        return { type: 'rpc_error', message };
      }
    }
  }
}

export function acceptRpc(): void {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (!isOwnExtensionPage(sender, browser.runtime.id, origin)) return undefined;
    return answer(raw);
  });
}
