/**
 * The render-time guard (issue 12, item 3): a message already in storage with a malformed state,
 * moderation record or count renders as a safe shape instead of blanking the panel.
 */
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/lib/model/types';
import {
  renderableMessage,
  safeCount,
  safeMessageState,
  safeModeration,
} from '@/lib/export/record-guard';

describe('safeMessageState', () => {
  it.each([
    [{ kind: 'complete' }],
    [{ kind: 'interrupted', reason: 'network' }],
    [{ kind: 'error', code: 'auth', detail: 'nope' }],
    [{ kind: 'blocked', categories: ['hate'] }],
  ])('keeps a valid state as the same object: %j', (state) => {
    expect(safeMessageState(state)).toBe(state);
  });

  it.each([
    [{ kind: 'blocked' }, { kind: 'blocked', categories: [] }],
    [
      { kind: 'blocked', categories: ['hate', 3, '__proto__'] },
      { kind: 'blocked', categories: ['hate'] },
    ],
    [
      { kind: 'blocked', categories: 'hate' },
      { kind: 'blocked', categories: [] },
    ],
    [
      { kind: 'error', code: '__proto__' },
      { kind: 'error', code: 'unknown' },
    ],
    [
      { kind: 'error', code: 'constructor', detail: 'x' },
      { kind: 'error', code: 'unknown', detail: 'x' },
    ],
    [
      { kind: 'error', code: 'auth', detail: { x: 1 } },
      { kind: 'error', code: 'auth' },
    ],
    [
      { kind: 'interrupted', reason: 'toString' },
      { kind: 'error', code: 'unknown' },
    ],
    [{ kind: 'exploded' }, { kind: 'error', code: 'unknown' }],
    [null, { kind: 'error', code: 'unknown' }],
    [undefined, { kind: 'error', code: 'unknown' }],
    ['complete', { kind: 'error', code: 'unknown' }],
    [[], { kind: 'error', code: 'unknown' }],
  ])('turns %j into %j', (state, safe) => {
    expect(safeMessageState(state)).toEqual(safe);
  });

  it('a user message with an unreadable state is shown as sent', () => {
    expect(safeMessageState({ kind: 'error', code: '__proto__' }, 'user')).toEqual({
      kind: 'complete',
    });
  });
});

describe('safeModeration', () => {
  it('keeps a valid record as the same object, and none as none', () => {
    const record = { flagged: true, categories: ['hate'], checked: true, action: 'warn' as const };
    expect(safeModeration(record)).toBe(record);
    expect(safeModeration(undefined)).toBeUndefined();
    expect(safeModeration(null)).toBeUndefined();
    expect(safeModeration('flagged')).toBeUndefined();
  });

  it.each([
    [{ flagged: true }, { flagged: true, categories: [], checked: true }],
    [
      { flagged: true, categories: 'hate', action: 'nuke' },
      { flagged: true, categories: [], checked: true },
    ],
    [
      { flagged: 'yes', categories: ['hate'], checked: false, action: 'block' },
      { flagged: false, categories: ['hate'], checked: false, action: 'block' },
    ],
    [
      { checked: 'no', scores: 5 },
      { flagged: false, categories: [], checked: true },
    ],
  ])('turns %j into %j', (record, safe) => {
    expect(safeModeration(record)).toEqual(safe);
  });
});

describe('safeCount', () => {
  it.each([
    [3, 3],
    [0, 0],
    [{ a: 1 }, undefined],
    ['3', undefined],
    [1.5, undefined],
    [-1, undefined],
    [Number.NaN, undefined],
    [1e12, undefined],
  ])('%j → %j', (value, safe) => {
    expect(safeCount(value)).toBe(safe);
  });
});

describe('renderableMessage', () => {
  const valid: ChatMessage = {
    id: 'a',
    conversationId: 'c',
    parentId: 'u',
    role: 'assistant',
    content: 'hi',
    attachments: [],
    state: { kind: 'complete' },
    moderation: { flagged: false, categories: [], checked: true },
    droppedTurns: 2,
    createdAt: 1,
    updatedAt: 1,
  };

  it('returns a valid message unchanged (same object)', () => {
    expect(renderableMessage(valid)).toBe(valid);
  });

  it('repairs every field the UI reads, once per object', () => {
    const broken = {
      ...valid,
      role: 'root',
      content: { text: 'x' },
      attachments: [
        { id: 'x' },
        { id: 'ok', kind: 'selection', text: 't', source: { url: 'u', title: 't' } },
      ],
      state: { kind: 'blocked' },
      moderation: { flagged: true },
      droppedTurns: { a: 1 },
    } as unknown as ChatMessage;
    const safe = renderableMessage(broken);
    expect(safe).toMatchObject({
      role: 'assistant',
      content: '',
      state: { kind: 'blocked', categories: [] },
      moderation: { flagged: true, categories: [], checked: true },
      droppedTurns: undefined,
    });
    expect(safe.attachments.map((a) => a.id)).toEqual(['ok']);
    expect(renderableMessage(broken)).toBe(safe);
  });

  it('a missing attachments list renders as none', () => {
    const broken = { ...valid, attachments: undefined } as unknown as ChatMessage;
    expect(renderableMessage(broken).attachments).toEqual([]);
  });
});
