import { describe, expect, it } from 'vitest';
import { decide, toRecord } from '@/lib/moderation/policy';
import {
  DEFAULT_MODERATION_SETTINGS,
  type ModerationResult,
  type ModerationSettings,
} from '@/lib/model/moderation';

const flagged = (...categories: string[]): ModerationResult => ({
  ok: true,
  flagged: categories.length > 0,
  categories,
  scores: Object.fromEntries(categories.map((c) => [c, 0.9])),
});
const settings = (patch: Partial<ModerationSettings>): ModerationSettings => ({
  ...DEFAULT_MODERATION_SETTINGS,
  ...patch,
});
const unavailable: ModerationResult = { ok: false, reason: 'unavailable' };
const unsupported: ModerationResult = { ok: false, reason: 'unsupported' };

describe('decide: mode × category × fail mode', () => {
  it.each([
    // mode, overrides, result, expected action, expected categories
    ['off', {}, flagged('violence'), 'allow', []],
    ['warn', {}, flagged(), 'allow', []],
    ['warn', {}, flagged('violence'), 'warn', ['violence']],
    ['block', {}, flagged('violence'), 'block', ['violence']],
    ['warn', { violence: 'ignore' }, flagged('violence'), 'allow', []],
    ['warn', { violence: 'block' }, flagged('violence'), 'block', ['violence']],
    ['block', { violence: 'warn' }, flagged('violence'), 'warn', ['violence']],
    ['block', { violence: 'ignore' }, flagged('violence', 'hate'), 'block', ['hate']],
    ['warn', { hate: 'block' }, flagged('violence', 'hate'), 'block', ['violence', 'hate']],
    ['block', { violence: 'default' }, flagged('violence'), 'block', ['violence']],
  ] as const)('%s with %j on %j → %s', (mode, overrides, result, action, categories) => {
    const verdict = decide(result, settings({ mode, categoryOverrides: { ...overrides } }));
    expect(verdict.action).toBe(action);
    expect(verdict.categories).toEqual(categories);
  });

  it.each([
    ['allow', 'warn', 'allow'],
    ['hold', 'warn', 'hold'],
    ['allow', 'block', 'allow'],
    ['hold', 'block', 'hold'],
  ] as const)(
    'unavailable with fail mode %s in %s → %s, marked unchecked',
    (failMode, mode, action) => {
      const verdict = decide(unavailable, settings({ mode, failMode }));
      expect(verdict).toEqual({ action, categories: [], checked: false, unavailable: true });
    },
  );

  it('an endpoint without moderation allows quietly when failing open (said once in settings)', () => {
    expect(decide(unsupported, settings({ failMode: 'allow' }))).toEqual({
      action: 'allow',
      categories: [],
      checked: false,
    });
  });

  it('an endpoint without moderation holds when failing closed (issue 14)', () => {
    expect(decide(unsupported, settings({ failMode: 'hold' }))).toEqual({
      action: 'hold',
      categories: [],
      checked: false,
      unavailable: true,
    });
  });

  it('provider none checks nothing', () => {
    expect(decide(flagged('violence'), settings({ provider: 'none' })).action).toBe('allow');
  });
});

describe('toRecord', () => {
  it('keeps categories, scores and the action on the message', () => {
    const result = flagged('violence');
    const record = toRecord(decide(result, settings({ mode: 'block' })), result);
    expect(record).toEqual({
      flagged: true,
      categories: ['violence'],
      checked: true,
      action: 'block',
      scores: { violence: 0.9 },
    });
  });
  it('records an unchecked message', () => {
    expect(toRecord(decide(unavailable, settings({})), unavailable)).toEqual({
      flagged: false,
      categories: [],
      checked: false,
      action: 'none',
    });
  });
});

describe('"Sexual (minors)" is never ignored (issue 16)', () => {
  it.each(['warn', 'block'] as const)('an Ignore that reached %s mode still warns', (mode) => {
    const verdict = decide(
      flagged('sexual/minors'),
      settings({ mode, categoryOverrides: { 'sexual/minors': 'ignore' } }),
    );
    expect(verdict.action).toBe('warn');
    expect(verdict.categories).toEqual(['sexual/minors']);
  });

  it('keeps Block, and Ignore on other categories still ignores', () => {
    const overrides = { 'sexual/minors': 'block', sexual: 'ignore' } as const;
    const verdict = decide(
      flagged('sexual', 'sexual/minors'),
      settings({ mode: 'warn', categoryOverrides: { ...overrides } }),
    );
    expect(verdict).toMatchObject({ action: 'block', categories: ['sexual/minors'] });
  });
});
