/**
 * The model combobox and Load models: the endpoint's models from the worker (with the typed key
 * or the one saved for it). A list that loads is an answer: Save need not test again.
 */
import { t } from '@/components/common/i18n';
import type { Status } from '@/components/common/form-status';
import type { RpcRequest, RpcResponse } from '@/lib/protocol';
import { ensureHostPermission } from './host-permission';
import type { ConnectionCheck } from './use-connection-check';

export interface ModelFieldProps {
  id: string;
  baseUrl: string;
  model: string;
  onModel: (model: string) => void;
  models: string[];
  onModels: (models: string[]) => void;
  typedKey: () => string | undefined;
  reuse: { reuseKeyFrom?: string };
  call: (request: RpcRequest) => Promise<RpcResponse>;
  onStatus: (status: Status) => void;
  check: ConnectionCheck;
}

export function ModelField(props: ModelFieldProps) {
  const { id, baseUrl, model, onModel, models, onStatus } = props;
  const loadModels = async () => {
    const granted = await ensureHostPermission(baseUrl);
    if (!granted) {
      onStatus({
        kind: 'error',
        text: t('settings.model.needPermission'),
      });
      return;
    }
    onStatus({ kind: 'busy', text: t('settings.model.loading') });
    const typedKey = props.typedKey();
    const response = await props.call({
      type: 'list_models',
      baseUrl,
      ...(typedKey ? { apiKey: typedKey } : props.reuse),
    });
    if (response.type === 'models') {
      props.onModels(response.models);
      if (response.models.length && !response.models.includes(model))
        onModel(response.models[0] ?? model);
      onStatus({ kind: 'ok', text: t('settings.model.available', response.models.length) });
      const keySent = Boolean(typedKey);
      props.check.record({
        verdict: response.models.length
          ? { kind: 'ok', models: response.models, keySent }
          : { kind: 'no_models', server: 'openai-compatible', keySent },
      });
    } else {
      onStatus({
        kind: 'error',
        text: response.type === 'rpc_error' ? response.message : t('settings.model.failed'),
      });
    }
  };
  return (
    <>
      <label htmlFor={id}>{t('settings.model.label')}</label>
      <div className="row">
        <input
          id={id}
          role="combobox"
          dir="ltr"
          aria-expanded={false}
          aria-autocomplete="list"
          list={`${id}-models`}
          value={model}
          onChange={(e) => onModel(e.target.value)}
          spellCheck={false}
        />
        <button type="button" className="button" onClick={() => void loadModels()}>
          {t('settings.model.load')}
        </button>
      </div>
      <datalist id={`${id}-models`}>
        {models.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
    </>
  );
}
