/**
 * "Find local servers" (issue 14, item 2), in Settings and on the first-run screen: after the
 * loopback permission asked from this click, the worker probes the usual ports; what answered is
 * listed with its models, and one click fills the form with it. Nothing is probed before.
 */
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

export interface LocalServersProps {
  call: (request: RpcRequest) => Promise<RpcResponse>;
  /** Fills the form with this server (base URL, its first model). */
  onUse: (server: LocalServer) => void;
}

const where = (server: LocalServer) =>
  server.baseUrl.replace(/^http:\/\//, '').replace(/\/v1$/, '');

function hintFor(server: LocalServer): ServerHint | null {
  if (server.status === 'empty') return NO_MODEL_HINTS[server.kind];
  if (server.status === 'needs_key') return { say: 'Use it, then enter its API key below.' };
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
        text: 'Parley needs permission to look for servers on this computer. Click again and allow it.',
      });
      return;
    }
    setBusy(true);
    setServers(null);
    setStatus({ kind: 'busy', text: 'Looking for local servers…' });
    try {
      const response = await call({ type: 'find_local_servers' });
      if (response.type !== 'local_servers') {
        setStatus({
          kind: 'error',
          text: response.type === 'rpc_error' ? response.message : 'Could not look.',
        });
        return;
      }
      setServers(response.servers);
      const n = response.servers.length;
      setStatus({
        kind: 'ok',
        text: n
          ? `Found ${n} local ${n === 1 ? 'server' : 'servers'}.`
          : 'No local server answered on the usual ports (Ollama 11434, LM Studio 1234, llama.cpp 8080, vLLM 8000, Jan 1337, 5000, 5001). Start one, or type its base URL.',
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
      text: `${SERVER_LABELS[server.kind]} at ${where(server)} is filled in${model ? ` with ${model}` : ''}. Save to use it.`,
    });
  };

  return (
    <div className="local-servers">
      <button type="button" className="button" onClick={() => void find()}>
        Find local servers
      </button>
      {servers?.length ? (
        <ul className="local-server-list" aria-label="Local servers">
          {servers.map((server) => {
            const hint = hintFor(server);
            return (
              <li key={server.baseUrl}>
                <div className="local-server-text">
                  <span className="local-server-name">{describeServer(server)}</span>
                  {server.models.length ? (
                    <span className="muted local-server-models">
                      {server.models.slice(0, 4).join(', ')}
                      {server.models.length > 4 ? ', …' : ''}
                    </span>
                  ) : null}
                  {hint ? (
                    <span className="local-server-hint">
                      {hint.say} {hint.command ? <code>{hint.command}</code> : null}
                    </span>
                  ) : null}
                </div>
                <button
                  type="button"
                  className="button small"
                  aria-label={`Use ${SERVER_LABELS[server.kind]} at ${where(server)}`}
                  onClick={() => use(server)}
                >
                  Use
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
