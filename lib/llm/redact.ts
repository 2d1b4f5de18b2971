/**
 * Secrets are removed by value from anything a server sends back: a proxy or a server may echo
 * the key or a custom header in an error body or an error event inside the stream, in a format
 * the pattern scrub (lib/llm/errors) does not know. What is redacted here never reaches the panel.
 */

/** The values that must never leave the worker: the key and the custom headers' values. */
export function secretsOf(config: { apiKey?: string; headers?: Record<string, string> }): string[] {
  return [config.apiKey ?? '', ...Object.values(config.headers ?? {})].filter(Boolean);
}

/** `text` with every secret replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

/** The same error with its message (and a text `error` field, Ollama's shape) redacted. */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof Error) || secrets.length === 0) return error;
  error.message = redact(error.message, secrets);
  const withError = error as { error?: unknown };
  if (typeof withError.error === 'string') withError.error = redact(withError.error, secrets);
  return error;
}
