/** Secrets echoed back by a server never leave the worker, in bodies or in stream error events. */
import { describe, expect, it } from 'vitest';
import { APIError } from 'openai';
import { redact, redactError, secretsOf } from '@/lib/llm/redact';
import { describeFailure } from '@/lib/llm/client';

const secrets = secretsOf({ apiKey: 'key-123', headers: { 'api-key': 'azure-SECRET' } });

describe('redact', () => {
  it('removes the key and every header value, wherever they appear', () => {
    expect(secrets).toEqual(['key-123', 'azure-SECRET']);
    expect(redact('bad key-123 and azure-SECRET, azure-SECRET', secrets)).toBe(
      'bad [redacted] and [redacted], [redacted]',
    );
    expect(secretsOf({})).toEqual([]);
  });

  it('an error event inside the stream reaches the panel without an echoed header value', () => {
    // The SDK's shape for `data: {"error": …}` after a 200: no status, the text in `error`.
    const event = new APIError(
      undefined,
      'gateway rejected azure-SECRET',
      'upstream: azure-SECRET',
      undefined,
    );
    const failure = describeFailure(redactError(event, secrets));
    expect(JSON.stringify(failure)).not.toContain('azure-SECRET');
    expect(JSON.stringify(failure)).toContain('[redacted]');
  });
});
