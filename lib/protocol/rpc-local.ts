/**
 * The two requests behind "Find local servers" and "Test connection" (issue 14, items 2 and 7),
 * answered by the worker so the probes leave from where chat requests leave and the key stays
 * there. The map entries are in rpc.ts; the panel's checks of the answers in rpc-local-answer.ts.
 */
import type { ConnectionVerdict, LocalServer } from '../model/local-servers';
import { isString } from './guards';

/** Probe the usual local ports; sent only from the user's click on "Find local servers". */
export interface FindLocalServersRequest {
  type: 'find_local_servers';
}

/** What answered, in the order the ports are listed. */
export interface LocalServersResponse {
  type: 'local_servers';
  servers: LocalServer[];
}

/** Test an endpoint with the typed key, the one saved for its origin, or the one reused. */
export interface TestConnectionRequest {
  type: 'test_connection';
  baseUrl: string;
  apiKey?: string;
  reuseKeyFrom?: string;
}

/** What the test found. */
export interface ConnectionResponse {
  type: 'connection';
  verdict: ConnectionVerdict;
}

/** Either local-setup request, if `value` is one and well formed, with only its known fields. */
export function parseLocalRequest(
  value: Record<string, unknown>,
): FindLocalServersRequest | TestConnectionRequest | null {
  if (value.type === 'find_local_servers') return { type: 'find_local_servers' };
  if (value.type !== 'test_connection') return null;
  return isString(value.baseUrl) &&
    (value.apiKey === undefined || isString(value.apiKey)) &&
    (value.reuseKeyFrom === undefined || isString(value.reuseKeyFrom))
    ? {
        type: 'test_connection',
        baseUrl: value.baseUrl,
        ...(isString(value.apiKey) ? { apiKey: value.apiKey } : {}),
        ...(isString(value.reuseKeyFrom) ? { reuseKeyFrom: value.reuseKeyFrom } : {}),
      }
    : null;
}

/** Whether `value` is a request this module parses (so rpc-request.ts can hand it over). */
export function isLocalRequest(value: Record<string, unknown>): boolean {
  return value.type === 'find_local_servers' || value.type === 'test_connection';
}
