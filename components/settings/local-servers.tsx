/**
 * "Find local servers" (issue 14, item 2), in Settings and on the first-run screen: after the
 * loopback permission asked from this click, the worker probes the usual ports; what answered is
 * listed with its models, and one click fills the form with it. Nothing is probed before.
 */
import { t } from '@/components/common/i18n';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { FormStatus, type Status } from '@/components/common/form-status';
import type { LocalServer } from '@/lib/model/local-servers';
import type { RpcRequest, RpcResponse } from '@/lib/protocol';
import {
  describeServer,
  NO_MODEL_HINTS,
  refusedHint,
  SERVER_LABELS,
  type ServerHint,
} from '@/lib/llm/server-advice';
import { ensureLoopbackPermission } from './host-permission';
import './local-setup.css';
import { localizeNotice } from '@/components/notices/localize';

export interface LocalServersProps {
  call: (request: RpcRequest) => Promise<RpcResponse>;
  /** Fills the form with this server (base URL, its first model). */
  onUse: (server: LocalServer) => void;
}

const where = (server: LocalServer) =>
  server.baseUrl.replace(/^http:\/\//, '').replace(/\/v1$/, '');

function hintFor(server: LocalServer): ServerHint | null {
  if (server.status === 'empty') return NO_MODEL_HINTS[server.kind];
  if (server.status === 'needs_key') return { say: t('settings.local.needsKey') };
  if (server.status === 'refused') return refusedHint(browser.runtime.getURL('/'));
  return null;
}

export function LocalServers({ call, onUse }: LocalServersProps) {
  const [servers, setServers] = useState<LocalServer[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async () => {
    if (busy) return;
    // First await of the click: the permission prompt needs the user's gesture.
    if (!(await ensureLoopbackPermission())) {
      setStatus({
        kind: 'error',
        text: t('settings.local.needPermission'),
      });
      return;
    }
    setBusy(true);
    setServers(null);
    setStatus({ kind: 'busy', text: t('settings.local.looking') });
    try {
      const response = await call({ type: 'find_local_servers' });
      if (response.type !== 'local_servers') {
        setStatus({
          kind: 'error',
          text: response.type === 'rpc_error' ? response.message : t('settings.local.failed'),
        });
        return;
      }
      setServers(response.servers);
      const n = response.servers.length;
      setStatus({
        kind: 'ok',
        text: n ? t('settings.local.found', n) : t('settings.local.none'),
      });
    } finally {
      setBusy(false);
    }
  };

  const use = (server: LocalServer) => {
    onUse(server);
    const model = server.models[0];
    setStatus({
      kind: 'ok',
      text: model
        ? t('settings.local.filledWith', [SERVER_LABELS[server.kind], where(server), model])
        : t('settings.local.filled', [SERVER_LABELS[server.kind], where(server)]),
    });
  };

  return (
    <div className="local-servers">
      <button type="button" className="button" onClick={() => void find()}>
        {t('settings.local.find')}
      </button>
      {servers?.length ? (
        <ul className="local-server-list" aria-label={t('settings.local.list')}>
          {servers.map((server) => {
            const hint = hintFor(server);
            return (
              <li key={server.baseUrl}>
                <div className="local-server-text">
                  <span className="local-server-name">
                    {localizeNotice(describeServer(server))}
                  </span>
                  {server.models.length ? (
                    <span className="muted local-server-models">
                      {server.models.slice(0, 4).join(', ')}
                      {server.models.length > 4 ? ', …' : ''}
                    </span>
                  ) : null}
                  {hint ? (
                    <span className="local-server-hint">
                      {localizeNotice(hint.say)} {hint.command ? <code>{hint.command}</code> : null}
                    </span>
                  ) : null}
                </div>
                <button
                  type="button"
                  className="button small"
                  aria-label={t('settings.local.useAt', [
                    SERVER_LABELS[server.kind],
                    where(server),
                  ])}
                  onClick={() => use(server)}
                >
                  {t('settings.local.use')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <FormStatus status={status} />
    </div>
  );
}
