import { describe, expect, it } from 'vitest';
import { foldBatch } from '@/lib/panel/router';
import { chatOf, controllerOver, msg, oneTurn, selection, startedEvent } from './fixtures';

describe('controller: send', () => {
  it('posts below the leaf with the attachments, awaits the request, clears the composer', () => {
    const { controller, state, posted } = controllerOver(
      { ...oneTurn(), notice: 'old notice' },
      { attachments: [selection], draft: 'Explain' },
    );
    controller.send('Explain');
    expect(posted).toEqual([
      {
        type: 'send',
        requestId: 'id1',
        conversationId: 'c1',
        parentId: 'a1',
        text: 'Explain',
        attachments: [selection],
      },
    ]);
    expect(state().chat.ownRequests).toEqual(['id1']);
    expect(state().chat.notice).toBeNull();
    expect(state().attachments).toEqual([]);
    expect(state().draft).toBe('');
  });

  it('starts a new conversation when none is open', () => {
    const { controller, posted } = controllerOver(chatOf([], null));
    const empty = controllerOver({ ...chatOf([], null), conversation: null });
    empty.controller.send('Hi');
    expect(empty.posted[0]).toMatchObject({ conversationId: null, parentId: null });
    controller.send('Hi');
    expect(posted[0]).toMatchObject({ conversationId: 'c1', parentId: null });
  });

  it('sends an edit as a sibling of the message being edited, with its attachments', () => {
    const withAttachment = chatOf(
      [
        { ...msg('u1', 'user', 'Hi'), attachments: [selection] },
        msg('a1', 'assistant', 'Hello', { kind: 'complete' }, 'u1'),
      ],
      'a1',
    );
    const { controller, state, posted } = controllerOver(withAttachment, {
      editingId: 'u1',
      draft: 'Hi there',
    });
    controller.send('Hi there');
    expect(state().editingId).toBeNull();
    expect(state().draft).toBe('');
    expect(posted).toEqual([
      {
        type: 'send',
        requestId: 'id1',
        conversationId: 'c1',
        parentId: null,
        text: 'Hi there',
        attachments: [selection],
      },
    ]);
    expect(state().chat.ownRequests).toEqual(['id1']);
  });
});

describe('controller: editAndResend', () => {
  it('does nothing for blank text, an unknown message or no conversation', () => {
    const { controller, posted } = controllerOver();
    controller.editAndResend('u1', '   ');
    controller.editAndResend('nope', 'text');
    const none = controllerOver({ ...oneTurn(), conversation: null });
    none.controller.editAndResend('u1', 'text');
    expect(posted).toEqual([]);
    expect(none.posted).toEqual([]);
  });

  it('branches from the edited message’s parent', () => {
    const chat = chatOf(
      [
        msg('u1', 'user', 'Hi'),
        msg('a1', 'assistant', 'Hello', { kind: 'complete' }, 'u1'),
        msg('u2', 'user', 'More', { kind: 'complete' }, 'a1'),
      ],
      'u2',
    );
    const { controller, posted } = controllerOver(chat);
    controller.editAndResend('u2', 'Less');
    expect(posted[0]).toMatchObject({ type: 'send', parentId: 'a1', text: 'Less' });
  });
});

describe('controller: stop', () => {
  it('stops a live reply at the length shown and drops its queued text', () => {
    const chat = chatOf(
      [msg('u1', 'user', 'Hi'), msg('a1', 'assistant', 'Hel', { kind: 'streaming' }, 'u1')],
      'a1',
    );
    const { controller, posted, stopped } = controllerOver(chat);
    controller.stop('a1');
    expect(stopped).toEqual(['a1']);
    expect(posted).toEqual([{ type: 'stop', messageId: 'a1', shownLength: 3 }]);
  });

  it('still tells the worker about a reply that is not live here, without a length', () => {
    const { controller, posted, stopped } = controllerOver();
    controller.stop('a1');
    controller.stop('unknown');
    expect(stopped).toEqual([]);
    expect(posted).toEqual([
      { type: 'stop', messageId: 'a1' },
      { type: 'stop', messageId: 'unknown' },
    ]);
  });
});

describe('controller: regenerate', () => {
  it('asks for another reply and awaits it, with no question after', () => {
    const { controller, state, posted } = controllerOver();
    controller.regenerate('u1');
    expect(posted).toEqual([{ type: 'regenerate', requestId: 'id1', userMessageId: 'u1' }]);
    expect(state().chat.ownRequests).toEqual(['id1']);
    controller.onStarted(startedEvent('id1', 'a2'));
    expect(state().comparePrompt).toBeNull();
  });

  it('with the prompt: asks better-or-worse once the new reply starts', () => {
    const { controller, state, posted } = controllerOver(oneTurn(), {
      comparePrompt: { parentId: 'x', oldId: 'y', newId: 'z' },
    });
    controller.regenerateWithPrompt('u1');
    expect(posted).toEqual([{ type: 'regenerate', requestId: 'id1', userMessageId: 'u1' }]);
    expect(state().comparePrompt).toBeNull();
    controller.onStarted(startedEvent('id1', 'a2'));
    expect(state().comparePrompt).toEqual({ parentId: 'u1', oldId: 'a1', newId: 'a2' });
  });

  it('asks nothing when there was no visible reply to compare with', () => {
    const { controller, state } = controllerOver(chatOf([msg('u1', 'user', 'Hi')], 'u1'));
    controller.regenerateWithPrompt('u1');
    controller.onStarted(startedEvent('id1', 'a2'));
    expect(state().comparePrompt).toBeNull();
  });

  it('ignores started events of other requests (another panel, another tab)', () => {
    const { controller, state } = controllerOver();
    controller.regenerateWithPrompt('u1');
    controller.onStarted(startedEvent('foreign', 'x1'));
    expect(state().comparePrompt).toBeNull();
    controller.onStarted(startedEvent('id1', 'a2'));
    expect(state().comparePrompt?.newId).toBe('a2');
  });

  it('matches two regenerates to their own replies when they start out of order', () => {
    const { controller, state } = controllerOver();
    controller.regenerateWithPrompt('u1');
    controller.regenerateWithPrompt('u1');
    controller.onStarted(startedEvent('id2', 'b2'));
    expect(state().comparePrompt).toEqual({ parentId: 'u1', oldId: 'a1', newId: 'b2' });
    controller.onStarted(startedEvent('id1', 'b1'));
    expect(state().comparePrompt?.newId).toBe('b1');
    // Each request is forgotten once matched: a replayed `started` asks nothing new.
    const before = state().comparePrompt;
    controller.onStarted(startedEvent('id1', 'b1'));
    expect(state().comparePrompt).toBe(before);
  });

  it('stores the answer as a pair comparison; worse ranks the old reply first', async () => {
    const chat = chatOf(
      [
        msg('u1', 'user', 'Hi'),
        msg('a1', 'assistant', 'Old', { kind: 'complete' }, 'u1'),
        msg('a2', 'assistant', 'New', { kind: 'complete' }, 'u1'),
      ],
      'a2',
    );
    const prompt = { parentId: 'u1', oldId: 'a1', newId: 'a2' };
    const better = controllerOver(chat, { comparePrompt: prompt });
    await better.controller.answerComparePrompt('better');
    expect(better.saved).toEqual([
      {
        id: 'id1',
        conversationId: 'c1',
        parentId: 'u1',
        kind: 'pair',
        ranking: ['a2', 'a1'],
        createdAt: expect.any(Number),
      },
    ]);
    expect(better.state().comparePrompt).toBeNull();
    const worse = controllerOver(chat, { comparePrompt: prompt });
    await worse.controller.answerComparePrompt('worse');
    expect(worse.saved[0]?.ranking).toEqual(['a1', 'a2']);
    expect(worse.saved[0]?.ties).toBeUndefined();
    const same = controllerOver(chat, { comparePrompt: prompt });
    await same.controller.answerComparePrompt('same');
    expect(same.saved[0]).toMatchObject({ ties: true });
  });

  it('stores nothing without a prompt or its message', async () => {
    const none = controllerOver();
    await none.controller.answerComparePrompt('better');
    expect(none.saved).toEqual([]);
    const gone = controllerOver(oneTurn(), {
      comparePrompt: { parentId: 'u1', oldId: 'a1', newId: 'missing' },
    });
    await gone.controller.answerComparePrompt('better');
    expect(gone.saved).toEqual([]);
    expect(gone.state().comparePrompt).not.toBeNull();
  });

  it('dismisses the question without storing anything', () => {
    const { controller, state, saved } = controllerOver(oneTurn(), {
      comparePrompt: { parentId: 'u1', oldId: 'a1', newId: 'a1' },
    });
    controller.dismissComparePrompt();
    expect(state().comparePrompt).toBeNull();
    expect(saved).toEqual([]);
  });
});

describe('controller: compare', () => {
  it('starts 2 to 4 parallel requests and waits for each', () => {
    const { controller, state, posted } = controllerOver();
    controller.startCompare('u1', 3);
    expect(posted).toEqual(
      ['id1', 'id2', 'id3'].map((requestId) => ({
        type: 'regenerate',
        requestId,
        userMessageId: 'u1',
      })),
    );
    expect(state().compareSession).toEqual({
      parentId: 'u1',
      waiting: ['id1', 'id2', 'id3'],
      order: [],
      generated: [],
    });
    expect(state().chat.ownRequests).toEqual(['id1', 'id2', 'id3']);
    const few = controllerOver();
    few.controller.startCompare('u1', 1);
    expect(few.posted).toHaveLength(2);
    const many = controllerOver();
    many.controller.startCompare('u1', 9);
    expect(many.posted).toHaveLength(4);
  });

  it('labels the alternatives in the order they start, not the order asked', () => {
    const { controller, state } = controllerOver();
    controller.startCompare('u1', 3);
    controller.onStarted(startedEvent('id3', 'c'));
    controller.onStarted(startedEvent('foreign', 'x'));
    controller.onStarted(startedEvent('id1', 'a'));
    expect(state().compareSession).toEqual({
      parentId: 'u1',
      waiting: ['id2'],
      order: ['c', 'a'],
      generated: ['c', 'a'],
    });
    controller.onStarted(startedEvent('id2', 'b'));
    expect(state().compareSession?.waiting).toEqual([]);
    expect(state().compareSession?.generated).toEqual(['c', 'a', 'b']);
  });

  it('moves an alternative within the ranking, not past either end', async () => {
    const { controller, state } = controllerOver(oneTurn(), {
      compareSession: { parentId: 'u1', waiting: [], order: ['a', 'b', 'c'], generated: [] },
    });
    await controller.moveInCompare('c', -1);
    expect(state().compareSession?.order).toEqual(['a', 'c', 'b']);
    await controller.moveInCompare('a', -1);
    await controller.moveInCompare('b', 1);
    await controller.moveInCompare('zz', 1);
    expect(state().compareSession?.order).toEqual(['a', 'c', 'b']);
    await controller.moveInCompare('a', 1);
    expect(state().compareSession?.order).toEqual(['c', 'a', 'b']);
  });

  it('cancels a comparison without storing a ranking', () => {
    const { controller, state, saved } = controllerOver(oneTurn(), {
      compareSession: { parentId: 'u1', waiting: ['id9'], order: [], generated: [] },
    });
    controller.cancelCompare();
    expect(state().compareSession).toBeNull();
    controller.onStarted(startedEvent('id9', 'late'));
    expect(state().compareSession).toBeNull();
    expect(saved).toEqual([]);
  });

  it('does nothing to move without a session', async () => {
    const { controller, state } = controllerOver();
    await controller.moveInCompare('a', 1);
    expect(state().compareSession).toBeNull();
  });

  it('finishes: the ranking to store, the session gone, the best reply’s branch shown', async () => {
    const chat = chatOf(
      [
        msg('u1', 'user', 'Hi'),
        msg('b1', 'assistant', 'B', { kind: 'complete' }, 'u1'),
        msg('b2', 'assistant', 'C', { kind: 'complete' }, 'u1'),
        msg('u2', 'user', 'Go on', { kind: 'complete' }, 'b2'),
      ],
      'b1',
    );
    const { controller, state, leaves, saved } = controllerOver(chat, {
      compareSession: { parentId: 'u1', waiting: [], order: ['b2', 'b1'], generated: [] },
    });
    await controller.finishCompare(['b2', 'b1']);
    expect(saved).toEqual([
      {
        id: 'id1',
        conversationId: 'c1',
        parentId: 'u1',
        kind: 'ranking',
        ranking: ['b2', 'b1'],
        createdAt: expect.any(Number),
      },
    ]);
    expect(state().compareSession).toBeNull();
    expect(leaves).toEqual(['u2']);
  });

  it('does not finish without a session or a known best reply', async () => {
    const none = controllerOver();
    await none.controller.finishCompare(['a1']);
    expect(none.saved).toEqual([]);
    const session = { parentId: 'u1', waiting: [], order: [], generated: [] };
    const unknown = controllerOver(oneTurn(), { compareSession: session });
    await unknown.controller.finishCompare(['zz']);
    await unknown.controller.finishCompare([]);
    expect(unknown.saved).toEqual([]);
    expect(unknown.state().compareSession).toBe(session);
    expect(unknown.leaves).toEqual([]);
  });
});

describe('controller with the router: a compare round trip', () => {
  it('folds started replies and ties them to the session in one batch', () => {
    const { controller, state, host } = controllerOver();
    controller.startCompare('u1', 2);
    const result = foldBatch(state().chat, [startedEvent('id2', 'y'), startedEvent('id1', 'x')]);
    for (const event of result.started) controller.onStarted(event);
    host.set({ chat: result.chat });
    expect(state().chat.ownRequests).toEqual([]);
    expect(Object.keys(state().chat.messages)).toEqual(expect.arrayContaining(['x', 'y']));
    expect(state().compareSession?.generated).toEqual(['y', 'x']);
  });
});

describe('controller: editing from the composer', () => {
  it('puts the last user message on the path shown into the composer', () => {
    const chat = chatOf(
      [
        msg('u1', 'user', 'Hi'),
        msg('a1', 'assistant', 'Hello', { kind: 'complete' }, 'u1'),
        msg('u2', 'user', 'Tell me more', { kind: 'complete' }, 'a1'),
        msg('a2', 'assistant', 'More', { kind: 'complete' }, 'u2'),
        msg('u3', 'user', 'Other branch', { kind: 'complete' }, 'a1'),
      ],
      'a2',
    );
    const { controller, state } = controllerOver(chat);
    expect(controller.editLastMessage()).toBe(true);
    expect(state().editingId).toBe('u2');
    expect(state().draft).toBe('Tell me more');
    controller.cancelEditing();
    expect(state().editingId).toBeNull();
    expect(state().draft).toBe('');
  });

  it('has nothing to edit in an empty chat', () => {
    const { controller, state } = controllerOver(chatOf([], null), { draft: 'typed' });
    expect(controller.editLastMessage()).toBe(false);
    expect(state().editingId).toBeNull();
    expect(state().draft).toBe('typed');
  });
});
