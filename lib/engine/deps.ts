/** What the chat service needs from the browser, passed in so it runs against fake-indexeddb. */
import type { BackgroundToPanel } from '../protocol';
import type { ParleyDb } from '../db/schema';
import type { ProviderFactory } from '../llm/provider';
import type { Settings } from '../settings';
import type { ServerFactsCache } from './context-window';
import type { GenerationTiming } from './generation';

/** The chat service's dependencies (entrypoints/background/index.ts builds the real ones). */
export interface ChatServiceDeps {
  db: ParleyDb;
  loadConfig: () => Promise<ChatConfig>;
  /** Builds the model provider for an endpoint (chat, title and moderation requests). */
  provider: ProviderFactory;
  broadcast: (event: BackgroundToPanel) => void;
  newId: () => string;
  now: () => number;
  isOnline: () => boolean;
  /** Called whenever the number of live generations changes (drives the keep-alive). */
  onLiveCountChange: (count: number) => void;
  timing?: Partial<GenerationTiming>;
  /** Remembers that this endpoint has no moderation, for the settings page. */
  onModerationUnsupported?: (baseUrl: string) => void;
  /** Hears the context window a server said it has, in Parley's count (the panel's meter). */
  onContextSize?: (baseUrl: string, model: string, windowTokens: number) => void;
  /**
   * What servers said of their context (and whether they are llama.cpp), kept past the worker:
   * a restarted worker's first request does not wait to ask the server again (issue 17, M1).
   */
  serverFacts?: ServerFactsCache;
  /** How long to wait before writing back what storage refused (default 3 s). */
  storageRetryMs?: number;
}

/** The settings and the keys bound to the chat and the moderation origins (issue 12). */
export interface ChatConfig {
  settings: Settings;
  apiKey: string;
  moderationApiKey?: string;
}
