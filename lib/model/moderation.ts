/**
 * Moderation settings and results (DESIGN §4). The research preview warned about or blocked
 * unsafe content and asked users to report the filter's mistakes; Parley does the same.
 */

/** What moderation does with flagged text: nothing, a warning, or blocking it. */
export type ModerationMode = 'off' | 'warn' | 'block';
/** A per-category change to the mode; `default` follows it. */
export type CategoryOverride = 'default' | 'ignore' | 'warn' | 'block';
/** What happens when the moderation endpoint cannot answer: allow with a mark, or hold. */
export type FailMode = 'allow' | 'hold';
/** Which service classifies text: OpenAI's moderation endpoint, a Llama Guard model, or none. */
export type ModerationProviderId = 'openai' | 'llama-guard' | 'none';

/** The user's moderation settings, stored with the other settings. */
export interface ModerationSettings {
  mode: ModerationMode;
  provider: ModerationProviderId;
  categoryOverrides: Record<string, CategoryOverride>;
  failMode: FailMode;
  /** Check replies as well as the user's messages. */
  checkReplies: boolean;
  /** The guard model's name on the chat endpoint (e.g. Ollama's `llama-guard3`). */
  llamaGuardModel: string;
  /** Where moderation requests go; empty means the chat endpoint. */
  baseUrl: string;
}

/** Moderation as a new install has it: warn, through OpenAI's endpoint. */
export const DEFAULT_MODERATION_SETTINGS: ModerationSettings = {
  mode: 'warn',
  provider: 'openai',
  categoryOverrides: {},
  failMode: 'allow',
  checkReplies: true,
  llamaGuardModel: 'llama-guard3',
  baseUrl: '',
};

/** What a moderation provider answered, or why it could not (unavailable or unsupported). */
export type ModerationResult =
  | { ok: true; flagged: boolean; categories: string[]; scores: Record<string, number> }
  | { ok: false; reason: 'unavailable' | 'unsupported'; detail?: string };

/** What Parley does with a checked text after the user's settings are applied. */
export interface ModerationVerdict {
  action: 'allow' | 'warn' | 'block' | 'hold';
  categories: string[];
  /** False when nothing was checked (off, unavailable, unsupported). */
  checked: boolean;
  /** Set when the check failed: the UI shows a "not checked" mark. */
  unavailable?: boolean;
}

/** omni-moderation's categories with the words the UI uses for them. */
export const MODERATION_CATEGORIES: Record<string, string> = {
  harassment: 'Harassment',
  'harassment/threatening': 'Harassment (threatening)',
  hate: 'Hate',
  'hate/threatening': 'Hate (threatening)',
  illicit: 'Illicit',
  'illicit/violent': 'Illicit (violent)',
  'self-harm': 'Self-harm',
  'self-harm/intent': 'Self-harm (intent)',
  'self-harm/instructions': 'Self-harm (instructions)',
  sexual: 'Sexual',
  'sexual/minors': 'Sexual (minors)',
  violence: 'Violence',
  'violence/graphic': 'Violence (graphic)',
};

/** A category's readable name, falling back to the raw id so new categories still show. */
export function categoryLabel(category: string): string {
  return MODERATION_CATEGORIES[category] ?? category.replace(/[-/]/g, ' ');
}
