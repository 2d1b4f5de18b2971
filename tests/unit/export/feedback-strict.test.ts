/**
 * The raw feedback import is as strict as the conversations import (issue 12, item 3): closed
 * records, enums, bounded dates and capped texts; a bad line refuses the file, naming the line.
 */
import { describe, expect, it } from 'vitest';
import { parseFeedbackRecords } from '@/lib/export/feedback-records';
import { toJsonl } from '@/lib/export/schemas';

const NOW = Date.UTC(2026, 0, 15);
const rating = {
  type: 'rating',
  id: 'r1',
  messageId: 'a1',
  conversationId: 'c1',
  value: 'good',
  reasons: [],
  comment: '',
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
};
const comparison = {
  type: 'comparison',
  id: 'k1',
  conversationId: 'c1',
  parentId: 'u1',
  kind: 'pair',
  ranking: ['a1', 'a2'],
  createdAt: NOW - 1000,
};
const report = {
  type: 'moderation_report',
  id: 'm1',
  messageId: 'a1',
  conversationId: 'c1',
  kind: 'false_positive',
  categories: ['hate'],
  scores: { hate: 0.7 },
  createdAt: NOW - 1000,
};

const wrong: [string, Record<string, unknown>][] = [
  ['rating id __proto__', { ...rating, id: '__proto__' }],
  ['rating id a number', { ...rating, id: 7 }],
  ['rating value', { ...rating, value: 'meh' }],
  ['rating reasons unknown', { ...rating, reasons: ['boring'] }],
  ['rating reasons repeated', { ...rating, reasons: ['untrue', 'untrue'] }],
  ['rating comment an object', { ...rating, comment: { a: 1 } }],
  ['rating comment too long', { ...rating, comment: 'x'.repeat(10_001) }],
  ['rating createdAt far future', { ...rating, createdAt: 8.64e15 }],
  ['rating updatedAt negative', { ...rating, updatedAt: -1 }],
  ['rating model too long', { ...rating, model: 'm'.repeat(201) }],
  ['comparison kind', { ...comparison, kind: 'trio' }],
  ['comparison ranking of one', { ...comparison, ranking: ['a1'] }],
  ['comparison ranking repeated', { ...comparison, ranking: ['a1', 'a1'] }],
  ['comparison ranking of numbers', { ...comparison, ranking: [1, 2] }],
  ['comparison ties a string', { ...comparison, ties: 'yes' }],
  ['report kind', { ...report, kind: 'maybe' }],
  ['report categories a string', { ...report, categories: 'hate' }],
  ['report category __proto__', { ...report, categories: ['__proto__'] }],
  ['report score above 1', { ...report, scores: { hate: 7 } }],
  ['report score a string', { ...report, scores: { hate: '0.5' } }],
  ['an unknown type', { ...rating, type: 'vote' }],
];

describe('raw feedback import, strict', () => {
  it('takes valid records and strips unknown keys', () => {
    const parsed = parseFeedbackRecords(
      toJsonl([{ ...rating, extra: 1 }, comparison, { ...report, apiKey: 'sk-x' }]),
      NOW,
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records).toHaveLength(3);
    expect(parsed.records[0]).not.toHaveProperty('extra');
    expect(parsed.records[2]).not.toHaveProperty('apiKey');
  });

  it.each(wrong)('refuses %s, naming the line', (_, record) => {
    expect(parseFeedbackRecords(toJsonl([rating, record]), NOW)).toEqual({
      ok: false,
      error: 'Line 2 is not a Parley feedback record. Nothing was imported.',
    });
  });
});
