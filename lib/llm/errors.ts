/**
 * Maps failures to the message state the user sees and to one helpful sentence per error code.
 * Pure: every status and code has a unit test.
 */
import type { ErrorCode, MessageState } from '../model/types';
import { notice } from '../model/notices';
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
  no_key: notice('errorNoKey'),
  auth: notice('errorAuth'),
  forbidden: notice('errorForbidden'),
  local_origin: notice('errorLocalOrigin'),
  model_not_found: notice('errorModelNotFound'),
  rate_limited: notice('errorRateLimited'),
  quota: notice('errorQuota'),
  context_length: notice('errorContextLength'),
  bad_request: notice('errorBadRequest'),
  server: notice('errorServer'),
  timeout: notice('errorTimeout'),
  offline: notice('errorOffline'),
  unreachable: notice('errorUnreachable'),
  permission: notice('errorPermission'),
  storage: notice('errorStorage'),
  moderation_unavailable: notice('errorModerationUnavailable'),
  unknown: notice('errorUnknown'),
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
  stalled: notice('interruptStalled'),
  first_token: notice('interruptFirstToken'),
  truncated: notice('interruptTruncated'),
  network: notice('interruptNetwork'),
  worker_restart: notice('interruptWorkerRestart'),
  too_long: notice('interruptTooLong'),
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
