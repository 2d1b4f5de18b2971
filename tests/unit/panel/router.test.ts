import { describe, expect, it } from 'vitest';
import type { BackgroundToPanel } from '@/lib/protocol';
import { foldBatch, receiveAttachments, routeEvent } from '@/lib/panel/router';
import { EMPTY_CHAT } from '@/lib/panel/panel-state';
import { chatOf, msg, oneTurn, selection, startedEvent } from './fixtures';

/** Which handler got the event: 'attachments', 'notice' or 'fold'. */
function destination(event: BackgroundToPanel): string[] {
  const got: string[] = [];
  routeEvent(event, {
    attachments: () => void got.push('attachments'),
    notice: (message) => void got.push(`notice:${message}`),
    fold: () => void got.push('fold'),
  });
  return got;
}

const everyFolded: BackgroundToPanel[] = [
  startedEvent('r1', 'a2'),
  { type: 'delta', messageId: 'a1', seq: 1, offset: 0, text: 'x' },
  { type: 'state', messageId: 'a1', seq: 1, state: { kind: 'streaming' } },
  { type: 'snapshot', generations: [] },
  { type: 'request_failed', requestId: 'r1', message: 'failed' },
  { type: 'storage_warning', message: 'full' },
  { type: 'moderation', messageId: 'a1', moderation: { flagged: false } as never },
  { type: 'title', conversationId: 'c1', title: 'T' },
  { type: 'context_trimmed', messageId: 'a1', dropped: 2 },
];

describe('routeEvent', () => {
  it('sends selected text to the composer at once', () => {
    expect(destination({ type: 'attachments', attachments: [selection] })).toEqual(['attachments']);
  });

  it('says a failed capture at once, with its message', () => {
    expect(destination({ type: 'capture_failed', message: 'Nothing selected.' })).toEqual([
      'notice:Nothing selected.',
    ]);
  });

  it.each(everyFolded.map((e) => [e.type, e] as const))(
    'sends %s through the fold queue, and only there',
    (_type, event) => {
      expect(destination(event)).toEqual(['fold']);
    },
  );
});

describe('receiveAttachments', () => {
  it('adds to the attachments, fills an empty draft and clears the notice', () => {
    const next = receiveAttachments(
      { attachments: [], draft: '  ', chat: { ...EMPTY_CHAT, notice: 'Nothing selected.' } },
      { type: 'attachments', attachments: [selection], suggestedText: 'Explain this' },
    );
    expect(next.attachments).toEqual([selection]);
    expect(next.draft).toBe('Explain this');
    expect(next.chat.notice).toBeNull();
  });

  it('keeps a draft being typed and the attachments already there', () => {
    const other = { ...selection, id: 'att0' };
    const next = receiveAttachments(
      { attachments: [other], draft: 'my question', chat: EMPTY_CHAT },
      { type: 'attachments', attachments: [selection], suggestedText: 'Explain this' },
    );
    expect(next.attachments.map((a) => a.id)).toEqual(['att0', 'att1']);
    expect(next.draft).toBe('my question');
  });

  it('keeps an empty draft without a suggestion', () => {
    const next = receiveAttachments(
      { attachments: [], draft: '', chat: EMPTY_CHAT },
      { type: 'attachments', attachments: [selection] },
    );
    expect(next.draft).toBe('');
  });
});

describe('foldBatch', () => {
  it('folds a batch in order and reports the started replies for the bookkeeping', () => {
    const chat = { ...oneTurn(), ownRequests: ['r1'] };
    const result = foldBatch(chat, [
      startedEvent('r1', 'a2'),
      { type: 'delta', messageId: 'a2', seq: 1, offset: 0, text: 'Hi ' },
      { type: 'delta', messageId: 'a2', seq: 2, offset: 3, text: 'there' },
    ]);
    expect(result.started.map((e) => e.requestId)).toEqual(['r1']);
    expect(result.chat.messages.a2?.content).toBe('Hi there');
    expect(result.chat.leafId).toBe('a2');
    expect(result.chat.ownRequests).toEqual([]);
    expect(result.listChanged).toBe(true);
    expect(result.needsSync).toBe(false);
  });

  it('says the list changed when a reply ends with its stored text, not on plain deltas', () => {
    const live = chatOf([msg('a1', 'assistant', '', { kind: 'streaming' })], 'a1');
    const deltas = foldBatch(live, [
      { type: 'delta', messageId: 'a1', seq: 1, offset: 0, text: 'x' },
    ]);
    expect(deltas.listChanged).toBe(false);
    const ended = foldBatch(live, [
      { type: 'state', messageId: 'a1', seq: 1, state: { kind: 'complete' }, content: 'x' },
    ]);
    expect(ended.listChanged).toBe(true);
    expect(ended.chat.messages.a1?.state.kind).toBe('complete');
    const bare = foldBatch(live, [
      { type: 'state', messageId: 'a1', seq: 1, state: { kind: 'streaming' } },
    ]);
    expect(bare.listChanged).toBe(false);
  });

  it('asks for a sync when a delta is missing', () => {
    const live = chatOf([msg('a1', 'assistant', 'ab', { kind: 'streaming' })], 'a1');
    const result = foldBatch({ ...live, seqs: { a1: 2 } }, [
      { type: 'delta', messageId: 'a1', seq: 5, offset: 9, text: 'zz' },
    ]);
    expect(result.needsSync).toBe(true);
    expect(result.chat.messages.a1?.content).toBe('ab');
  });

  it('returns the same chat for an empty batch or events about unknown messages', () => {
    const chat = oneTurn();
    expect(foldBatch(chat, []).chat).toBe(chat);
    const result = foldBatch(chat, [
      { type: 'delta', messageId: 'nope', seq: 1, offset: 0, text: 'x' },
    ]);
    expect(result.chat).toBe(chat);
    expect(result).toMatchObject({ needsSync: false, listChanged: false, started: [] });
  });

  it('reports a foreign started reply without folding it into another conversation', () => {
    const chat = oneTurn();
    const result = foldBatch(chat, [startedEvent('theirs', 'x1', 'u9', 'c2')]);
    expect(result.started).toHaveLength(1);
    expect(result.chat).toBe(chat);
  });
});
