/**
 * "Test connection" and the Save that checks first (issue 14, item 7): is the endpoint
 * reachable, is the key accepted, does it list models. One GET of `<base>/models` in the worker
 * (the key never leaves it); pure over the fetch it is given.
 */
import type { ConnectionVerdict, LocalServerKind } from '../model/local-servers';
import { LOCAL_PROBE_TARGETS } from './local-servers';
import { isLocalBaseUrl } from './origin-rule';
import { kindFromServerHeader, probeGet, readModelList, type ProbeFetch } from './server-probe';

/** Long enough for a remote API on a slow network, short enough that Save does not hang. */
export const CONNECTION_TEST_TIMEOUT_MS = 8000;

/**
 * What a test needs: the fetch, the checked base URL, the key for its origin ('' for none) and
 * the custom headers saved for it (lib/custom-headers), sent as a chat request would send them.
 */
export interface ConnectionTestOptions {
  fetch: ProbeFetch;
  baseUrl: string;
  apiKey: string;
  headers?: Readonly<Record<string, string>>;
  timeoutMs?: number;
}

/** Asks the endpoint for its models, with the key if there is one, and says what came back. */
export async function testConnection(options: ConnectionTestOptions): Promise<ConnectionVerdict> {
  const keySent = options.apiKey !== '';
  const answer = await probeGet(options.fetch, `${options.baseUrl}/models`, {
    timeoutMs: options.timeoutMs ?? CONNECTION_TEST_TIMEOUT_MS,
    headers: {
      ...options.headers,
      ...(keySent ? { Authorization: `Bearer ${options.apiKey}` } : {}),
    },
  });
  if (answer.kind === 'network') return { kind: 'unreachable' };
  if (answer.kind === 'timeout') return { kind: 'timeout' };
  const { status } = answer;
  if (status === 401) return { kind: 'key_rejected', keySent };
  if (status === 403) return { kind: 'refused', local: isLocalBaseUrl(options.baseUrl) };
  if (status === 404) return { kind: 'not_found' };
  if (status !== 200) return { kind: 'server_error', status };
  const list = readModelList(answer.json);
  if (!list) return { kind: 'not_a_model_server' };
  if (list.models.length) return { kind: 'ok', models: list.models, keySent };
  const server = list.kind ?? kindFromServerHeader(answer.server) ?? kindFromPort(options.baseUrl);
  return { kind: 'no_models', server, keySent };
}

function kindFromPort(baseUrl: string): LocalServerKind {
  if (!isLocalBaseUrl(baseUrl)) return 'openai-compatible';
  const port = Number(new URL(baseUrl).port);
  const target = LOCAL_PROBE_TARGETS.find((t) => t.port === port);
  return target?.otherwise ?? target?.kind ?? 'openai-compatible';
}

/**
 * Whether Save asks "Save anyway?" after this verdict: the endpoint did not answer as a model
 * server that takes this key. No models is not a refusal: some gateways list none but chat fine.
 */
export function shouldAskBeforeSave(verdict: ConnectionVerdict): boolean {
  return verdict.kind !== 'ok' && verdict.kind !== 'no_models';
}

/** What Save does next: save at once, test the endpoint first, or ask whether to save anyway. */
export type SaveStep = 'save' | 'test' | 'ask';

/**
 * Save's decision. An endpoint already saved (and no new key) is saved without a test: the user
 * is changing something else. A new one is tested first unless a test (or Load models) already
 * answered for it; a failed answer asks once, and "Save anyway" (`insisted`) saves.
 */
export function nextSaveStep(input: {
  endpointChanged: boolean;
  verdict: ConnectionVerdict | null;
  insisted: boolean;
}): SaveStep {
  if (!input.endpointChanged || input.insisted) return 'save';
  if (!input.verdict) return 'test';
  return shouldAskBeforeSave(input.verdict) ? 'ask' : 'save';
}
