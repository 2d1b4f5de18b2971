import { describe, expect, it } from 'vitest';
import { deepestLeaf, pagerInfo, pathToLeaf, siblingsOf, switchVariant } from '@/lib/model/tree';
import { buildModelMessages } from '@/lib/prompt/messages';
import type { ChatMessage } from '@/lib/model/types';

let clock = 0;
const m = (
  id: string,
  role: 'user' | 'assistant',
  parentId: string | null,
  content = id,
  state: ChatMessage['state'] = { kind: 'complete' },
): ChatMessage => ({
  id,
  conversationId: 'c',
  parentId,
  role,
  content,
  attachments: [],
  state,
  createdAt: ++clock,
  updatedAt: clock,
});

// u1 → a1 (first reply), a1b (regenerated), then u2 under a1b; u1e is an edit of u1 (a branch).
const u1 = m('u1', 'user', null);
const a1 = m('a1', 'assistant', 'u1');
const a1b = m('a1b', 'assistant', 'u1');
const u2 = m('u2', 'user', 'a1b');
const a2 = m('a2', 'assistant', 'u2');
const u1e = m('u1e', 'user', null, 'edited');
const a1e = m('a1e', 'assistant', 'u1e');
const all = [u1, a1, a1b, u2, a2, u1e, a1e];

describe('tree', () => {
  it('walks root → leaf', () => {
    expect(pathToLeaf(all, 'a2').map((x) => x.id)).toEqual(['u1', 'a1b', 'u2', 'a2']);
  });
  it('survives a missing parent and a cycle', () => {
    expect(pathToLeaf([m('x', 'assistant', 'gone')], 'x').map((x) => x.id)).toEqual(['x']);
    const loopA = { ...m('la', 'user', 'lb') };
    const loopB = { ...m('lb', 'assistant', 'la') };
    expect(pathToLeaf([loopA, loopB], 'la')).toHaveLength(2);
  });
  it('orders siblings oldest first: the pager order', () => {
    expect(siblingsOf(all, a1b).map((x) => x.id)).toEqual(['a1', 'a1b']);
    expect(siblingsOf(all, u1).map((x) => x.id)).toEqual(['u1', 'u1e']);
  });
  it('describes the pager', () => {
    expect(pagerInfo(all, a1b)).toEqual({ index: 2, total: 2, prevId: 'a1' });
    expect(pagerInfo(all, a1)).toEqual({ index: 1, total: 2, nextId: 'a1b' });
    expect(pagerInfo(all, a2)).toEqual({ index: 1, total: 1 });
  });
  it('switching a variant lands on the newest branch below it', () => {
    expect(deepestLeaf(all, 'u1')).toBe('a2');
    expect(switchVariant(all, a1b, -1)).toBe('a1');
    expect(switchVariant(all, u1, 1)).toBe('a1e');
    expect(switchVariant(all, u1e, -1)).toBe('a2');
  });
  it('regenerate as sibling keeps the old reply reachable', () => {
    const a1c = m('a1c', 'assistant', 'u1');
    const next = [...all, a1c];
    expect(pagerInfo(next, a1c)).toMatchObject({ index: 3, total: 3 });
    expect(pathToLeaf(next, 'a1').map((x) => x.id)).toEqual(['u1', 'a1']);
  });
});

describe('buildModelMessages', () => {
  const fmt = (x: ChatMessage) => x.content;
  it('starts with the system prompt and follows the branch', () => {
    expect(buildModelMessages(pathToLeaf(all, 'a2'), 'sys', fmt)).toEqual([
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'u1' },
      { role: 'assistant', content: 'a1b' },
      { role: 'user', content: 'u2' },
      { role: 'assistant', content: 'a2' },
    ]);
  });
  it('leaves out the reply being generated and empty failures, keeps partial replies', () => {
    const path = [
      m('p1', 'user', null),
      m('p2', 'assistant', 'p1', '', { kind: 'error', code: 'server' }),
      m('p3', 'user', 'p2'),
      m('p4', 'assistant', 'p3', 'half', { kind: 'interrupted', reason: 'network' }),
      m('p5', 'user', 'p4'),
      m('p6', 'assistant', 'p5', 'so far', { kind: 'streaming' }),
    ];
    expect(buildModelMessages(path, '', fmt)).toEqual([
      { role: 'user', content: 'p1' },
      { role: 'user', content: 'p3' },
      { role: 'assistant', content: 'half' },
      { role: 'user', content: 'p5' },
    ]);
  });
});
