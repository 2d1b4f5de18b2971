/**
 * One message as an `article` whose data attributes expose its role and state (DESIGN §6).
 * Model text goes through the safe Markdown renderer only.
 */
import { memo } from 'react';
import { Markdown } from '@/components/markdown/markdown';
import { isTerminal, type ChatMessage } from '@/lib/chat/types';
import { CopyButton } from './copy-button';
import { ReplyStatus } from './reply-status';
import { VariantPager } from './variant-pager';

export interface MessageItemProps {
  message: ChatMessage;
  pager: { index: number; total: number; prevId?: string; nextId?: string };
  onRegenerate: (userMessageId: string) => void;
  onSelectVariant: (messageId: string) => void;
  onOpenSettings: () => void;
}

export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  const { message } = props;
  return message.role === 'user' ? <UserMessage {...props} /> : <AssistantMessage {...props} />;
});

function Pager({ pager, onSelectVariant }: Pick<MessageItemProps, 'pager' | 'onSelectVariant'>) {
  const { prevId, nextId } = pager;
  return (
    <VariantPager
      index={pager.index}
      total={pager.total}
      onPrevious={prevId ? () => onSelectVariant(prevId) : undefined}
      onNext={nextId ? () => onSelectVariant(nextId) : undefined}
    />
  );
}

function UserMessage({ message, pager, onSelectVariant }: MessageItemProps) {
  return (
    <article className="message user" data-message-role="user" data-state={message.state.kind}>
      {message.attachments.map((a) => (
        <div key={a.id} className="sent-attachment">
          Page selection{a.language ? ` (${a.language})` : ''} from {a.source.title || a.source.url}
        </div>
      ))}
      <div className="user-text">{message.content}</div>
      <Pager pager={pager} onSelectVariant={onSelectVariant} />
    </article>
  );
}

function AssistantMessage({
  message,
  pager,
  onRegenerate,
  onSelectVariant,
  onOpenSettings,
}: MessageItemProps) {
  const live = !isTerminal(message.state);
  const retry = () => message.parentId && onRegenerate(message.parentId);
  return (
    <article
      className="message assistant"
      data-message-role="assistant"
      data-state={message.state.kind}
      aria-busy={live}
    >
      {message.content ? (
        <Markdown text={message.content} streaming={live} />
      ) : live ? (
        <p className="thinking muted">Thinking…</p>
      ) : null}
      <ReplyStatus state={message.state} onRetry={retry} onOpenSettings={onOpenSettings} />
      {live ? null : (
        <div className="message-actions">
          <Pager pager={pager} onSelectVariant={onSelectVariant} />
          {message.content ? <CopyButton text={message.content} /> : null}
          <button type="button" className="button ghost" onClick={retry}>
            Regenerate
          </button>
        </div>
      )}
    </article>
  );
}
