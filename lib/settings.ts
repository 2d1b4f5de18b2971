/**
 * Parley's settings as data: defaults, provider presets and validation. Pure; the storage adapter
 * is lib/settings-store.ts. Keys are not part of these settings: each is stored bound to the origin
 * it was saved for (lib/credentials).
 */
import { OPENAI_BASE_URL } from './endpoint';
import { notice } from './model/notices';
import { DEFAULT_SYSTEM_PROMPT } from './model/system-prompt';
import {
  DEFAULT_MODERATION_SETTINGS,
  type CategoryOverride,
  type ModerationSettings,
} from './model/moderation';

export { OPENAI_BASE_URL, requiresKey } from './endpoint';

/** The user's settings apart from keys (those live in the key ring, never synced or exported). */
export interface Settings {
  /** Who answers: an OpenAI-compatible server, or the browser's built-in model (issue 15). */
  provider: ProviderKind;
  baseUrl: string;
  model: string;
  systemPrompt: string;
  /** Silence mid-stream after which a reply is ended as interrupted (the stall watchdog). */
  stallTimeoutMs: number;
  /** Time allowed for the server to send response headers. */
  requestTimeoutMs: number;
  /**
   * The longest a reply may wait for its first token while the connection stays open: a local
   * server reads a long prompt in silence, minutes on a laptop CPU (issue 14).
   */
  firstTokenTimeoutMs: number;
  moderation: ModerationSettings;
}

/** The kinds of model provider (lib/llm/provider): a server, or the model built into Chrome. */
export type ProviderKind = 'openai-compatible' | 'builtin';

/** Settings as a new install has them, and the fallback for any damaged field. */
export const DEFAULT_SETTINGS: Settings = {
  provider: 'openai-compatible',
  baseUrl: OPENAI_BASE_URL,
  model: 'gpt-4o-mini',
  systemPrompt: DEFAULT_SYSTEM_PROMPT,
  stallTimeoutMs: 45_000,
  requestTimeoutMs: 60_000,
  firstTokenTimeoutMs: 600_000,
  moderation: DEFAULT_MODERATION_SETTINGS,
};

/** A known server the settings form offers, with whether it needs a key. */
export interface ProviderPreset {
  id: 'openai' | 'ollama' | 'lmstudio' | 'custom' | 'builtin';
  label: string;
  baseUrl: string;
  needsKey: boolean;
}

/** The presets the settings form lists; `custom` is any other OpenAI-compatible URL. */
export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  { id: 'openai', label: 'OpenAI', baseUrl: OPENAI_BASE_URL, needsKey: true },
  { id: 'ollama', label: 'Ollama', baseUrl: 'http://localhost:11434/v1', needsKey: false },
  { id: 'lmstudio', label: 'LM Studio', baseUrl: 'http://localhost:1234/v1', needsKey: false },
  { id: 'custom', label: 'Custom (OpenAI-compatible)', baseUrl: '', needsKey: false },
  // No endpoint: the setting `provider: 'builtin'` chooses it (components/settings/builtin-gate).
  { id: 'builtin', label: 'Built-in model (on this device)', baseUrl: '', needsKey: false },
];

/** Which preset a base URL is, so the form shows the right choice. */
export function presetFor(baseUrl: string): ProviderPreset['id'] {
  const match = PROVIDER_PRESETS.find((p) => p.baseUrl && p.baseUrl === baseUrl);
  return match?.id ?? 'custom';
}

/** A checked base URL (normalised, with its origin) or the sentence that says what is wrong. */
export type BaseUrlCheck =
  { ok: true; url: string; origin: string } | { ok: false; message: string };

/**
 * Accepts http(s) URLs only; trims and drops a trailing slash so `/chat/completions` joins cleanly.
 * Plain http is allowed for local servers, where Ollama and LM Studio live.
 */
export function checkBaseUrl(input: string): BaseUrlCheck {
  const trimmed = input.trim().replace(/\/+$/, '');
  if (!trimmed) return { ok: false, message: notice('settingsBaseUrlMissing') };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      message: 'That base URL is not a valid URL (for example https://api.openai.com/v1).',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The base URL must start with https:// or http://.' };
  }
  if (url.username || url.password) {
    return { ok: false, message: notice('settingsCredentialsInUrl') };
  }
  return { ok: true, url: trimmed, origin: url.origin };
}

/** Host permission pattern for an origin, as `permissions.request` takes it. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** The range the setting "Wait for the first token" allows, in minutes (fractions for tests). */
export const FIRST_TOKEN_MINUTES = { min: 0.1, max: 60 } as const;

/** Null when `ms` is a first-token cap Settings allows, else the sentence that says the range. */
export function checkFirstTokenMs(ms: unknown): string | null {
  const ok =
    typeof ms === 'number' &&
    Number.isFinite(ms) &&
    ms >= FIRST_TOKEN_MINUTES.min * 60_000 &&
    ms <= FIRST_TOKEN_MINUTES.max * 60_000;
  return ok
    ? null
    : notice('settingsFirstTokenRange', FIRST_TOKEN_MINUTES.min, FIRST_TOKEN_MINUTES.max);
}

/** Fills missing or malformed fields from the defaults (old versions, hand-edited storage). */
export function normalizeSettings(stored: Partial<Settings> | null | undefined): Settings {
  const s = stored ?? {};
  const pick = <K extends Exclude<keyof Settings, 'moderation' | 'provider'>>(
    key: K,
    valid: (v: unknown) => boolean,
  ): Settings[K] => (valid(s[key]) ? s[key] : DEFAULT_SETTINGS[key]) as Settings[K];
  const isText = (v: unknown) => typeof v === 'string';
  const isMs = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 100;
  return {
    provider: s.provider === 'builtin' ? 'builtin' : 'openai-compatible',
    baseUrl: pick('baseUrl', (v) => isText(v) && checkBaseUrl(v as string).ok),
    model: pick('model', (v) => isText(v) && (v as string).trim().length > 0),
    systemPrompt: pick('systemPrompt', isText),
    stallTimeoutMs: pick('stallTimeoutMs', isMs),
    requestTimeoutMs: pick('requestTimeoutMs', isMs),
    firstTokenTimeoutMs: pick('firstTokenTimeoutMs', isMs),
    moderation: normalizeModeration(s.moderation),
  };
}

/**
 * Categories whose rule never goes below Warn (issue 16): sexual content involving minors is always
 * at least flagged, whatever a stored, imported or hand-edited setting says.
 */
export const CATEGORY_FLOORS: Readonly<Record<string, 'warn'>> = { 'sexual/minors': 'warn' };

/** A category's rule raised to its floor: Ignore on a floored category becomes Warn. */
export function flooredOverride(category: string, override: CategoryOverride): CategoryOverride {
  return override === 'ignore' && Object.hasOwn(CATEGORY_FLOORS, category)
    ? CATEGORY_FLOORS[category]!
    : override;
}

const MODES = ['off', 'warn', 'block'];
const PROVIDERS = ['openai', 'llama-guard', 'none'];
const OVERRIDES = ['default', 'ignore', 'warn', 'block'];

function normalizeModeration(stored: Partial<ModerationSettings> | undefined): ModerationSettings {
  const m = stored ?? {};
  const d = DEFAULT_MODERATION_SETTINGS;
  const overrides = Object.fromEntries(
    Object.entries(m.categoryOverrides ?? {})
      .filter(([, v]) => OVERRIDES.includes(v))
      .map(([category, v]) => [category, flooredOverride(category, v)]),
  ) as ModerationSettings['categoryOverrides'];
  return {
    mode: MODES.includes(m.mode as string) ? (m.mode as ModerationSettings['mode']) : d.mode,
    provider: PROVIDERS.includes(m.provider as string)
      ? (m.provider as ModerationSettings['provider'])
      : d.provider,
    categoryOverrides: overrides,
    failMode: m.failMode === 'hold' ? 'hold' : 'allow',
    checkReplies: typeof m.checkReplies === 'boolean' ? m.checkReplies : d.checkReplies,
    llamaGuardModel:
      typeof m.llamaGuardModel === 'string' && m.llamaGuardModel.trim()
        ? m.llamaGuardModel
        : d.llamaGuardModel,
    baseUrl: moderationBaseUrl(m.baseUrl),
  };
}

function moderationBaseUrl(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) return '';
  const checked = checkBaseUrl(value);
  return checked.ok ? checked.url : '';
}
