/**
 * Stop shows at the click (issue 17): the reply reads `stopped` before the worker answers, and
 * whatever the worker then says it ended as (stopped, complete, failed) is what stays.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, markDisconnected, markStopping } from '@/lib/panel/panel-state';
import { chatStatus } from '@/lib/panel/status';
import { foldBatch } from '@/lib/panel/router';
import { chatOf, controllerOver, msg } from './fixtures';

const streaming = () =>
  chatOf(
    [msg('u1', 'user', 'Hi'), msg('a1', 'assistant', 'Hel', { kind: 'streaming' }, 'u1')],
    'a1',
  );

describe('Stop shown at the click', () => {
  it('marks the reply stopped in the same call, so the composer shows Send at once', () => {
    const { controller, state, posted } = controllerOver(streaming());
    controller.stop('a1');
    expect(state().chat.messages.a1?.state).toEqual({ kind: 'stopped' });
    expect(state().chat.messages.a1?.content).toBe('Hel');
    expect(chatStatus(state().chat)).toEqual({ kind: 'idle' });
    expect(posted).toEqual([{ type: 'stop', messageId: 'a1', shownLength: 3 }]);
  });

  it("takes the worker's stopped state and text", () => {
    let chat = markStopping(streaming(), 'a1');
    chat = applyEvent(chat, {
      type: 'state',
      messageId: 'a1',
      seq: 9,
      state: { kind: 'stopped' },
      content: 'Hel',
    }).chat;
    expect(chat.messages.a1).toMatchObject({ content: 'Hel', state: { kind: 'stopped' } });
    expect(chat.stopping).toEqual([]);
    expect(chat.seqs.a1).toBe(9);
  });

  it('shows the reply complete when it finished before the stop reached the worker', () => {
    let chat = markStopping(streaming(), 'a1');
    chat = applyEvent(chat, {
      type: 'state',
      messageId: 'a1',
      seq: 4,
      state: { kind: 'complete' },
      content: 'Hello there',
    }).chat;
    expect(chat.messages.a1).toMatchObject({ content: 'Hello there', state: { kind: 'complete' } });
  });

  it('shows a failure the worker reports instead of the guess', () => {
    let chat = markStopping(streaming(), 'a1');
    chat = applyEvent(chat, {
      type: 'state',
      messageId: 'a1',
      seq: 4,
      state: { kind: 'interrupted', reason: 'network' },
    }).chat;
    expect(chat.messages.a1).toMatchObject({
      content: 'Hel',
      state: { kind: 'interrupted', reason: 'network' },
    });
  });

  it('ignores deltas and non-terminal states that were already on their way', () => {
    const stopped = markStopping(streaming(), 'a1');
    const { chat } = foldBatch(stopped, [
      { type: 'delta', messageId: 'a1', seq: 3, offset: 3, text: 'lo' },
      { type: 'state', messageId: 'a1', seq: 4, state: { kind: 'streaming' } },
    ]);
    expect(chat.messages.a1).toMatchObject({ content: 'Hel', state: { kind: 'stopped' } });
    expect(chat.stopping).toEqual(['a1']);
  });

  it('leaves a finished reply alone', () => {
    const chat = chatOf([msg('a1', 'assistant', 'Done', { kind: 'complete' })], 'a1');
    expect(markStopping(chat, 'a1')).toBe(chat);
    expect(markStopping(chat, 'missing')).toBe(chat);
  });

  it('hands the shown text back when the worker went away before it kept the stop', () => {
    const chat = markStopping(streaming(), 'a1');
    const { chat: after, salvage } = markDisconnected(chat);
    expect(salvage).toEqual([{ messageId: 'a1', content: 'Hel' }]);
    expect(after.stopping).toBeUndefined();
    expect(after.messages.a1?.state).toEqual({ kind: 'stopped' });
  });
});
