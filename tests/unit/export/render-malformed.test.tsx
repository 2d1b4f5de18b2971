// @vitest-environment happy-dom
/**
 * Messages already in storage with malformed fields (an old import, a hand edit) render with
 * safe fallbacks instead of throwing: each of these blanked the panel on every open (issue 12).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { MessageItem, type MessageActions } from '@/components/chat/message-item';
import { ModerationNotice } from '@/components/chat/moderation-notice';
import { ReplyStatus } from '@/components/chat/reply-status';
import type { ChatMessage, MessageState, ModerationRecord } from '@/lib/model/types';

afterEach(() => cleanup());

const noop = () => undefined;
const actions = new Proxy({}, { get: () => noop }) as MessageActions;

function message(fields: Record<string, unknown>): ChatMessage {
  return {
    id: 'a',
    conversationId: 'c',
    parentId: 'u',
    role: 'assistant',
    content: 'The reply text',
    attachments: [],
    state: { kind: 'complete' },
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  } as unknown as ChatMessage;
}

function renderItem(m: ChatMessage) {
  return render(
    <MessageItem
      message={m}
      pager={{ index: 1, total: 1 }}
      askCompare={false}
      busy={false}
      reported={[]}
      actions={actions}
    />,
  );
}

describe('malformed stored messages render', () => {
  it.each([
    [
      'blocked without categories',
      { state: { kind: 'blocked' } },
      /flagged by the content policy \(unspecified\)/,
    ],
    [
      'error code __proto__',
      { state: { kind: 'error', code: '__proto__' } },
      /Something went wrong/,
    ],
    [
      'error detail as an object',
      { state: { kind: 'error', code: 'auth', detail: { x: 1 } } },
      /API key was rejected/,
    ],
    ['interrupted without a reason', { state: { kind: 'interrupted' } }, /Something went wrong/],
    [
      'flagged without categories',
      { moderation: { flagged: true } },
      /flagged by the content policy: unspecified/,
    ],
    [
      'categories of objects',
      { moderation: { flagged: true, categories: [{}], checked: true } },
      /: unspecified/,
    ],
    ['droppedTurns as an object', { droppedTurns: { a: 1 } }, /The reply text/],
    [
      'content as an object',
      { content: { text: 'x' }, state: { kind: 'error', code: 'auth' } },
      /API key/,
    ],
    ['no attachments list', { role: 'user', attachments: null, content: 'Asked' }, /Asked/],
    [
      'an attachment without a source',
      { role: 'user', attachments: [{ id: 'x' }], content: 'Asked' },
      /Asked/,
    ],
  ])('%s', (_, fields, text) => {
    const { container } = renderItem(message(fields));
    expect(container.querySelector('article')).not.toBeNull();
    expect(container.textContent).toMatch(text);
    expect(container.textContent).not.toMatch(/\[object Object\]|earlier message|undefined/);
  });

  it('the state attribute shows the fallback state', () => {
    const { container } = renderItem(message({ state: { kind: 'exploded' } }));
    expect(container.querySelector('article')?.dataset.state).toBe('error');
  });

  it('ReplyStatus and ModerationNotice guard their own props too', () => {
    const { container } = render(
      <>
        <ReplyStatus
          state={{ kind: 'error', code: 'toString' } as unknown as MessageState}
          onRetry={noop}
          onOpenSettings={noop}
        />
        <ModerationNotice
          record={{ flagged: true, categories: 'hate' } as unknown as ModerationRecord}
          lead="Flagged"
          reported={false}
          onReport={noop}
        />
      </>,
    );
    expect(container.textContent).toContain('Something went wrong');
    expect(container.textContent).toContain('Flagged: unspecified.');
  });
});
