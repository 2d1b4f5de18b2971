/**
 * Endpoint, key, model and system prompt: the panel's first-run setup and the options page.
 * The key field is write-only: it is sent to the background on save and cleared, never read back.
 * Keys are bound to the server they were saved for: the form shows that server's host, and a new
 * server gets the saved key only through an explicit "Use my key for <host>" (issue 12).
 * Find local servers fills the form from what answers on this computer, Test connection says
 * whether the endpoint answers, and Save asks before keeping one that does not (issue 14).
 */
import { FormStatus, type Status } from '@/components/common/form-status';
import './settings.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { LocalServer } from '@/lib/model/local-servers';
import type { PublicSettings, RpcRequest, RpcResponse } from '@/lib/protocol';
import { presetFor, PROVIDER_PRESETS, requiresKey } from '@/lib/settings';
import { originOf } from '@/lib/credentials';
import { chatKeyStatus, moderationKeyStatus } from '@/lib/key-status';
import { t } from '@/components/common/i18n';
import { ConnectionTest } from './connection-test';
import { CustomHeaders } from './custom-headers';
import { KeyBinding } from './key-binding';
import { LocalServers } from './local-servers';
import { ModelField } from './model-field';
import { ModerationFields } from './moderation-fields';
import { endpointFingerprint, useConnectionCheck } from './use-connection-check';
import { useSaveSettings } from './use-save-settings';
import { BuiltinGate } from './builtin-gate';
import { waitMinutesText } from './wait-field';
import { BehaviourFields } from './behaviour-fields';
import { presetLabel } from './preset-label';
import type { FocusField } from './focus-field';

export interface SettingsFormProps {
  initial: PublicSettings;
  call: (request: RpcRequest) => Promise<RpcResponse>;
  onSaved: (settings: PublicSettings) => void;
  compact?: boolean;
  /**
   * The field to focus when the form opens without focus elsewhere: "Open settings" on an error
   * card leaves the chat (and focus with it), so the field the error is about takes it (issue 16).
   */
  focusField?: FocusField;
}

export function SettingsForm(props: SettingsFormProps) {
  const { initial, call, onSaved, compact, focusField } = props;
  const ids = useId();
  const [baseUrl, setBaseUrl] = useState(initial.baseUrl);
  const [model, setModel] = useState(initial.model);
  const [systemPrompt, setSystemPrompt] = useState(initial.systemPrompt);
  const [waitMinutes, setWaitMinutes] = useState(waitMinutesText(initial.firstTokenTimeoutMs));
  const [moderation, setModeration] = useState(initial.moderation);
  const [models, setModels] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | null>(null);
  // The origin the user ticked "Use my key for <host>" for: typing another URL unticks it.
  const [reuseFor, setReuseFor] = useState<string | null>(null);
  // Each edit of the (write-only) key field makes an earlier connection test stale.
  const [keyEdits, setKeyEdits] = useState(0);
  const keyInput = useRef<HTMLInputElement>(null);
  const moderationKeyInput = useRef<HTMLInputElement>(null);
  const baseUrlInput = useRef<HTMLInputElement>(null);
  const preset = presetFor(baseUrl);
  // From `initial`, which every save updates: the background is the only source of truth.
  const keyStatus = chatKeyStatus(initial.keyOrigins, baseUrl);
  const hasKey = keyStatus.kind === 'saved';
  const reuse =
    keyStatus.kind === 'offer' && reuseFor !== null && reuseFor === originOf(baseUrl)
      ? { reuseKeyFrom: keyStatus.fromOrigin }
      : {};
  const fingerprint = endpointFingerprint(baseUrl, keyEdits, reuse.reuseKeyFrom);
  const check = useConnectionCheck(call, fingerprint);
  const typedKey = () => keyInput.current?.value || undefined;
  useEffect(() => {
    if (!focusField) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const field =
      focusField === 'key'
        ? keyInput.current
        : focusField === 'model'
          ? document.getElementById(`${ids}-model`)
          : baseUrlInput.current;
    (field ?? baseUrlInput.current)?.focus();
    // Once, as the form opens: later renders must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { save, removeKey, asking } = useSaveSettings({
    initial,
    baseUrl,
    model,
    systemPrompt,
    waitMinutes,
    moderation,
    keyInput,
    moderationKeyInput,
    hasKey,
    reuse,
    check,
    fingerprint,
    call,
    onSaved,
    onStatus: setStatus,
    onKeysCleared: () => {
      if (keyInput.current) keyInput.current.value = '';
      if (moderationKeyInput.current) moderationKeyInput.current.value = '';
      setReuseFor(null);
    },
  });

  // A server picked from "Find local servers": its URL and first model, and what it answered
  // (without a key) counts as a test of it.
  const useLocalServer = (server: LocalServer) => {
    setBaseUrl(server.baseUrl);
    setModels(server.models);
    if (server.models[0]) setModel(server.models[0]);
    const forServer = endpointFingerprint(server.baseUrl, keyEdits);
    const verdict =
      server.status === 'models'
        ? { kind: 'ok' as const, models: server.models, keySent: false }
        : server.status === 'empty'
          ? { kind: 'no_models' as const, server: server.kind, keySent: false }
          : server.status === 'needs_key'
            ? { kind: 'key_rejected' as const, keySent: false }
            : { kind: 'refused' as const, local: true };
    check.record({ verdict }, forServer);
  };

  const connection = (
    <BuiltinGate>
      <label htmlFor={`${ids}-provider`}>{t('settings.connection.provider')}</label>
      <select
        id={`${ids}-provider`}
        value={preset}
        onChange={(e) => {
          const next = PROVIDER_PRESETS.find((p) => p.id === e.target.value);
          if (next && next.baseUrl) setBaseUrl(next.baseUrl);
        }}
      >
        {PROVIDER_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {presetLabel(p)}
          </option>
        ))}
      </select>
      <LocalServers call={call} onUse={useLocalServer} />

      <label htmlFor={`${ids}-base`}>{t('settings.connection.baseUrl')}</label>
      <input
        id={`${ids}-base`}
        ref={baseUrlInput}
        type="url"
        // URLs and keys read left to right in every language (the placeholder too).
        dir="ltr"
        value={baseUrl}
        onChange={(e) => setBaseUrl(e.target.value)}
        spellCheck={false}
      />
      <ConnectionTest baseUrl={baseUrl} typedKey={typedKey} reuse={reuse} check={check} />

      <label htmlFor={`${ids}-key`}>{t('settings.key.label')}</label>
      <input
        id={`${ids}-key`}
        ref={keyInput}
        type="password"
        dir="ltr"
        autoComplete="off"
        onChange={() => setKeyEdits((n) => n + 1)}
        placeholder={
          hasKey
            ? t('settings.key.savedPlaceholder')
            : requiresKey(baseUrl)
              ? t('settings.key.openaiPlaceholder')
              : t('settings.key.optionalPlaceholder')
        }
      />
      <KeyBinding
        status={keyStatus}
        confirmed={'reuseKeyFrom' in reuse}
        onConfirm={(yes) => setReuseFor(yes ? originOf(baseUrl) : null)}
        onRemove={() => void removeKey().then(() => keyInput.current?.focus())}
      />
      <CustomHeaders baseUrl={baseUrl} call={call} />

      <ModelField
        id={`${ids}-model`}
        baseUrl={baseUrl}
        model={model}
        onModel={setModel}
        models={models}
        onModels={setModels}
        typedKey={typedKey}
        reuse={reuse}
        call={call}
        onStatus={setStatus}
        check={check}
      />
    </BuiltinGate>
  );

  return (
    <form
      className="settings-form settings-page"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      {/* issue 15: the built-in model has no endpoint, key or model (BuiltinGate). */}
      {compact ? (
        connection
      ) : (
        <section className="settings-section" aria-labelledby={`${ids}-connection`}>
          <h2 id={`${ids}-connection`}>{t('settings.connection.title')}</h2>
          {connection}
        </section>
      )}

      {compact ? null : (
        <>
          <BehaviourFields
            systemPrompt={systemPrompt}
            onSystemPrompt={setSystemPrompt}
            waitMinutes={waitMinutes}
            onWaitMinutes={setWaitMinutes}
          />
          <ModerationFields
            value={moderation}
            onChange={setModeration}
            unsupported={initial.moderationUnsupported}
            keyStatus={moderationKeyStatus(initial, baseUrl, moderation.baseUrl)}
            keyInput={moderationKeyInput}
          />
        </>
      )}

      {/* Save belongs to the fields above: a bar at the form's foot that stays in view with it. */}
      <div className="settings-footer">
        {asking ? (
          <div className="save-anyway" role="alert">
            <p>{t('settings.save.askAnyway', [asking])}</p>
            <button type="button" className="button" onClick={() => void save(true)}>
              {t('settings.save.anyway')}
            </button>
          </div>
        ) : null}
        <div className="settings-footer-row">
          <button type="submit" className="button primary">
            {t('settings.save.save')}
          </button>
          <FormStatus status={status} />
        </div>
      </div>
    </form>
  );
}
