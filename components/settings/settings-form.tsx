/**
 * Endpoint, key, model and system prompt: the panel's first-run setup and the options page.
 * The key field is write-only: it is sent to the background on save and cleared, never read back.
 * Keys are bound to the server they were saved for: the form shows that server's host, and a new
 * server gets the saved key only through an explicit "Use my key for <host>" (issue 12).
 */
import { FormStatus, type Status } from '@/components/common/form-status';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { PublicSettings, RpcRequest, RpcResponse } from '@/lib/protocol';
import { checkBaseUrl, presetFor, PROVIDER_PRESETS, requiresKey } from '@/lib/settings';
import { originOf } from '@/lib/credentials';
import { chatKeyStatus, moderationKeyStatus } from '@/lib/key-status';
import { DEFAULT_SYSTEM_PROMPT } from '@/lib/model/system-prompt';
import { ensureHostPermission } from './host-permission';
import { KeyBinding } from './key-binding';
import { ModerationFields } from './moderation-fields';
import { CustomHeaders } from './custom-headers';

export interface SettingsFormProps {
  initial: PublicSettings;
  call: (request: RpcRequest) => Promise<RpcResponse>;
  onSaved: (settings: PublicSettings) => void;
  compact?: boolean;
}

export function SettingsForm({ initial, call, onSaved, compact }: SettingsFormProps) {
  const ids = useId();
  const [baseUrl, setBaseUrl] = useState(initial.baseUrl);
  const [model, setModel] = useState(initial.model);
  const [systemPrompt, setSystemPrompt] = useState(initial.systemPrompt);
  const [moderation, setModeration] = useState(initial.moderation);
  const [models, setModels] = useState<string[]>([]);
  const [status, setStatus] = useState<Status | null>(null);
  // The origin the user ticked "Use my key for <host>" for: typing another URL unticks it.
  const [reuseFor, setReuseFor] = useState<string | null>(null);
  const keyInput = useRef<HTMLInputElement>(null);
  const moderationKeyInput = useRef<HTMLInputElement>(null);
  const preset = presetFor(baseUrl);
  // From `initial`, which every save updates: the background is the only source of truth.
  const keyStatus = chatKeyStatus(initial.keyOrigins, baseUrl);
  const hasKey = keyStatus.kind === 'saved';
  const reuse =
    keyStatus.kind === 'offer' && reuseFor !== null && reuseFor === originOf(baseUrl)
      ? { reuseKeyFrom: keyStatus.fromOrigin }
      : {};

  const loadModels = async () => {
    const granted = await ensureHostPermission(baseUrl);
    if (!granted) {
      setStatus({
        kind: 'error',
        text: 'Parley needs permission to reach that server to list its models.',
      });
      return;
    }
    setStatus({ kind: 'busy', text: 'Loading models…' });
    const typedKey = keyInput.current?.value || undefined;
    const response = await call({
      type: 'list_models',
      baseUrl,
      ...(typedKey ? { apiKey: typedKey } : reuse),
    });
    if (response.type === 'models') {
      setModels(response.models);
      if (response.models.length && !response.models.includes(model))
        setModel(response.models[0] ?? model);
      setStatus({ kind: 'ok', text: `${response.models.length} models available.` });
    } else {
      setStatus({
        kind: 'error',
        text: response.type === 'rpc_error' ? response.message : 'Could not list models.',
      });
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkBaseUrl(baseUrl);
    if (!checked.ok) {
      setStatus({ kind: 'error', text: checked.message });
      return;
    }
    const granted = await ensureHostPermission(checked.url);
    if (!granted) {
      setStatus({
        kind: 'error',
        text: 'Parley needs permission to reach that server. Save again and allow it.',
      });
      return;
    }
    const typedKey = keyInput.current?.value;
    const typedModerationKey = moderationKeyInput.current?.value;
    if (moderation.baseUrl.trim() && !checkBaseUrl(moderation.baseUrl).ok) {
      setStatus({ kind: 'error', text: 'The moderation base URL is not a valid http(s) URL.' });
      return;
    }
    if (moderation.baseUrl.trim() && !(await ensureHostPermission(moderation.baseUrl))) {
      setStatus({ kind: 'error', text: 'Parley needs permission to reach the moderation server.' });
      return;
    }
    if (!typedKey && !hasKey && !('reuseKeyFrom' in reuse) && requiresKey(checked.url)) {
      setStatus({ kind: 'error', text: 'Enter your OpenAI API key (it starts with sk-).' });
      return;
    }
    const response = await call({
      type: 'save_settings',
      baseUrl: checked.url,
      model,
      systemPrompt,
      moderation,
      ...(typedKey ? { apiKey: typedKey } : reuse),
      ...(typedModerationKey ? { moderationApiKey: typedModerationKey } : {}),
    });
    if (response.type !== 'settings') {
      setStatus({
        kind: 'error',
        text: response.type === 'rpc_error' ? response.message : 'Could not save.',
      });
      return;
    }
    if (keyInput.current) keyInput.current.value = '';
    if (moderationKeyInput.current) moderationKeyInput.current.value = '';
    setReuseFor(null);
    setStatus({ kind: 'ok', text: 'Saved.' });
    onSaved(response.settings);
  };

  const removeKey = async () => {
    const response = await call({
      type: 'save_settings',
      baseUrl,
      model,
      systemPrompt,
      apiKey: '',
    });
    if (response.type === 'settings') {
      setStatus({ kind: 'ok', text: 'API key removed.' });
      onSaved(response.settings);
    }
  };

  return (
    <form className="settings-form" onSubmit={(e) => void save(e)}>
      <label htmlFor={`${ids}-provider`}>Provider</label>
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
            {p.label}
          </option>
        ))}
      </select>

      <label htmlFor={`${ids}-base`}>Base URL</label>
      <input
        id={`${ids}-base`}
        type="url"
        value={baseUrl}
        onChange={(e) => setBaseUrl(e.target.value)}
        spellCheck={false}
      />

      <label htmlFor={`${ids}-key`}>API key</label>
      <input
        id={`${ids}-key`}
        ref={keyInput}
        type="password"
        autoComplete="off"
        placeholder={
          hasKey
            ? 'Saved (type to replace)'
            : requiresKey(baseUrl)
              ? 'sk-…'
              : 'Optional for local servers'
        }
      />
      <KeyBinding
        status={keyStatus}
        confirmed={'reuseKeyFrom' in reuse}
        onConfirm={(yes) => setReuseFor(yes ? originOf(baseUrl) : null)}
        onRemove={() => void removeKey()}
      />
      <CustomHeaders baseUrl={baseUrl} call={call} />

      <label htmlFor={`${ids}-model`}>Model</label>
      <div className="row">
        <input
          id={`${ids}-model`}
          role="combobox"
          aria-expanded={false}
          aria-autocomplete="list"
          list={`${ids}-models`}
          value={model}
          onChange={(e) => setModel(e.target.value)}
          spellCheck={false}
        />
        <button type="button" className="button" onClick={() => void loadModels()}>
          Load models
        </button>
      </div>
      <datalist id={`${ids}-models`}>
        {models.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>

      {compact ? null : (
        <>
          <label htmlFor={`${ids}-prompt`}>System prompt</label>
          <textarea
            id={`${ids}-prompt`}
            rows={8}
            value={systemPrompt}
            onChange={(e) => setSystemPrompt(e.target.value)}
          />
          <button
            type="button"
            className="button link small"
            onClick={() => setSystemPrompt(DEFAULT_SYSTEM_PROMPT)}
          >
            Restore default prompt
          </button>
          <ModerationFields
            value={moderation}
            onChange={setModeration}
            unsupported={initial.moderationUnsupported}
            keyStatus={moderationKeyStatus(initial, baseUrl, moderation.baseUrl)}
            keyInput={moderationKeyInput}
          />
        </>
      )}

      <div className="row">
        <button type="submit" className="button primary">
          Save
        </button>
      </div>
      <FormStatus status={status} />
    </form>
  );
}
