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
import { t } from '@/components/common/i18n';

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
          {t('chat.context.removeAttachment')}
        </button>
      ) : null}
      {shape.includes('o') ? (
        <button type="button" className="button" onClick={() => onFix('drop_older_turns')}>
          {t('chat.context.dropOlder')}
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
  const context = refusal.contextTokens ? numbers.format(refusal.contextTokens) : undefined;
  const request = refusal.requestTokens ? numbers.format(refusal.requestTokens) : undefined;
  const sentence = !context
    ? t('chat.context.tooLong')
    : request
      ? t('chat.context.tooLongBoth', [context, request])
      : t('chat.context.tooLongSized', [context]);
  return (
    <div className="context-fix" role="group" aria-label={t('chat.context.group')}>
      <p>{sentence}</p>
      {store ? <Fixes reply={reply} onFix={onFix} /> : null}
    </div>
  );
}
