// "Wait for the first token (minutes)" (issue 14, item 3): the range Settings allows, how the
// form turns minutes into milliseconds, how stored values are repaired, and the save request's
// guard (a number or nothing; the range is the handler's, with a sentence).
import { describe, expect, it } from 'vitest';
import { parseRpcRequest } from '@/lib/protocol';
import {
  checkFirstTokenMs,
  DEFAULT_SETTINGS,
  FIRST_TOKEN_MINUTES,
  normalizeSettings,
} from '@/lib/settings';
import { firstTokenMsFrom, waitMinutesText } from '@/components/settings/wait-field';
import { INTERRUPT_MESSAGES } from '@/lib/llm/errors';
import { INTERRUPT_REASONS } from '@/lib/export/record-rules';

describe('the first-token cap as a setting', () => {
  it('defaults to 10 minutes and the field shows minutes', () => {
    expect(DEFAULT_SETTINGS.firstTokenTimeoutMs).toBe(600_000);
    expect(waitMinutesText(undefined)).toBe('10');
    expect(waitMinutesText(90_000)).toBe('1.5');
    expect(waitMinutesText(6_000)).toBe('0.1');
  });
  it('turns typed minutes into milliseconds', () => {
    expect(firstTokenMsFrom('2')).toBe(120_000);
    expect(firstTokenMsFrom(' 0.5 ')).toBe(30_000);
    expect(firstTokenMsFrom('')).toBeNaN();
    expect(firstTokenMsFrom('abc')).toBeNaN();
  });
  it.each([
    [6_000, true],
    [600_000, true],
    [3_600_000, true],
    [5_999, false],
    [3_600_001, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ['60000', false],
  ])('checkFirstTokenMs(%j) allows it: %s', (ms, ok) => {
    const problem = checkFirstTokenMs(ms);
    if (ok) expect(problem).toBeNull();
    else
      expect(problem).toBe(
        `Wait for the first token must be between ${FIRST_TOKEN_MINUTES.min} and ${FIRST_TOKEN_MINUTES.max} minutes.`,
      );
  });
  it('normalize keeps a saved cap and repairs a damaged one', () => {
    expect(normalizeSettings({ firstTokenTimeoutMs: 120_000 }).firstTokenTimeoutMs).toBe(120_000);
    for (const bad of [-1, 'x', Number.NaN, null]) {
      expect(
        normalizeSettings({ firstTokenTimeoutMs: bad as unknown as number }).firstTokenTimeoutMs,
      ).toBe(600_000);
    }
  });
  it('save_settings carries a finite number and refuses anything else', () => {
    const save = { type: 'save_settings', baseUrl: 'http://b', model: 'm', systemPrompt: '' };
    expect(parseRpcRequest({ ...save, firstTokenTimeoutMs: 120_000 })).toEqual({
      ...save,
      firstTokenTimeoutMs: 120_000,
    });
    expect(parseRpcRequest(save)).not.toHaveProperty('firstTokenTimeoutMs');
    for (const bad of ['120000', Number.NaN, Number.POSITIVE_INFINITY, null, {}]) {
      expect(parseRpcRequest({ ...save, firstTokenTimeoutMs: bad })).toBeNull();
    }
  });
  it('the cap has its own reason and sentence, which records accept', () => {
    expect(INTERRUPT_REASONS).toContain('first_token');
    expect(INTERRUPT_MESSAGES.first_token).toMatch(/first word/);
    expect(INTERRUPT_MESSAGES.first_token).toContain('Wait for the first token');
  });
});
