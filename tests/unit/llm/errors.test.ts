import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, failureToState, retryDelayMs, scrubSecrets } from '@/lib/llm/errors';
import type { LlmFailure } from '@/lib/llm/client';

const api = (status: number, code?: string, extra: Partial<LlmFailure> = {}): LlmFailure =>
  ({
    kind: 'api',
    status,
    message: `status ${status}`,
    ...(code ? { code } : {}),
    ...extra,
  }) as LlmFailure;
const before = { receivedText: false, online: true };

describe('failureToState', () => {
  it.each([
    [401, undefined, 'auth'],
    [403, undefined, 'forbidden'],
    [404, 'model_not_found', 'model_not_found'],
    [429, 'rate_limit_exceeded', 'rate_limited'],
    [429, 'insufficient_quota', 'quota'],
    [400, 'context_length_exceeded', 'context_length'],
    [400, undefined, 'bad_request'],
    [422, undefined, 'bad_request'],
    [408, undefined, 'timeout'],
    [500, undefined, 'server'],
    [502, undefined, 'server'],
    [503, undefined, 'server'],
    [418, undefined, 'unknown'],
  ])('status %i (%s) → %s', (status, code, expected) => {
    const state = failureToState(api(status, code), before);
    expect(state).toMatchObject({ kind: 'error', code: expected });
  });

  it('maps a user abort to stopped', () => {
    expect(failureToState({ kind: 'aborted' }, before)).toEqual({ kind: 'stopped' });
  });

  it('keeps partial text on a dropped connection as interrupted(network)', () => {
    expect(
      failureToState(
        { kind: 'connection', message: 'terminated' },
        { receivedText: true, online: true },
      ),
    ).toEqual({
      kind: 'interrupted',
      reason: 'network',
    });
  });

  it('tells offline from an unreachable server before any text', () => {
    expect(
      failureToState({ kind: 'connection', message: 'x' }, { receivedText: false, online: false }),
    ).toEqual({
      kind: 'error',
      code: 'offline',
    });
    expect(failureToState({ kind: 'connection', message: 'x' }, before)).toEqual({
      kind: 'error',
      code: 'unreachable',
    });
  });

  it('maps a header timeout to timeout, and one after text to stalled', () => {
    expect(failureToState({ kind: 'timeout' }, before)).toEqual({ kind: 'error', code: 'timeout' });
    expect(failureToState({ kind: 'timeout' }, { receivedText: true, online: true })).toEqual({
      kind: 'interrupted',
      reason: 'stalled',
    });
  });

  it('never shows the server text of an auth error (it echoes a masked key)', () => {
    const state = failureToState(
      { kind: 'api', status: 401, message: 'Incorrect API key provided: sk-abc***xyz' },
      before,
    );
    expect(JSON.stringify(state)).not.toContain('sk-');
  });

  it('scrubs anything key-shaped from details it shows', () => {
    const state = failureToState(
      { kind: 'api', status: 400, message: 'bad input near sk-proj-ABCDEF123456' },
      before,
    );
    expect(state).toMatchObject({ kind: 'error', code: 'bad_request' });
    expect(JSON.stringify(state)).not.toContain('ABCDEF123456');
  });
});

describe('messages', () => {
  it('has one non-empty sentence per code', () => {
    for (const sentence of Object.values(ERROR_MESSAGES))
      expect(sentence.length).toBeGreaterThan(10);
  });
  it('tells rate limits and exhausted quota apart', () => {
    expect(ERROR_MESSAGES.rate_limited).not.toBe(ERROR_MESSAGES.quota);
  });
});

describe('retryDelayMs', () => {
  it('honours Retry-After on a rate limit', () => {
    expect(retryDelayMs(api(429, 'rate_limit_exceeded', { retryAfterMs: 1500 }), 0)).toBe(1500);
  });
  it('backs off on 5xx and gives up after two retries', () => {
    expect(retryDelayMs(api(503), 0)).toBe(1000);
    expect(retryDelayMs(api(503), 1)).toBe(2000);
    expect(retryDelayMs(api(503), 2)).toBeNull();
  });
  it('never retries an exhausted quota, a bad key or a bad request', () => {
    expect(retryDelayMs(api(429, 'insufficient_quota'), 0)).toBeNull();
    expect(retryDelayMs(api(401), 0)).toBeNull();
    expect(retryDelayMs(api(400), 0)).toBeNull();
  });
  it('does not wait out a very long Retry-After', () => {
    expect(retryDelayMs(api(429, undefined, { retryAfterMs: 120_000 }), 0)).toBeNull();
  });
});

describe('scrubSecrets', () => {
  it('removes keys and bearer tokens', () => {
    expect(scrubSecrets('key sk-canary-1234567890 and Bearer abc.def')).toBe(
      'key [redacted] and Bearer [redacted]',
    );
  });
});
