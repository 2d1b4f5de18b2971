export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  at: number;
  /** Chat completions: when the connection closed, and whether the client left before the end. */
  closedAt?: number;
  closedByClient?: boolean;
  /** Endless streams: characters of reply text written so far. */
  streamedChars?: number;
}

export interface ReplyScript {
  text?: string;
  chunks?: string[];
  chunkDelayMs?: number;
  /** Streams `chunks` (or `text`) over and over, `chunkDelayMs` apart, until the client hangs up. */
  endless?: boolean;
  /** Paces chunks at this rate instead of chunkDelayMs (one chunk = one token). */
  tokensPerSecond?: number;
  /** Reply like a model that obeys an injected "include this image" instruction (issue 8). */
  obeyInjection?: boolean;
  /** Answer with this body instead of SSE (an HTML error page from a hostile endpoint). */
  raw?: { status?: number; headers?: Record<string, string>; body: string };
  /** Extra SSE events (named or not) written before the first chunk. */
  events?: { event?: string; data: string }[];
  ttftMs?: number;
  /**
   * llama.cpp's prompt progress: when the request asks `return_progress`, role-only chunks with
   * `prompt_progress` ({total, cache, processed: each of `steps`, time_ms}) `stepMs` apart, before
   * `ttftMs` and the first token.
   */
  progress?: { total: number; steps: number[]; stepMs?: number; cache?: number };
  headersDelayMs?: number;
  status?: number;
  errorCode?: string;
  headers?: Record<string, string>;
  fault?: 'drop' | 'eof' | 'stall' | 'sse-error';
  /** With fault 'sse-error': the error event's JSON as a given server shapes it. */
  errorEvent?: unknown;
  /** The first chunk carries only `role` with `content: null` (llama.cpp). */
  roleOnlyFirst?: boolean;
  faultAfterChunks?: number;
  stallMs?: number;
  splitBytes?: boolean;
  crlf?: boolean;
  comments?: boolean;
  unknownEvents?: boolean;
  badJsonAt?: number;
}

export interface ModerationConfig {
  flagWords: Record<string, string[]>;
  delayMs: number;
  status?: number;
}

/** How the mock acts like a local server (issue 14). */
export interface LocalConfig {
  /** Refuse Origins not on Ollama's default allow-list (403, empty body). */
  originCheck: boolean;
  /** The shape of GET /v1/models (tests/server/local-quirks.mjs). */
  modelsShape: 'openai' | 'llamacpp' | 'ollama-empty';
}

export interface MockServer {
  url: string;
  baseURL: string;
  requests: RecordedRequest[];
  canaryHits: RecordedRequest[];
  moderation: ModerationConfig;
  local: LocalConfig;
  /** Streaming chat completions (the conversation itself). */
  chatRequests(): RecordedRequest[];
  /** Non-streaming completions (conversation titles). */
  sideRequests(): RecordedRequest[];
  enqueue(...scripts: ReplyScript[]): void;
  reset(): void;
  waitForRequests(n: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

export function startMockServer(options?: { port?: number; host?: string }): Promise<MockServer>;
