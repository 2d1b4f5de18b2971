import { describe, expect, it } from 'vitest';
import { buildPreferencePairs, rankingToPairs } from '@/lib/export/preference-pairs';
import { buildSftExamples } from '@/lib/export/sft';
import {
  buildFeedbackRecords,
  mergeFeedback,
  parseFeedbackRecords,
} from '@/lib/export/feedback-records';
import {
  feedbackRecordSchema,
  preferencePairSchema,
  sftExampleSchema,
  toJsonl,
} from '@/lib/export/schemas';
import { DEFAULT_EXPORT_OPTIONS, REDACTED_PAGE_TEXT } from '@/lib/export/options';
import type { FeedbackData } from '@/lib/export/context';
import type { ChatMessage, Conversation } from '@/lib/model/types';

const msg = (
  id: string,
  role: 'user' | 'assistant',
  parentId: string | null,
  content: string,
  createdAt: number,
  extra: Partial<ChatMessage> = {},
): ChatMessage => ({
  id,
  conversationId: 'c1',
  parentId,
  role,
  content,
  attachments: [],
  state: { kind: 'complete' },
  createdAt,
  updatedAt: createdAt,
  ...extra,
});

const conversation: Conversation = {
  id: 'c1',
  title: 't',
  createdAt: 1,
  updatedAt: 1,
  model: 'gpt',
  systemPrompt: 'Be helpful.',
  currentLeafId: 'a1',
};
const attachment = {
  id: 'at',
  kind: 'selection' as const,
  text: 'SECRET PAGE TEXT',
  language: 'go',
  source: { url: 'https://x.test/a', title: 'A' },
};
const data: FeedbackData = {
  conversations: [conversation],
  messages: [
    msg('u1', 'user', null, 'Explain this', 1, { attachments: [attachment] }),
    msg('a1', 'assistant', 'u1', 'Answer A', 2, { model: 'gpt' }),
    msg('a2', 'assistant', 'u1', 'Answer B', 3),
    msg('a3', 'assistant', 'u1', 'Answer C', 4),
  ],
  ratings: [
    {
      id: 'r1',
      messageId: 'a1',
      conversationId: 'c1',
      value: 'good',
      reasons: [],
      comment: 'nice',
      model: 'gpt',
      createdAt: 5,
      updatedAt: 5,
    },
    {
      id: 'r2',
      messageId: 'a2',
      conversationId: 'c1',
      value: 'bad',
      reasons: ['untrue', 'unhelpful'],
      comment: 'wrong',
      createdAt: 6,
      updatedAt: 6,
    },
  ],
  comparisons: [
    {
      id: 'k1',
      conversationId: 'c1',
      parentId: 'u1',
      kind: 'pair',
      ranking: ['a2', 'a1'],
      createdAt: 7,
    },
    {
      id: 'k2',
      conversationId: 'c1',
      parentId: 'u1',
      kind: 'pair',
      ranking: ['a1', 'a2'],
      ties: true,
      createdAt: 8,
    },
    {
      id: 'k3',
      conversationId: 'c1',
      parentId: 'u1',
      kind: 'ranking',
      ranking: ['a3', 'a1', 'a2'],
      createdAt: 9,
    },
  ],
  reports: [
    {
      id: 'm1',
      messageId: 'a1',
      conversationId: 'c1',
      kind: 'false_positive',
      categories: ['violence'],
      scores: { violence: 0.9 },
      createdAt: 10,
    },
  ],
};

describe('rankingToPairs', () => {
  it('expands a ranking into every better/worse pair', () => {
    expect(rankingToPairs(['a', 'b', 'c'])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    expect(rankingToPairs(['a', 'b', 'c', 'd'])).toHaveLength(6);
    expect(rankingToPairs(['a'])).toEqual([]);
  });
});

describe('preference pairs', () => {
  const lines = buildPreferencePairs(data, DEFAULT_EXPORT_OPTIONS);
  it('turns a pair into one line, a 3-ranking into three, and "Same" into none', () => {
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(preferencePairSchema.parse(line)).toEqual(line);
    expect(lines[0]).toMatchObject({
      preferred_output: [{ content: 'Answer B' }],
      non_preferred_output: [{ content: 'Answer A' }],
    });
  });
  it('carries the history with the system prompt and the page text when asked', () => {
    expect(lines[0]?.input.messages[0]).toEqual({ role: 'system', content: 'Be helpful.' });
    expect(lines[0]?.input.messages[1]?.content).toContain('SECRET PAGE TEXT');
  });
  it('can leave out the system prompt and redact page text', () => {
    const redacted = buildPreferencePairs(data, {
      includeSystemPrompt: false,
      redactAttachments: true,
    });
    expect(redacted[0]?.input.messages[0]?.role).toBe('user');
    expect(JSON.stringify(redacted)).not.toContain('SECRET PAGE TEXT');
    expect(JSON.stringify(redacted)).toContain(REDACTED_PAGE_TEXT);
  });
});

describe('supervised examples', () => {
  it('come from thumbs-up replies only', () => {
    const lines = buildSftExamples(data, DEFAULT_EXPORT_OPTIONS);
    expect(lines).toHaveLength(1);
    expect(sftExampleSchema.parse(lines[0])).toEqual(lines[0]);
    expect(lines[0]?.messages.at(-1)).toEqual({ role: 'assistant', content: 'Answer A' });
  });
});

describe('raw feedback', () => {
  const records = buildFeedbackRecords(data);
  it('has one valid record per rating, comparison and report', () => {
    expect(records).toHaveLength(6);
    for (const r of records) expect(feedbackRecordSchema.parse(r)).toEqual(r);
  });
  it('round-trips through JSONL and merges idempotently', () => {
    const parsed = parseFeedbackRecords(toJsonl(records));
    if (!parsed.ok) throw new Error(parsed.error);
    const first = mergeFeedback({ ratings: [], comparisons: [], reports: [] }, parsed.records);
    expect(first).toMatchObject({ added: 6, skipped: 0 });
    expect(first.ratings).toEqual(data.ratings);
    const again = mergeFeedback(first, parsed.records);
    expect(again).toMatchObject({ added: 0, skipped: 6 });
    expect(again.ratings).toHaveLength(2);
  });
  it('refuses a malformed file whole, naming the line', () => {
    const text = toJsonl(records) + '{"type":"rating","id":1}\n';
    expect(parseFeedbackRecords(text)).toEqual({
      ok: false,
      error: 'Line 7 is not a Parley feedback record. Nothing was imported.',
    });
    expect(parseFeedbackRecords('not json')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Line 1'),
    });
    expect(parseFeedbackRecords('')).toMatchObject({ ok: false });
  });
  it('never contains a key or settings, even when they sit next to the data', () => {
    const canary = 'sk-canary-3f1e0c2a-8d4b-4e6f-9a7b-1c2d3e4f5a6b';
    const withSettings = { ...data, settings: { apiKey: canary } } as FeedbackData;
    const all = [
      buildPreferencePairs(withSettings, DEFAULT_EXPORT_OPTIONS),
      buildSftExamples(withSettings, DEFAULT_EXPORT_OPTIONS),
      buildFeedbackRecords(withSettings),
    ];
    expect(JSON.stringify(all)).not.toContain(canary);
    expect(JSON.stringify(all)).not.toMatch(/apiKey/);
  });
});
