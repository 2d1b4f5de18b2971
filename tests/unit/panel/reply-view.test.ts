import { describe, expect, it } from 'vitest';
import {
  actionRowClass,
  editKeyAction,
  firstUncheckedId,
  isEmptyReply,
} from '@/lib/panel/reply-view';
import type { ChatMessage, MessageState, ModerationRecord } from '@/lib/model/types';

const msg = (
  id: string,
  role: 'user' | 'assistant',
  state: MessageState,
  content = '',
  moderation?: ModerationRecord,
): ChatMessage =>
  ({
    id,
    conversationId: 'c',
    parentId: null,
    role,
    content,
    state,
    attachments: [],
    createdAt: 0,
    updatedAt: 0,
    ...(moderation ? { moderation } : {}),
  }) as ChatMessage;

describe('reply view', () => {
  it('keeps the latest reply’s actions in view and older ones on hover', () => {
    expect(actionRowClass(true)).toContain('actions-pinned');
    expect(actionRowClass(true)).not.toContain('actions-on-hover');
    expect(actionRowClass(false)).toContain('actions-on-hover');
    expect(actionRowClass(false)).toContain('message-actions');
  });

  it('tells an empty finished reply from one with text, a live one and a failure', () => {
    expect(isEmptyReply(msg('a', 'assistant', { kind: 'complete' }))).toBe(true);
    expect(isEmptyReply(msg('a', 'assistant', { kind: 'complete' }, ' \n'))).toBe(true);
    expect(isEmptyReply(msg('a', 'assistant', { kind: 'complete' }, 'Hi'))).toBe(false);
    expect(isEmptyReply(msg('a', 'assistant', { kind: 'streaming' }))).toBe(false);
    expect(isEmptyReply(msg('a', 'assistant', { kind: 'error', code: 'auth' }))).toBe(false);
    expect(isEmptyReply(msg('u', 'user', { kind: 'complete' }))).toBe(false);
  });

  it('reads the edit box keys like the composer, Escape cancelling', () => {
    expect(editKeyAction({ key: 'Enter', shiftKey: false })).toBe('save');
    expect(editKeyAction({ key: 'Enter', shiftKey: true })).toBe('newline');
    expect(editKeyAction({ key: 'Escape', shiftKey: false })).toBe('cancel');
    expect(editKeyAction({ key: 'Enter', shiftKey: false, isComposing: true })).toBeNull();
    expect(editKeyAction({ key: 'a', shiftKey: false })).toBeNull();
  });

  it('puts "not checked" under the first unchecked message only, never a flagged one', () => {
    const unchecked = { flagged: false, categories: [], checked: false };
    const flagged = { flagged: true, categories: ['violence'], checked: false };
    const path = [
      msg('u1', 'user', { kind: 'complete' }, 'a', {
        flagged: false,
        categories: [],
        checked: true,
      }),
      msg('a1', 'assistant', { kind: 'complete' }, 'b'),
      msg('u2', 'user', { kind: 'complete' }, 'c', flagged),
      msg('u3', 'user', { kind: 'complete' }, 'd', unchecked),
      msg('u4', 'user', { kind: 'complete' }, 'e', unchecked),
    ];
    expect(firstUncheckedId(path)).toBe('u3');
    expect(firstUncheckedId(path.slice(0, 3))).toBeNull();
  });
});
