/**
 * The part of Chrome's Prompt API (`LanguageModel`, webmachinelearning/prompt-api) Parley uses,
 * as types: the provider is handed an object of this shape (the browser's global where it runs, a
 * fake in tests), so lib/ never reads a global.
 */

/** Whether the model can run: `downloadable` needs a click to start the download. */
export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** One message of a session's history, with its real role (system only first). */
export interface LanguageModelMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The input and output kinds a session is created for; languages as BCP 47 tags. */
export interface LanguageModelExpected {
  type: 'text';
  languages?: string[];
}

/** The options availability() and create() share (they must be the same). */
export interface LanguageModelCoreOptions {
  expectedInputs?: LanguageModelExpected[];
  expectedOutputs?: LanguageModelExpected[];
}

/** A download monitor: `downloadprogress` events carry `loaded` from 0 to 1. */
export interface CreateMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded: number }) => void): void;
}

/** create()'s options: the core ones, the history, the download monitor and an abort signal. */
export interface LanguageModelCreateOptions extends LanguageModelCoreOptions {
  initialPrompts?: LanguageModelMessage[];
  monitor?: (monitor: CreateMonitor) => void;
  signal?: AbortSignal;
}

/** One session: a model with its history, which grows with every prompt. */
export interface LanguageModelSession {
  promptStreaming(input: string, options?: { signal?: AbortSignal }): ReadableStream<string>;
  prompt(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy(): void;
  /** Current names (Chrome 14x+). */
  readonly contextUsage?: number;
  readonly contextWindow?: number;
  measureContextUsage?(input: string): Promise<number>;
  /** The older names, still present in extension contexts. */
  readonly inputUsage?: number;
  readonly inputQuota?: number;
  measureInputUsage?(input: string): Promise<number>;
  addEventListener(type: 'contextoverflow' | 'quotaoverflow', listener: () => void): void;
}

/** The `LanguageModel` interface object: its two static methods. */
export interface LanguageModelStatic {
  availability(options?: LanguageModelCoreOptions): Promise<Availability>;
  create(options?: LanguageModelCreateOptions): Promise<LanguageModelSession>;
}

/** The model id recorded on every message the built-in model writes. */
export const BUILTIN_MODEL_ID = 'built-in';

/** Where the built-in model's replies say they came from (it has no endpoint). */
export const BUILTIN_BASE_URL = 'builtin:';

/** The languages Chrome's model accepts for input and output (en; es and ja from Chrome 140). */
export const BUILTIN_LANGUAGES = ['en', 'es', 'ja'] as const;

/** The options Parley passes to both availability() and create(), as the spec asks. */
export const BUILTIN_OPTIONS: LanguageModelCoreOptions = {
  expectedInputs: [{ type: 'text', languages: [...BUILTIN_LANGUAGES] }],
  expectedOutputs: [{ type: 'text', languages: [...BUILTIN_LANGUAGES] }],
};

/** The session's context window, whichever name this Chrome uses (may be +Infinity). */
export function contextWindowOf(session: LanguageModelSession): number | undefined {
  return session.contextWindow ?? session.inputQuota;
}

/** How much of the window the session's history uses, whichever name this Chrome uses. */
export function contextUsageOf(session: LanguageModelSession): number | undefined {
  return session.contextUsage ?? session.inputUsage;
}

/** What `input` would add to the session, where this Chrome can say. */
export function measureInput(session: LanguageModelSession, input: string): Promise<number> | null {
  if (session.measureContextUsage) return session.measureContextUsage(input);
  if (session.measureInputUsage) return session.measureInputUsage(input);
  return null;
}
