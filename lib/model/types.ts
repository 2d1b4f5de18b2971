/**
 * The chat's data model, shared by the background worker, the panel and the database.
 * Plain data only (structured-clone safe): these records cross the port and live in IndexedDB.
 */

/** Who wrote a message, in the roles chat APIs know. */
export type Role = 'system' | 'user' | 'assistant';

/** Why a reply ended before the model said it was done; the partial text is always kept. */
export type InterruptReason =
  | 'stalled'
  /** No first token within the first-token cap (the setting "Wait for the first token", issue 14). */
  | 'first_token'
  | 'truncated'
  | 'network'
  | 'worker_restart'
  /** The reply reached the cap on one reply's size (lib/engine/reply-cap.ts). */
  | 'too_long';

/** Every failure a generation can end in. Each code maps to one user-facing sentence (lib/llm/errors). */
export type ErrorCode =
  | 'no_key'
  | 'auth'
  | 'forbidden'
  /** A local server refused Parley's Origin (Ollama's OLLAMA_ORIGINS check, issue 14). */
  | 'local_origin'
  | 'model_not_found'
  | 'rate_limited'
  | 'quota'
  | 'context_length'
  | 'bad_request'
  | 'server'
  | 'timeout'
  | 'offline'
  | 'unreachable'
  | 'permission'
  | 'storage'
  | 'moderation_unavailable'
  | 'unknown';

/**
 * The life of a message as one union (DESIGN §2): the UI derives every control from it.
 * User messages are `complete` (or `blocked` when moderation holds them).
 */
export type MessageState =
  | { kind: 'pending' }
  | { kind: 'streaming' }
  | { kind: 'complete' }
  | { kind: 'stopped' }
  | { kind: 'interrupted'; reason: InterruptReason }
  | { kind: 'error'; code: ErrorCode; detail?: string }
  | { kind: 'blocked'; categories: string[] };

/** Just the tag of a message state, for lists and checks that ignore the details. */
export type MessageStateKind = MessageState['kind'];

/** States after which nothing more is appended to a message. */
export const TERMINAL_KINDS: readonly MessageStateKind[] = [
  'complete',
  'stopped',
  'interrupted',
  'error',
  'blocked',
];

/**
 * Whether a message is finished (nothing more will be appended), so the UI stops showing progress.
 */
export function isTerminal(state: MessageState): boolean {
  return TERMINAL_KINDS.includes(state.kind);
}

/**
 * A reply that failed before showing any text, or that the model ended with only an end token.
 * Retrying one replaces it in place (nothing the user saw is lost); it is never a variant to page
 * through or rank against its replacement.
 */
export function isEmptyFailure(message: ChatMessage | undefined): message is ChatMessage {
  if (message?.role !== 'assistant') return false;
  const { kind } = message.state;
  if (kind === 'complete') return !message.content.trim();
  return (kind === 'error' || kind === 'interrupted') && message.content === '';
}

/** Text the user brought from a page. Page text is data, never instructions. */
export interface Attachment {
  id: string;
  kind: 'selection';
  text: string;
  /** Lower-case language id when the text is code (e.g. "go", "typescript"). */
  language?: string;
  /** The frame the text came from; `topUrl` is the page around it when that frame is an iframe. */
  source: { url: string; title: string; topUrl?: string };
  /** Set when the text was capped: how many characters were kept of how many. */
  truncated?: { kept: number; total: number };
  /** Set when hidden characters or hidden text were found and removed. */
  hiddenTextRemoved?: boolean;
  /** How many hidden passages were removed and why (reason codes: lib/selection/to-attachment). */
  hiddenPassages?: { count: number; reasons: string[] };
  /** Set when newlines/indentation could not be captured (PDF viewer, chrome:// pages). */
  formattingLost?: boolean;
}

/** Token counts a server reported for a reply; optional because local servers often omit them. */
export interface Usage {
  promptTokens?: number;
  completionTokens?: number;
}

/** Moderation outcome kept on a message (filled in by the moderation issue). */
export interface ModerationRecord {
  flagged: boolean;
  categories: string[];
  scores?: Record<string, number>;
  checked: boolean;
  action?: 'none' | 'warn' | 'block';
}

/** A node of the conversation tree: regenerations are siblings, edits are branches. */
export interface ChatMessage {
  id: string;
  conversationId: string;
  parentId: string | null;
  role: Role;
  content: string;
  attachments: Attachment[];
  state: MessageState;
  model?: string;
  usage?: Usage;
  moderation?: ModerationRecord;
  /** Earlier messages left out of this reply's request to fit the model's context. */
  droppedTurns?: number;
  createdAt: number;
  updatedAt: number;
}

/** A stored conversation: its title, model, system prompt and the leaf of the branch on screen. */
export interface Conversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  model: string;
  systemPrompt: string;
  /** The leaf of the branch the user is looking at; the path root→leaf is the visible chat. */
  currentLeafId: string | null;
  pinned?: boolean;
  /** The model has titled it (once, after the first reply). */
  titledByModel?: boolean;
  /**
   * Deleted by the user, who chose to keep its ratings: hidden from history, but its messages stay
   * so exported feedback still has the texts it refers to.
   */
  hidden?: boolean;
  /** Deleted, with a few seconds to undo: gone for good after this time (ms since epoch). */
  purgeAfter?: number;
}
