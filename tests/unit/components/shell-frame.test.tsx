// @vitest-environment happy-dom
/**
 * The frame's logic (issue 16): a suggestion fills the composer without sending, the meter holds
 * its messages from Send until the reply ends, the delete dialog's plural, the model line.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from '@/components/chat/composer';
import { DeleteBar, feedbackSentence } from '@/components/chat/delete-bar';
import { settledMessages } from '@/components/panel/context-meter';
import { modelLabel } from '@/components/panel/model-label';
import { EmptyChat, suggestions } from '@/components/panel/suggestions';
import type { PublicSettings } from '@/lib/protocol/rpc';
import { IDLE, type ChatStatus } from '@/lib/panel/status';

afterEach(cleanup);

/** The chat view's wiring of the two: a pick sets the draft and focuses the box. */
function EmptyChatWithComposer({ onSend }: { onSend: (text: string) => void }) {
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  return (
    <>
      <EmptyChat
        onPick={(prompt) => {
          setDraft(prompt);
          input.current?.focus();
        }}
      />
      <Composer
        text={draft}
        onTextChange={setDraft}
        hasAttachments={false}
        busy={false}
        canSend
        onSend={onSend}
        onStop={() => undefined}
        inputRef={input}
      />
    </>
  );
}

describe('suggestions', () => {
  it('are four, from the research preview, and a click fills the composer without sending', () => {
    const onSend = vi.fn();
    render(<EmptyChatWithComposer onSend={onSend} />);
    const group = screen.getByRole('group', { name: 'Suggestions' });
    const buttons = group.querySelectorAll('button');
    expect(buttons).toHaveLength(4);
    const prompts = suggestions().map((s) => s.prompt);
    expect(prompts[1]).toBe('Tell me about when Christopher Columbus came to the US in 2015');
    expect(prompts[2]).toBe("Explain Fermat's little theorem");
    expect(prompts[3]).toBe('Help me write a short note to introduce myself to my neighbor');
    expect(prompts[0]).toMatch(/^This code is not working like I expect[\s\S]*```go\n/);

    fireEvent.click(screen.getByRole('button', { name: /Explain a theorem/ }));
    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(box.value).toBe("Explain Fermat's little theorem");
    expect(document.activeElement).toBe(box);
    expect(onSend).not.toHaveBeenCalled();
  });
});

describe('the meter while a turn runs', () => {
  const messages = (n: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`m${i}`, {} as never]));
  const streaming: ChatStatus = { kind: 'streaming', liveIds: ['m3'] };

  it('keeps the messages from before Send until the reply ends, then follows again', () => {
    const select = settledMessages();
    const before = messages(2);
    expect(select({ status: IDLE, chat: { messages: before } as never })).toBe(before);
    // Submitting: the draft is gone and the turn is not in the messages yet.
    expect(
      select({ status: { kind: 'submitting' }, chat: { messages: messages(2) } as never }),
    ).toBe(before);
    // Each token makes new messages: the selection stays the same object (no re-render).
    expect(select({ status: streaming, chat: { messages: messages(4) } as never })).toBe(before);
    expect(select({ status: streaming, chat: { messages: messages(4) } as never })).toBe(before);
    const after = messages(4);
    expect(select({ status: IDLE, chat: { messages: after } as never })).toBe(after);
  });
});

describe('the delete dialog', () => {
  it('says 1 rating in the singular and 3 in the plural', () => {
    expect(feedbackSentence(1)).toBe('It has 1 rating or comparison.');
    expect(feedbackSentence(3)).toBe('It has 3 ratings or comparisons.');
    expect(feedbackSentence(0)).toBe('');
  });

  it('is a named alertdialog; Escape cancels; the choices keep their names', () => {
    const onCancel = vi.fn();
    const onDelete = vi.fn();
    render(<DeleteBar feedbackCount={2} onDelete={onDelete} onCancel={onCancel} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this conversation?' });
    expect(dialog.textContent).toContain('It has 2 ratings or comparisons.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete, keep ratings' }));
    expect(onDelete).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete with ratings' }));
    expect(onDelete).toHaveBeenCalledWith(false);
    // Modal: Tab from the last button comes back to the first.
    const keep = screen.getByRole('button', { name: 'Delete, keep ratings' });
    keep.focus();
    fireEvent.keyDown(keep, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe('the header model line', () => {
  const base: PublicSettings = {
    provider: 'openai-compatible',
    baseUrl: 'http://127.0.0.1:8080/v1',
    model: 'org/an-exceptionally-long-model-name-Q4_K_M.gguf',
    systemPrompt: '',
    firstTokenTimeoutMs: 1000,
    moderation: {} as never,
    hasApiKey: false,
    hasModerationKey: false,
    keyOrigins: [],
    moderationKeyOrigins: [],
    moderationUnsupported: false,
  };

  it('shows nothing before settings, or while setup still needs a key', () => {
    expect(modelLabel(null, undefined, 'Built-in model')).toBeNull();
    const firstRun = { ...base, baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
    expect(modelLabel(firstRun, undefined, 'Built-in model')).toBeNull();
  });

  it('keeps the end of a long name for a middle ellipsis, never the host', () => {
    const label = modelLabel(base, undefined, 'Built-in model')!;
    expect(label.full).toBe(base.model);
    expect(label.head + label.tail).toBe(base.model);
    expect(label.tail).toBe('Q4_K_M.gguf'.slice(-10));
    expect(label.full).not.toContain('127');
    expect(modelLabel(base, 'per-chat-model', 'x')?.full).toBe('per-chat-model');
    expect(modelLabel({ ...base, provider: 'builtin' }, undefined, 'Built-in model')?.full).toBe(
      'Built-in model',
    );
  });
});
