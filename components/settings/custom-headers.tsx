/**
 * Custom headers for the server being configured (issue 14): OpenRouter's `X-Title`, Azure's
 * `api-key`, a gateway's token. Each is saved at once for the base URL's origin and is sent only
 * there. Values are write-only like the key: the background keeps them and answers with names.
 */
import { t } from '@/components/common/i18n';
import { useEffect, useId, useRef, useState } from 'react';
import type { RpcRequest, RpcResponse } from '@/lib/protocol';
import { originOf } from '@/lib/credentials';
import { checkHeaderName, headerValueProblem } from '@/lib/custom-headers';
import { FormStatus, type Status } from '@/components/common/form-status';

export interface CustomHeadersProps {
  baseUrl: string;
  call: (request: RpcRequest) => Promise<RpcResponse>;
}

export function CustomHeaders({ baseUrl, call }: CustomHeadersProps) {
  const ids = useId();
  const origin = originOf(baseUrl);
  const [saved, setSaved] = useState<{ origin: string; names: string[] } | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  // Opens by itself when headers are saved here; removing the last one does not snap it shut.
  const [expanded, setExpanded] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const valueInput = useRef<HTMLInputElement>(null);
  // The names of the origin now typed; another origin's are never shown for it.
  const names = saved?.origin === origin ? saved.names : [];

  useEffect(() => {
    if (origin === null) return;
    let current = true;
    void call({ type: 'get_header_names', baseUrl: origin }).then((answer) => {
      if (!current || answer.type !== 'header_names') return;
      setSaved({ origin, names: answer.names });
      if (answer.names.length > 0) setExpanded(true);
    });
    return () => {
      current = false;
    };
  }, [origin, call]);

  const save = async (name: string, value: string) => {
    if (origin === null) return;
    const answer = await call({ type: 'save_header', baseUrl: origin, name, value });
    if (answer.type === 'header_names') {
      setSaved({ origin, names: answer.names });
      setStatus({
        kind: 'ok',
        text: value ? t('settings.headers.saved', [name]) : t('settings.headers.removed', [name]),
      });
      return true;
    }
    setStatus({
      kind: 'error',
      text: answer.type === 'rpc_error' ? answer.message : t('settings.headers.notSaved'),
    });
    return false;
  };

  const add = async () => {
    const name = nameInput.current?.value ?? '';
    const value = valueInput.current?.value ?? '';
    const checked = checkHeaderName(name);
    const problem = checked.ok
      ? value
        ? headerValueProblem(value)
        : t('settings.headers.enterValue')
      : null;
    if (!checked.ok || problem) {
      setStatus({ kind: 'error', text: checked.ok ? (problem ?? '') : checked.message });
      return;
    }
    if (await save(checked.name, value)) {
      // Write-only, like the key: the value is not kept in the page.
      if (nameInput.current) nameInput.current.value = '';
      if (valueInput.current) valueInput.current.value = '';
    }
  };

  if (origin === null) return null;
  return (
    <details
      className="custom-headers"
      open={expanded}
      onToggle={(e) => setExpanded(e.currentTarget.open)}
    >
      <summary>{t('settings.headers.title')}</summary>
      <p className="hint muted">{t('settings.headers.hint', [origin])}</p>
      {names.length > 0 ? (
        <ul aria-label={t('settings.headers.title')}>
          {names.map((name) => (
            <li key={name}>
              <code>{name}</code>{' '}
              <button
                type="button"
                className="button link small"
                onClick={() => void save(name, '')}
              >
                {t('settings.headers.remove', [name])}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor={`${ids}-name`}>{t('settings.headers.name')}</label>
      <input id={`${ids}-name`} ref={nameInput} type="text" autoComplete="off" spellCheck={false} />
      <label htmlFor={`${ids}-value`}>{t('settings.headers.value')}</label>
      <input id={`${ids}-value`} ref={valueInput} type="password" autoComplete="off" />
      <button type="button" className="button small" onClick={() => void add()}>
        {t('settings.headers.add')}
      </button>
      <FormStatus status={status} />
    </details>
  );
}
