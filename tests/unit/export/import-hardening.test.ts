/**
 * Hostile conversation files (issue 12, item 3): every record that does not validate is skipped
 * and counted, its valid siblings are kept, and each kept tree is consistent. Table-driven: every
 * field of the schema is given a wrong type and an impossible value.
 */
import { describe, expect, it } from 'vitest';
import { parseConversationsFile, type ImportParse } from '@/lib/export/conversation';

const NOW = Date.UTC(2026, 0, 15);
type Json = Record<string, unknown>;

function bundle(id: string, reply: Json = {}, conversation: Json = {}) {
  const message = (suffix: string, role: string, parentId: string | null): Json => ({
    id: `${id}-${suffix}`,
    conversationId: id,
    parentId,
    role,
    content: `${role} text`,
    attachments: [],
    state: { kind: 'complete' },
    createdAt: NOW - 1000,
    updatedAt: NOW - 1000,
  });
  return {
    conversation: {
      id,
      title: `Chat ${id}`,
      createdAt: NOW - 2000,
      updatedAt: NOW - 1000,
      model: 'm',
      systemPrompt: '',
      currentLeafId: `${id}-a`,
      ...conversation,
    },
    messages: [message('u', 'user', null), { ...message('a', 'assistant', `${id}-u`), ...reply }],
  };
}

const fileOf = (conversations: unknown[]) =>
  JSON.stringify({ format: 'parley.conversations', version: 1, conversations });

function parse(conversations: unknown[]): Extract<ImportParse, { ok: true }> {
  const parsed = parseConversationsFile(fileOf(conversations), NOW);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed;
}

describe('hostile conversation files', () => {
  it.each([
    ['blocked state without categories', { state: { kind: 'blocked' } }],
    ['error code __proto__', { state: { kind: 'error', code: '__proto__' } }],
    ['moderation flagged without categories', { moderation: { flagged: true } }],
    ['droppedTurns as an object', { droppedTurns: { a: 1 } }],
  ])('drops a reply with %s and keeps its siblings', (_, reply) => {
    const parsed = parse([bundle('good'), bundle('bad', reply)]);
    expect(parsed.bundles.map((b) => b.conversation.id)).toEqual(['good', 'bad']);
    expect(parsed.bundles[0]?.messages).toHaveLength(2);
    expect(parsed.bundles[1]?.messages.map((m) => m.id)).toEqual(['bad-u']);
    // The leaf pointed at the dropped reply: it now points at what is left.
    expect(parsed.bundles[1]?.conversation.currentLeafId).toBe('bad-u');
    expect(parsed.skipped).toMatchObject({ conversations: 0, messages: 1 });
    expect(parsed.skipped.hint).toMatch(/^message\./);
  });

  it('skips a conversation dated 8.64e15 (it would be "latest" forever), keeping the others', () => {
    const parsed = parse([bundle('good'), bundle('future', {}, { updatedAt: 8.64e15 })]);
    expect(parsed.bundles.map((b) => b.conversation.id)).toEqual(['good']);
    expect(parsed.skipped).toMatchObject({ conversations: 1, messages: 0 });
    expect(parsed.skipped.hint).toBe('conversation.updatedAt is out of range');
  });

  it('strips unknown keys at every level, and never takes hidden or purgeAfter', () => {
    const [b] = parse([
      bundle(
        'x',
        { extra: 1, state: { kind: 'complete', evil: true } },
        {
          hidden: true,
          purgeAfter: NOW,
          ...JSON.parse('{"__proto__":{"polluted":true}}'),
          more: 1,
        },
      ),
    ]).bundles;
    expect(Object.keys(b!.conversation).sort()).toEqual(
      ['createdAt', 'currentLeafId', 'id', 'model', 'systemPrompt', 'title', 'updatedAt'].sort(),
    );
    expect(b!.messages[1]).not.toHaveProperty('extra');
    expect(b!.messages[1]?.state).toEqual({ kind: 'complete' });
    // A __proto__ key inside a record of scores is dropped, never assigned as a prototype.
    const [c] = parse([
      bundle('s', {
        moderation: {
          flagged: false,
          categories: [],
          checked: true,
          scores: JSON.parse('{"__proto__":{"polluted":true},"hate":0.5}'),
        },
      }),
    ]).bundles;
    const scores = c!.messages[1]?.moderation?.scores;
    expect(scores).toEqual({ hate: 0.5 });
    expect(Object.getPrototypeOf(scores)).toBe(Object.prototype);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('keeps every field an attachment may carry', () => {
    const attachment = {
      id: 'at',
      kind: 'selection',
      text: 'page text',
      language: 'go',
      source: { url: 'https://a.test/f', title: 'F', topUrl: 'https://a.test/' },
      truncated: { kept: 9, total: 90 },
      hiddenTextRemoved: true,
      hiddenPassages: { count: 2, reasons: ['same-colour', 'invisible-characters'] },
      formattingLost: true,
    };
    const b = bundle('att');
    b.messages[0] = { ...b.messages[0], attachments: [attachment] };
    expect(parse([b]).bundles[0]?.messages[0]?.attachments).toEqual([attachment]);
  });

  it('drops orphans and cycles, repairs the leaf, refuses duplicates', () => {
    const b = bundle('t');
    const orphan = { ...b.messages[1], id: 't-orphan', parentId: 'nowhere' };
    const loopA = { ...b.messages[1], id: 't-l1', parentId: 't-l2' };
    const loopB = { ...b.messages[1], id: 't-l2', parentId: 't-l1' };
    const child = { ...b.messages[1], id: 't-child', parentId: 't-orphan' };
    const dup = bundle('t');
    const parsed = parse([
      { ...b, messages: [...b.messages, orphan, loopA, loopB, child] },
      dup,
      {
        ...bundle('leafless'),
        conversation: { ...bundle('leafless').conversation, currentLeafId: 'gone' },
      },
    ]);
    expect(parsed.bundles.map((x) => x.conversation.id)).toEqual(['t', 'leafless']);
    expect(parsed.bundles[0]?.messages.map((m) => m.id)).toEqual(['t-u', 't-a']);
    expect(parsed.bundles[1]?.conversation.currentLeafId).toBe('leafless-a');
    expect(parsed.skipped).toMatchObject({ conversations: 1, messages: 4 });
  });

  it('refuses a bundle holding a message of another conversation (it would merge into it)', () => {
    const b = bundle('mine');
    const foreign = { ...b.messages[1], id: 'x', conversationId: 'theirs' };
    const parsed = parse([bundle('good'), { ...b, messages: [...b.messages, foreign] }]);
    expect(parsed.bundles.map((x) => x.conversation.id)).toEqual(['good']);
    expect(parsed.skipped.conversations).toBe(1);
  });

  it('a message id is taken once per file; a refused bundle reserves none of its ids', () => {
    const first = bundle('one');
    const reused = bundle('two');
    reused.messages[0] = { ...reused.messages[0], id: 'one-u' };
    const foreign = bundle('bad');
    foreign.messages.push({ ...foreign.messages[1], id: 'x', conversationId: 'elsewhere' });
    const after = bundle('three');
    after.messages[0] = { ...after.messages[0], id: 'bad-u' };
    after.messages[1] = { ...after.messages[1], parentId: 'bad-u' };
    const parsed = parse([first, reused, foreign, after]);
    expect(parsed.bundles.map((b) => b.conversation.id)).toEqual(['one', 'two', 'three']);
    // "two" lost its root to the clash, and with it the reply below it.
    expect(parsed.bundles[1]?.messages).toEqual([]);
    expect(parsed.bundles[2]?.messages.map((m) => m.id)).toEqual(['bad-u', 'three-a']);
    expect(parsed.skipped).toMatchObject({ conversations: 1, messages: 2 });
  });

  it('says why when nothing at all is valid', () => {
    const parsed = parseConversationsFile(
      fileOf([bundle('f', {}, { createdAt: 'yesterday' })]),
      NOW,
    );
    expect(parsed).toEqual({
      ok: false,
      error: expect.stringMatching(
        /not a Parley conversations export.*createdAt.*Nothing was imported/,
      ),
    });
  });
});

// Every field, a wrong type and an impossible value: each must skip exactly its record.
const wrongMessage: [string, unknown][] = [
  ['id', 42],
  ['id', ''],
  ['id', '__proto__'],
  ['id', 'x'.repeat(500)],
  ['id', 'a b<script>'],
  ['parentId', 7],
  ['role', 'root'],
  ['role', null],
  ['content', { text: 'x' }],
  ['content', 'x'.repeat(5_000_001)],
  ['attachments', 'none'],
  ['attachments', [{ id: 'a' }]],
  ['attachments', [{ id: 'a', kind: 'selection', text: 't', source: { url: 1, title: '' } }]],
  ['state', null],
  ['state', 'complete'],
  ['state', { kind: 'exploded' }],
  ['state', { kind: 'interrupted', reason: 'toString' }],
  ['state', { kind: 'interrupted' }],
  ['state', { kind: 'error', code: 'constructor' }],
  ['state', { kind: 'error', code: 'auth', detail: 5 }],
  ['state', { kind: 'error', code: 'auth', detail: 'x'.repeat(3000) }],
  ['state', { kind: 'blocked', categories: 'hate' }],
  ['state', { kind: 'blocked', categories: [1] }],
  ['state', { kind: 'blocked', categories: ['__proto__'] }],
  ['model', 5],
  ['model', 'm'.repeat(201)],
  ['usage', 3],
  ['usage', { promptTokens: -1 }],
  ['usage', { completionTokens: 1.5 }],
  ['moderation', true],
  ['moderation', { flagged: 'yes', categories: [], checked: true }],
  ['moderation', { flagged: true, categories: [], checked: true, action: 'nuke' }],
  ['moderation', { flagged: true, categories: [], checked: true, scores: { hate: 2 } }],
  ['moderation', { flagged: true, categories: [], scores: {} }],
  ['droppedTurns', -1],
  ['droppedTurns', 1.5],
  ['droppedTurns', '3'],
  ['droppedTurns', 1e9],
  ['createdAt', '2024-01-01'],
  ['createdAt', -5],
  ['createdAt', NOW + 2 * 86_400_000],
  ['updatedAt', Number.NaN],
  ['updatedAt', 8.64e15],
  ['updatedAt', null],
];
const wrongConversation: [string, unknown][] = [
  ['id', 1],
  ['id', 'constructor'],
  ['title', 7],
  ['title', 'x'.repeat(501)],
  ['createdAt', 'now'],
  ['createdAt', -1],
  ['updatedAt', 8.64e15],
  ['updatedAt', Infinity],
  ['model', null],
  ['systemPrompt', ['a']],
  ['systemPrompt', 'x'.repeat(100_001)],
  ['currentLeafId', 5],
  ['pinned', 'yes'],
  ['titledByModel', 1],
];

// Test names show a value shortened: some are megabytes long.
const named = (rows: [string, unknown][]) =>
  rows.map(([field, value]): [string, string, unknown] => {
    const text = JSON.stringify(value) ?? String(value);
    return [field, text.length > 40 ? `${text.slice(0, 20)}…(${text.length} chars)` : text, value];
  });

describe('every field, a wrong type or an impossible value', () => {
  it.each(named(wrongMessage))('message.%s = %s skips that message only', (field, _, value) => {
    // JSON turns NaN and Infinity into null; the file is what a hostile author would write.
    const parsed = parse([bundle('good'), bundle('bad', { [field]: value })]);
    expect(parsed.bundles[0]?.messages).toHaveLength(2);
    expect(parsed.bundles[1]?.messages.map((m) => m.id)).toEqual(['bad-u']);
    expect(parsed.skipped).toMatchObject({ conversations: 0, messages: 1 });
  });

  it.each(wrongConversation)(
    'conversation.%s = %j skips that conversation only',
    (field, value) => {
      const parsed = parse([bundle('good'), bundle('bad', {}, { [field]: value })]);
      expect(parsed.bundles.map((b) => b.conversation.id)).toEqual(['good']);
      expect(parsed.skipped).toMatchObject({ conversations: 1, messages: 0 });
    },
  );

  it.each([
    ['messages', 'none'],
    ['messages', undefined],
    ['conversation', 3],
  ])('an entry whose %s is %j is skipped', (field, value) => {
    const parsed = parse([bundle('good'), { ...bundle('bad'), [field]: value }]);
    expect(parsed.bundles.map((b) => b.conversation.id)).toEqual(['good']);
    expect(parsed.skipped.conversations).toBe(1);
  });
});
