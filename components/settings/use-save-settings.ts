/**
 * Save, and Remove saved key, for the settings form. Save checks a new endpoint first (issue 14,
 * item 7): when it never answered (or answered with a refusal) Save asks "Save anyway?" once,
 * and the user's second click saves it all the same: a server that is down today is not wrong.
 */
import { t } from '@/components/common/i18n';
import { useState, type RefObject } from 'react';
import { browser } from 'wxt/browser';
import type { Status } from '@/components/common/form-status';
import type { ModerationSettings } from '@/lib/model/moderation';
import type { PublicSettings, RpcRequest, RpcResponse } from '@/lib/protocol';
import { checkBaseUrl, checkFirstTokenMs, requiresKey } from '@/lib/settings';
import { firstTokenMsFrom } from './wait-field';
import { nextSaveStep } from '@/lib/llm/connection-test';
import { describeVerdict } from '@/lib/llm/server-advice';
import { ensureHostPermission } from './host-permission';
import type { ConnectionCheck } from './use-connection-check';

/** What Save sends and what it needs to know about the form. */
export interface SaveInput {
  initial: PublicSettings;
  baseUrl: string;
  model: string;
  systemPrompt: string;
  /** "Wait for the first token" as typed, in minutes (wait-field.tsx). */
  waitMinutes: string;
  moderation: ModerationSettings;
  keyInput: RefObject<HTMLInputElement | null>;
  moderationKeyInput: RefObject<HTMLInputElement | null>;
  hasKey: boolean;
  reuse: { reuseKeyFrom?: string };
  check: ConnectionCheck;
  /** Which endpoint and key the form shows now (use-connection-check). */
  fingerprint: string;
  call: (request: RpcRequest) => Promise<RpcResponse>;
  onSaved: (settings: PublicSettings) => void;
  onStatus: (status: Status | null) => void;
  /** Empties the write-only key fields once their keys are saved. */
  onKeysCleared: () => void;
}

/** `save(insisted)`, `removeKey()`, and the question Save is asking for this endpoint, if any. */
export function useSaveSettings(input: SaveInput) {
  const [ask, setAsk] = useState<{ fingerprint: string; text: string } | null>(null);
  const asking = ask?.fingerprint === input.fingerprint ? ask.text : null;
  const { call, onStatus: setStatus } = input;

  const save = async (insisted: boolean) => {
    const { baseUrl, moderation, reuse, check } = input;
    const checked = checkBaseUrl(baseUrl);
    if (!checked.ok) return setStatus({ kind: 'error', text: checked.message });
    const granted = await ensureHostPermission(checked.url);
    if (!granted) {
      return setStatus({
        kind: 'error',
        text: t('settings.save.needPermission'),
      });
    }
    const firstTokenTimeoutMs = firstTokenMsFrom(input.waitMinutes);
    const waitProblem = checkFirstTokenMs(firstTokenTimeoutMs);
    if (waitProblem) return setStatus({ kind: 'error', text: waitProblem });
    const typedKey = input.keyInput.current?.value;
    const typedModerationKey = input.moderationKeyInput.current?.value;
    if (moderation.baseUrl.trim() && !checkBaseUrl(moderation.baseUrl).ok) {
      return setStatus({
        kind: 'error',
        text: t('settings.save.badModerationUrl'),
      });
    }
    if (moderation.baseUrl.trim() && !(await ensureHostPermission(moderation.baseUrl))) {
      return setStatus({
        kind: 'error',
        text: t('settings.save.needModerationPermission'),
      });
    }
    if (!typedKey && !input.hasKey && !('reuseKeyFrom' in reuse) && requiresKey(checked.url)) {
      return setStatus({ kind: 'error', text: t('settings.save.needKey') });
    }
    const endpointChanged =
      checked.url !== input.initial.baseUrl || Boolean(typedKey) || 'reuseKeyFrom' in reuse;
    let verdict = check.verdict;
    let step = nextSaveStep({ endpointChanged, verdict, insisted });
    if (step === 'test') {
      setStatus({ kind: 'busy', text: t('settings.save.checking') });
      const outcome = await check.run({
        baseUrl: checked.url,
        ...(typedKey ? { apiKey: typedKey } : reuse),
      });
      if ('error' in outcome) {
        setStatus(null);
        return setAsk({ fingerprint: input.fingerprint, text: outcome.error });
      }
      verdict = outcome.verdict;
      step = nextSaveStep({ endpointChanged, verdict, insisted });
    }
    if (step === 'ask' && verdict) {
      setStatus(null);
      const { text } = describeVerdict(verdict, browser.runtime.getURL('/'));
      return setAsk({ fingerprint: input.fingerprint, text });
    }
    setAsk(null);
    const response = await call({
      type: 'save_settings',
      baseUrl: checked.url,
      model: input.model,
      systemPrompt: input.systemPrompt,
      firstTokenTimeoutMs,
      moderation,
      ...(typedKey ? { apiKey: typedKey } : reuse),
      ...(typedModerationKey ? { moderationApiKey: typedModerationKey } : {}),
    });
    if (response.type !== 'settings') {
      return setStatus({
        kind: 'error',
        text: response.type === 'rpc_error' ? response.message : t('settings.save.failed'),
      });
    }
    input.onKeysCleared();
    setStatus({ kind: 'ok', text: t('settings.save.saved') });
    input.onSaved(response.settings);
  };

  const removeKey = async () => {
    const response = await call({
      type: 'save_settings',
      baseUrl: input.baseUrl,
      model: input.model,
      systemPrompt: input.systemPrompt,
      apiKey: '',
    });
    if (response.type === 'settings') {
      setStatus({ kind: 'ok', text: t('settings.key.removed') });
      input.onSaved(response.settings);
    }
  };

  return { save, removeKey, asking };
}
