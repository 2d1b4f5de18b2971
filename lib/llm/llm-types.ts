/**
 * The data lib/llm/client speaks in, apart from the code that imports 'openai' (issue 17 split
 * client.ts at its 300-line limit): an endpoint's config, the parts of a streamed reply, what
 * went wrong, and a moderation verdict. lib/llm/client re-exports them.
 */
import type { PromptProgress } from './prompt-progress';

/** One endpoint: its base URL, the key bound to its origin, and the headers timeout. */
export interface LlmConfig {
  apiKey: string;
  baseUrl: string;
  /** Time allowed until the response headers arrive (the timeout ends there). */
  timeoutMs: number;
  /** Custom headers saved for this base URL's origin (lib/custom-headers); secret like the key. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * One piece of a streamed reply: text (all of one network chunk's text, issue 17), why it
 * finished, the token usage, or prompt progress.
 */
export type StreamPart =
  | { type: 'text'; text: string }
  | ({ type: 'progress' } & PromptProgress)
  | { type: 'finish'; reason: string | null }
  | { type: 'usage'; promptTokens?: number; completionTokens?: number };

/** What went wrong, as data the pure error mapping (lib/llm/errors) understands. */
export type LlmFailure =
  | {
      kind: 'api';
      status: number;
      code?: string;
      type?: string;
      message: string;
      retryAfterMs?: number;
    }
  | { kind: 'timeout' }
  | { kind: 'connection'; message: string }
  | { kind: 'aborted' };

/** A moderation endpoint's verdict on one text, as OpenAI's API shapes it. */
export interface ModerationOutcome {
  flagged: boolean;
  categories: Record<string, boolean>;
  category_scores: Record<string, number>;
}
