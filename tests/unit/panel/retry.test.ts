/**
 * Retry after an error replaces the error (issue 16): no better-or-worse question against an
 * error card, and a failure that showed no text leaves the chat when its replacement starts.
 */
import { describe, expect, it } from 'vitest';
import type { MessageState } from '@/lib/model/types';
import { withoutFailure } from '@/lib/panel/panel-state';
import { chatOf, controllerOver, msg, startedEvent } from './fixtures';

const failedTurn = (state: MessageState, content = '') =>
  chatOf([msg('u1', 'user', 'Hi'), msg('a1', 'assistant', content, state, 'u1')], 'a1');
const authError: MessageState = { kind: 'error', code: 'auth' };
const dropped: MessageState = { kind: 'interrupted', reason: 'network' };

describe('controller: retry of a failed reply', () => {
  it('replaces an error that showed no text: posts `replaces`, asks nothing, drops it on start', () => {
    const { controller, state, posted } = controllerOver(failedTurn(authError));
    controller.regenerateWithPrompt('u1');
    expect(posted).toEqual([
      { type: 'regenerate', requestId: 'id1', userMessageId: 'u1', replaces: 'a1' },
    ]);
    controller.onStarted(startedEvent('id1', 'a2'));
    expect(state().comparePrompt).toBeNull();
    expect(state().chat.messages.a1).toBeUndefined();
    expect(state().chat.messages.u1).toBeDefined();
  });

  it('an interruption with no text is replaced the same way', () => {
    const { controller, state, posted } = controllerOver(failedTurn(dropped));
    controller.regenerateWithPrompt('u1');
    expect(posted[0]).toMatchObject({ replaces: 'a1' });
    controller.onStarted(startedEvent('id1', 'a2'));
    expect(state().chat.messages.a1).toBeUndefined();
  });

  it('keeps a failed reply that has text (the user saw it), and still asks nothing', () => {
    const { controller, state, posted } = controllerOver(failedTurn(dropped, 'Half an answer'));
    controller.regenerateWithPrompt('u1');
    expect(posted).toEqual([{ type: 'regenerate', requestId: 'id1', userMessageId: 'u1' }]);
    controller.onStarted(startedEvent('id1', 'a2'));
    expect(state().comparePrompt).toBeNull();
    expect(state().chat.messages.a1?.content).toBe('Half an answer');
  });

  it('a started event of another request removes nothing', () => {
    const { controller, state } = controllerOver(failedTurn(authError));
    controller.regenerateWithPrompt('u1');
    controller.onStarted(startedEvent('foreign', 'x1'));
    expect(state().chat.messages.a1).toBeDefined();
  });

  it('a complete reply is still compared with its regeneration', () => {
    const { controller, state, posted } = controllerOver(
      failedTurn({ kind: 'complete' }, 'A fine answer'),
    );
    controller.regenerateWithPrompt('u1');
    expect(posted[0]).not.toHaveProperty('replaces');
    controller.onStarted(startedEvent('id1', 'a2'));
    expect(state().comparePrompt).toEqual({ parentId: 'u1', oldId: 'a1', newId: 'a2' });
  });
});

describe('withoutFailure', () => {
  it('removes only an empty failure, with its fold position', () => {
    const chat = { ...failedTurn(authError), seqs: { a1: 3 } };
    const after = withoutFailure(chat, 'a1');
    expect(Object.keys(after.messages)).toEqual(['u1']);
    expect(after.seqs).toEqual({});
    const kept = failedTurn({ kind: 'complete' }, 'ok');
    expect(withoutFailure(kept, 'a1')).toBe(kept);
    expect(withoutFailure(kept, 'missing')).toBe(kept);
  });
});
