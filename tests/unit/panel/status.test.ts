import { describe, expect, it } from 'vitest';
import { chatStatus, IDLE, isBusy, liveReplyId, nextStatus } from '@/lib/panel/status';
import { EMPTY_CHAT } from '@/lib/panel/panel-state';
import type { MessageState } from '@/lib/model/types';
import { chatOf, msg, oneTurn } from './fixtures';

describe('chatStatus', () => {
  it('is idle for an empty chat and a finished one', () => {
    expect(chatStatus(EMPTY_CHAT)).toEqual({ kind: 'idle' });
    expect(chatStatus(oneTurn())).toEqual({ kind: 'idle' });
    expect(isBusy(chatStatus(oneTurn()))).toBe(false);
  });

  it('is submitting while a request waits for its reply to start', () => {
    const chat = { ...oneTurn(), ownRequests: ['r1', 'r2'] };
    expect(chatStatus(chat)).toEqual({ kind: 'submitting' });
    expect(isBusy(chatStatus(chat))).toBe(true);
    expect(liveReplyId(chatStatus(chat))).toBeUndefined();
  });

  it('is streaming with the live reply ids, pending and streaming alike', () => {
    const chat = chatOf([
      msg('u1', 'user', 'Hi'),
      msg('a1', 'assistant', 'Hel', { kind: 'streaming' }, 'u1'),
      msg('a2', 'assistant', '', { kind: 'pending' }, 'u1'),
    ]);
    const status = chatStatus(chat);
    expect(status).toEqual({ kind: 'streaming', liveIds: ['a1', 'a2'] });
    expect(liveReplyId(status)).toBe('a1');
    expect(isBusy(status)).toBe(true);
  });

  it('is streaming, not submitting, while a reply is live and another request waits', () => {
    const chat = {
      ...chatOf([msg('a1', 'assistant', '', { kind: 'pending' })]),
      ownRequests: ['r9'],
    };
    expect(chatStatus(chat)).toEqual({ kind: 'streaming', liveIds: ['a1'] });
  });

  it('does not count a user message that is not terminal as a live reply', () => {
    const chat = chatOf([msg('u1', 'user', 'Hi', { kind: 'pending' })]);
    expect(chatStatus(chat)).toEqual({ kind: 'idle' });
  });

  it('is error when nothing runs and a notice is shown; running wins over the notice', () => {
    const failed = { ...oneTurn(), notice: 'The request failed.' };
    expect(chatStatus(failed)).toEqual({ kind: 'error', notice: 'The request failed.' });
    expect(isBusy(chatStatus(failed))).toBe(false);
    expect(chatStatus({ ...failed, ownRequests: ['r1'] }).kind).toBe('submitting');
  });

  it('treats every terminal reply state as not live', () => {
    for (const state of [
      { kind: 'complete' },
      { kind: 'stopped' },
      { kind: 'interrupted', reason: 'worker_restart' },
      { kind: 'error', code: 'auth' },
      { kind: 'blocked', categories: [] },
    ] satisfies MessageState[]) {
      const chat = chatOf([msg('a1', 'assistant', 'x', state)]);
      expect(chatStatus(chat).kind).toBe('idle');
    }
  });
});

describe('status transitions through a reply', () => {
  it('goes idle → submitting → streaming → idle → error', () => {
    let chat = oneTurn();
    const seen = [chatStatus(chat).kind];
    chat = { ...chat, ownRequests: ['r1'] };
    seen.push(chatStatus(chat).kind);
    chat = {
      ...chat,
      ownRequests: [],
      messages: { ...chat.messages, a2: msg('a2', 'assistant', '', { kind: 'pending' }, 'u1') },
    };
    seen.push(chatStatus(chat).kind);
    chat = {
      ...chat,
      messages: {
        ...chat.messages,
        a2: msg('a2', 'assistant', 'Done', { kind: 'complete' }, 'u1'),
      },
    };
    seen.push(chatStatus(chat).kind);
    chat = { ...chat, notice: 'Storage is full.' };
    seen.push(chatStatus(chat).kind);
    expect(seen).toEqual(['idle', 'submitting', 'streaming', 'idle', 'error']);
  });
});

describe('nextStatus', () => {
  it('keeps the previous object when the status is the same (narrow selectors stay quiet)', () => {
    const streaming = chatOf([msg('a1', 'assistant', 'a', { kind: 'streaming' })]);
    const before = chatStatus(streaming);
    const more = chatOf([msg('a1', 'assistant', 'ab', { kind: 'streaming' })]);
    expect(nextStatus(before, more)).toBe(before);
    expect(nextStatus(IDLE, oneTurn())).toBe(IDLE);
  });

  it('returns a new status when it changed', () => {
    const next = nextStatus(IDLE, { ...oneTurn(), ownRequests: ['r1'] });
    expect(next).toEqual({ kind: 'submitting' });
    expect(next).not.toBe(IDLE);
    const submitting = { kind: 'submitting' } as const;
    expect(nextStatus(submitting, { ...oneTurn(), ownRequests: ['r2'] })).toBe(submitting);
    const error = nextStatus(IDLE, { ...oneTurn(), notice: 'a' });
    expect(nextStatus(error, { ...oneTurn(), notice: 'b' })).toEqual({
      kind: 'error',
      notice: 'b',
    });
  });
});
