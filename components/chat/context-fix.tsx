/**
 * A reply the server refused for context length (issue 14): says so with the sizes the server
 * gave, and offers the ways to make the request fit — a retry without the question's attachment,
 * or without the older turns. (A plain Retry also fits now: the worker learned the size.)
 */
import { useContext } from 'react';
import type { ChatMessage } from '@/lib/model/types';
import { parseContextRefusal } from '@/lib/llm/context-size';
import { pathToLeaf } from '@/lib/model/tree';
import { StoreContext, useChat } from '@/components/panel/store-context';

type Fix = 'drop_attachments' | 'drop_older_turns';
const numbers = new Intl.NumberFormat('en');

function Fixes({ reply, onFix }: { reply: ChatMessage; onFix: (fix: Fix) => void }) {
  const shape = useChat((s) => {
    const path = pathToLeaf(Object.values(s.chat.messages), reply.id);
    const question = path.at(-2);
    return `${question?.attachments.length ? 'a' : ''}${path.length > 2 ? 'o' : ''}`;
  });
  return (
    <div className="row">
      {shape.includes('a') ? (
        <button type="button" className="button" onClick={() => onFix('drop_attachments')}>
          Remove attachment
        </button>
      ) : null}
      {shape.includes('o') ? (
        <button type="button" className="button" onClick={() => onFix('drop_older_turns')}>
          Leave out older turns
        </button>
      ) : null}
    </div>
  );
}

export default function ContextFix({
  reply,
  onFix,
}: {
  reply: ChatMessage;
  onFix: (fix: Fix) => void;
}) {
  const store = useContext(StoreContext);
  const state = reply.state;
  if (state.kind !== 'error') return null;
  const refusal =
    state.code === 'context_length'
      ? {}
      : state.code === 'bad_request'
        ? parseContextRefusal(state.detail)
        : null;
  if (!refusal) return null;
  const size = refusal.contextTokens
    ? ` (${numbers.format(refusal.contextTokens)} tokens${refusal.requestTokens ? `; this request was ${numbers.format(refusal.requestTokens)}` : ''})`
    : '';
  return (
    <div className="context-fix" role="group" aria-label="Make the request fit">
      <p>
        The request is longer than the server&apos;s context{size}. Retry without the attachment or
        the older turns, or start a new chat.
      </p>
      {store ? <Fixes reply={reply} onFix={onFix} /> : null}
    </div>
  );
}
