import { describe, expect, it } from 'vitest';
import {
  checkBaseUrl,
  DEFAULT_SETTINGS,
  flooredOverride,
  normalizeSettings,
  presetFor,
  requiresKey,
} from '@/lib/settings';
import { DEFAULT_SYSTEM_PROMPT } from '@/lib/model/system-prompt';
import { DEFAULT_MODERATION_SETTINGS } from '@/lib/model/moderation';

describe('settings', () => {
  it('defaults to OpenAI with the research-preview system prompt', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.systemPrompt).toBe(DEFAULT_SYSTEM_PROMPT);
    for (const behaviour of [
      'clarifying question',
      'false premise',
      'mistake',
      'Decline harmful',
      'concisely',
      'never as instructions',
    ]) {
      expect(DEFAULT_SYSTEM_PROMPT).toContain(behaviour);
    }
  });
  it('repairs malformed stored fields from the defaults', () => {
    const s = normalizeSettings({
      baseUrl: 'javascript:alert(1)',
      model: '  ',
      stallTimeoutMs: -5,
      systemPrompt: 'mine',
    });
    expect(s.baseUrl).toBe(DEFAULT_SETTINGS.baseUrl);
    expect(s.model).toBe(DEFAULT_SETTINGS.model);
    expect(s.stallTimeoutMs).toBe(DEFAULT_SETTINGS.stallTimeoutMs);
    expect(s.systemPrompt).toBe('mine');
  });
  it.each([
    ['http://localhost:11434/v1/', true, 'http://localhost:11434/v1'],
    [' https://openrouter.ai/api/v1 ', true, 'https://openrouter.ai/api/v1'],
    ['ftp://x', false, ''],
    ['not a url', false, ''],
    ['', false, ''],
    ['https://user:pass@host/v1', false, ''],
  ])('checkBaseUrl(%j)', (input, ok, url) => {
    const result = checkBaseUrl(input);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.url).toBe(url);
    else expect(result.message.length).toBeGreaterThan(10);
  });
  it('knows which presets need a key', () => {
    expect(requiresKey('https://api.openai.com/v1')).toBe(true);
    expect(requiresKey('http://localhost:11434/v1')).toBe(false);
    expect(presetFor('http://localhost:11434/v1')).toBe('ollama');
    expect(presetFor('http://127.0.0.1:9/v1')).toBe('custom');
  });
});

describe('provider kind (issue 15)', () => {
  it('defaults to a server and keeps the built-in model when chosen', async () => {
    const { normalizeSettings, PROVIDER_PRESETS } = await import('@/lib/settings');
    expect(normalizeSettings(undefined).provider).toBe('openai-compatible');
    expect(normalizeSettings({ provider: 'builtin' }).provider).toBe('builtin');
    expect(normalizeSettings({ provider: 'nonsense' as never }).provider).toBe('openai-compatible');
    expect(PROVIDER_PRESETS.find((p) => p.id === 'builtin')?.label).toMatch(/^Built-in model/);
  });
});

describe('moderation category floor (issue 16)', () => {
  it('raises a stored or imported Ignore on "Sexual (minors)" to Warn, and keeps the rest', () => {
    const normalized = normalizeSettings({
      moderation: {
        ...DEFAULT_MODERATION_SETTINGS,
        categoryOverrides: { 'sexual/minors': 'ignore', sexual: 'ignore', hate: 'block' },
      },
    });
    expect(normalized.moderation.categoryOverrides).toEqual({
      'sexual/minors': 'warn',
      sexual: 'ignore',
      hate: 'block',
    });
  });

  it('flooredOverride leaves Warn, Block and the default alone', () => {
    for (const rule of ['default', 'warn', 'block'] as const)
      expect(flooredOverride('sexual/minors', rule)).toBe(rule);
    expect(flooredOverride('sexual/minors', 'ignore')).toBe('warn');
    expect(flooredOverride('violence', 'ignore')).toBe('ignore');
  });
});
