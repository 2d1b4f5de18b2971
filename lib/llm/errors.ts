/**
 * Maps failures to the message state the user sees and to one helpful sentence per error code.
 * Pure: every status and code has a unit test.
 */
import type { ErrorCode, MessageState } from '../model/types';
import type { LlmFailure } from './client';

/** What the mapping of a failure to a message state needs to know besides the failure. */
export interface FailureContext {
  /** Whether any reply text arrived before the failure (then it is kept and marked). */
  receivedText: boolean;
  /** `navigator.onLine` where it is known. */
  online: boolean;
}

function codeForApiFailure(f: Extract<LlmFailure, { kind: 'api' }>): ErrorCode {
  if (f.status === 401) return 'auth';
  if (f.status === 403) return f.code === 'local_origin' ? 'local_origin' : 'forbidden';
  if (f.status === 404) return 'model_not_found';
  if (f.status === 429) return f.code === 'insufficient_quota' ? 'quota' : 'rate_limited';
  if (f.status === 400 || f.status === 422) {
    return f.code === 'context_length_exceeded' ? 'context_length' : 'bad_request';
  }
  if (f.status === 408) return 'timeout';
  if (f.status >= 500) return 'server';
  return 'unknown';
}

/** The terminal state a generation ends in when `failure` stops it. */
export function failureToState(failure: LlmFailure, context: FailureContext): MessageState {
  switch (failure.kind) {
    case 'aborted':
      return { kind: 'stopped' };
    case 'timeout':
      return context.receivedText
        ? { kind: 'interrupted', reason: 'stalled' }
        : { kind: 'error', code: 'timeout' };
    case 'connection':
      if (context.receivedText) return { kind: 'interrupted', reason: 'network' };
      return { kind: 'error', code: context.online ? 'unreachable' : 'offline' };
    case 'api': {
      const code = codeForApiFailure(failure);
      const detail = showsServerDetail(code)
        ? scrubSecrets(failure.message).slice(0, 300)
        : undefined;
      return detail ? { kind: 'error', code, detail } : { kind: 'error', code };
    }
  }
}

// Auth errors from OpenAI echo a masked key; never show server text for them.
function showsServerDetail(code: ErrorCode): boolean {
  return (
    code === 'bad_request' || code === 'model_not_found' || code === 'server' || code === 'unknown'
  );
}

/** Removes anything shaped like an API key or bearer token from text we might display or log. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/\b(sk|pk|rk)-[A-Za-z0-9_\-*]{6,}/g, '[redacted]')
    .replace(/Bearer\s+\S+/gi, 'Bearer [redacted]');
}

/** One sentence per code: what happened and what to do. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  no_key: 'Add an API key in Settings to start chatting.',
  auth: 'The API key was rejected. Check it in Settings.',
  forbidden:
    'This key is not allowed to use this model or endpoint. Check your account or pick another model in Settings.',
  local_origin: 'The local server refused the request.',
  model_not_found:
    'The model or endpoint was not found. Check the model name and base URL in Settings.',
  rate_limited: 'The server is rate-limiting requests. Wait a moment, then retry.',
  quota: 'Your account has run out of quota. Check your plan and billing with the provider.',
  context_length:
    'The conversation is too long for this model. Start a new chat or remove attachments.',
  bad_request: 'The server refused the request.',
  server: 'The server had a problem answering. Retry in a moment.',
  timeout: 'The server took too long to respond. Retry, or check that it is running.',
  offline: 'You appear to be offline. Reconnect, then retry.',
  unreachable:
    "Couldn't reach the server. Check the base URL in Settings and that the server is running.",
  permission:
    'Parley needs permission to reach this server. Open Settings and save the endpoint again to grant it.',
  storage:
    'Parley could not save to browser storage. Your reply is kept on screen; copy it before closing.',
  moderation_unavailable:
    'Moderation is unavailable, and your settings hold messages until it can check them.',
  unknown: 'Something went wrong. Retry, or check Settings.',
};

/** Error codes whose fix is in Settings: the message shows a link there. */
export const SETTINGS_ERRORS: readonly ErrorCode[] = [
  'no_key',
  'auth',
  'forbidden',
  'model_not_found',
  'unreachable',
  'permission',
];

/** The text shown under a reply that ended early, per reason (DESIGN §2). */
export const INTERRUPT_MESSAGES = {
  stalled: 'The server stopped sending. The reply so far is kept.',
  first_token:
    'Parley waited as long as Settings allows for the first word, and none came. A local server can read a long prompt for minutes: raise “Wait for the first token” in Settings, then Retry.',
  truncated: 'The reply was cut off before the server finished. The text so far is kept.',
  network: 'The connection dropped. The reply so far is kept.',
  worker_restart: 'Parley restarted while answering. The reply so far is kept.',
  too_long: 'The reply was stopped at 2 MB: that is longer than Parley keeps.',
} as const;

const MAX_RETRIES = 2;
const MAX_RETRY_WAIT_MS = 20_000;

/**
 * How long to wait before retrying a request that failed before any text arrived, or null for
 * no retry. Rate limits honour Retry-After; an exhausted quota or a bad key never retries.
 */
export function retryDelayMs(failure: LlmFailure, attempt: number): number | null {
  if (attempt >= MAX_RETRIES || failure.kind !== 'api') return null;
  const backoff = 1000 * 2 ** attempt;
  if (failure.status === 429 && failure.code !== 'insufficient_quota') {
    const wait = failure.retryAfterMs ?? backoff;
    return wait <= MAX_RETRY_WAIT_MS ? wait : null;
  }
  if ([500, 502, 503, 504].includes(failure.status)) return failure.retryAfterMs ?? backoff;
  return null;
}
