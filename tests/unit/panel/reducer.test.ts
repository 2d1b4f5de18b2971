import { describe, expect, it } from 'vitest';
import { emptyReply, foldDelta, foldSnapshot, foldState } from '@/lib/panel/reducer';
import type { DeltaEvent } from '@/lib/protocol';

const delta = (seq: number, offset: number, text: string): DeltaEvent => ({
  type: 'delta',
  messageId: 'm',
  seq,
  offset,
  text,
});

describe('foldDelta', () => {
  it('appends deltas in order and marks the reply streaming', () => {
    let r = emptyReply();
    r = foldDelta(r, delta(1, 0, 'Hel')).reply;
    r = foldDelta(r, delta(2, 3, 'lo')).reply;
    expect(r).toEqual({ content: 'Hello', state: { kind: 'streaming' }, seq: 2 });
  });

  it('ignores a duplicate delta', () => {
    const r = foldDelta(foldDelta(emptyReply(), delta(1, 0, 'Hi')).reply, delta(1, 0, 'Hi'));
    expect(r.reply.content).toBe('Hi');
    expect(r.needsSync).toBe(false);
  });

  it('asks for a sync on a gap and keeps the text it has', () => {
    const first = foldDelta(emptyReply(), delta(1, 0, 'ab')).reply;
    const gap = foldDelta(first, delta(3, 4, 'ef'));
    expect(gap.needsSync).toBe(true);
    expect(gap.reply).toBe(first);
  });

  it('accepts a skipped seq when the offset still lines up', () => {
    const first = foldDelta(emptyReply(), delta(1, 0, 'ab')).reply;
    const next = foldDelta(first, delta(5, 2, 'cd'));
    expect(next).toEqual({
      reply: { content: 'abcd', state: { kind: 'streaming' }, seq: 5 },
      needsSync: false,
    });
  });

  it('takes only the unseen tail of an overlapping delta', () => {
    const first = foldDelta(emptyReply(), delta(1, 0, 'abc')).reply;
    expect(foldDelta(first, delta(2, 1, 'bcde')).reply.content).toBe('abcde');
  });

  it('ignores deltas that arrive after a terminal state', () => {
    const done = foldState(emptyReply(), {
      type: 'state',
      messageId: 'm',
      seq: 3,
      state: { kind: 'stopped' },
      content: 'ab',
    }).reply;
    expect(foldDelta(done, delta(4, 2, 'cd')).reply).toBe(done);
  });
});

describe('foldState', () => {
  it('takes the authoritative text with a terminal state, closing any gap', () => {
    const partial = foldDelta(emptyReply(), delta(1, 0, 'ab')).reply;
    const end = foldState(partial, {
      type: 'state',
      messageId: 'm',
      seq: 9,
      state: { kind: 'complete' },
      content: 'abcdef',
    });
    expect(end.reply).toEqual({ content: 'abcdef', state: { kind: 'complete' }, seq: 9 });
  });

  it('never leaves a terminal state', () => {
    const done = foldState(emptyReply(), {
      type: 'state',
      messageId: 'm',
      seq: 2,
      state: { kind: 'complete' },
      content: 'x',
    }).reply;
    expect(
      foldState(done, { type: 'state', messageId: 'm', seq: 3, state: { kind: 'streaming' } })
        .reply,
    ).toBe(done);
  });

  it('ignores a stale non-terminal state', () => {
    const r = { content: 'x', state: { kind: 'streaming' } as const, seq: 5 };
    expect(
      foldState(r, { type: 'state', messageId: 'm', seq: 4, state: { kind: 'pending' } }).reply,
    ).toBe(r);
  });
});

describe('foldSnapshot', () => {
  const live = {
    messageId: 'm',
    conversationId: 'c',
    seq: 4,
    content: 'abcd',
    state: { kind: 'streaming' } as const,
  };
  it('adopts a snapshot that is further along', () => {
    expect(foldSnapshot(foldDelta(emptyReply(), delta(1, 0, 'ab')).reply, live)).toEqual({
      content: 'abcd',
      state: { kind: 'streaming' },
      seq: 4,
    });
  });
  it('keeps what it has when it is ahead of the snapshot', () => {
    const ahead = { content: 'abcdef', state: { kind: 'streaming' } as const, seq: 6 };
    expect(foldSnapshot(ahead, live)).toBe(ahead);
  });
});
