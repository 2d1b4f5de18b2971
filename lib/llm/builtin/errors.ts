/**
 * The Prompt API's DOMExceptions, mapped onto Parley's existing error states: the generation
 * (lib/engine/generation) reads failures through describeFailure (lib/llm/client), which knows
 * the SDK's APIError, so each one leaves here as an APIError with the status whose state fits,
 * and a sentence about the built-in model instead of a server's text.
 */
import { APIError } from 'openai/core/error';
import { notice } from '../../model/notices';

/** A failure of the built-in model, shaped like a server's so the existing mapping applies. */
class BuiltinModelError extends APIError {
  constructor(status: number, text: string, code?: string) {
    super(status, code ? { code } : undefined, text, undefined);
    // Shown as the error's detail: no "404" prefix from a server that does not exist.
    this.message = text;
  }
}

/** The sentences the mapped errors carry (they are the error's detail under the message). */
export const BUILTIN_ERROR_TEXT = {
  notReady: notice('builtinNotReady'),
  unavailable: notice('builtinUnavailable'),
  language: notice('builtinLanguage'),
  filtered: notice('builtinFiltered'),
  download: notice('builtinDownload'),
  failed: notice('builtinFailed'),
  noModeration: notice('builtinNoModeration'),
} as const;

/** The name of a DOMException (or anything shaped like one), if it has one. */
export function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : '';
}

/** The error a Prompt API failure is rethrown as (Stop's AbortError stays an AbortError). */
export function mapBuiltinError(error: unknown): Error {
  if (error instanceof BuiltinModelError) return error;
  switch (errorName(error)) {
    case 'AbortError':
      return new DOMException('Stopped.', 'AbortError');
    case 'NotAllowedError':
      return new BuiltinModelError(404, BUILTIN_ERROR_TEXT.notReady);
    case 'BuiltinUnavailable':
      return new BuiltinModelError(404, BUILTIN_ERROR_TEXT.unavailable);
    case 'QuotaExceededError':
      // The conversation outgrew the session's context window: "too long" (context_length).
      return new BuiltinModelError(400, notice('builtinTooLong'), 'context_length_exceeded');
    case 'NotSupportedError':
      return new BuiltinModelError(400, BUILTIN_ERROR_TEXT.language);
    case 'NotReadableError':
      return new BuiltinModelError(400, BUILTIN_ERROR_TEXT.filtered);
    case 'NetworkError':
      return new BuiltinModelError(501, BUILTIN_ERROR_TEXT.download);
    default:
      // 501, not 500: the generation retries 500s from servers; a local model failing again is
      // no help.
      return new BuiltinModelError(501, BUILTIN_ERROR_TEXT.failed);
  }
}

/** A failure as it crosses a port (the offscreen document to the worker). */
export interface SentError {
  name: string;
  message: string;
  status?: number;
  code?: string;
}

/** The error a failure sent over a port stands for, as the worker's own provider would throw it. */
export function rebuildBuiltinError(sent: SentError): Error {
  if (sent.name === 'AbortError') return new DOMException(sent.message || 'Stopped.', 'AbortError');
  if (sent.status !== undefined) return new BuiltinModelError(sent.status, sent.message, sent.code);
  return mapBuiltinError(sent);
}

/** What moderation reads as "this provider has no moderation" (status 501 → unsupported). */
export function moderationUnsupportedError(): Error {
  return new BuiltinModelError(501, BUILTIN_ERROR_TEXT.noModeration);
}
