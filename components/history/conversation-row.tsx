/** One conversation in the list: open it, rename it inline, pin it, delete it. */
import { useState } from 'react';
import type { Conversation } from '@/lib/chat/types';

export interface ConversationRowProps {
  conversation: Conversation;
  current: boolean;
  onOpen: () => void;
  onRename: (title: string) => void;
  onPin: () => void;
  onDelete: () => void;
}

export function ConversationRow({
  conversation,
  current,
  onOpen,
  onRename,
  onPin,
  onDelete,
}: ConversationRowProps) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(conversation.title);
  const time = new Date(conversation.updatedAt).toLocaleTimeString('en', {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <li className={`drawer-row${current ? ' current' : ''}`}>
      {editing ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            onRename(title);
            setEditing(false);
          }}
        >
          <input
            aria-label="Conversation title"
            value={title}
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
          <button type="submit" className="button small">
            Save title
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="drawer-open"
          aria-current={current ? 'page' : undefined}
          onClick={onOpen}
        >
          <span className="drawer-title">{conversation.title}</span>
          <span className="muted drawer-time">{time}</span>
        </button>
      )}
      <span className="drawer-actions">
        <button
          type="button"
          className="button ghost small"
          aria-label={`Rename “${conversation.title}”`}
          onClick={() => setEditing(!editing)}
        >
          Rename
        </button>
        <button
          type="button"
          className="button ghost small"
          aria-pressed={Boolean(conversation.pinned)}
          aria-label={`${conversation.pinned ? 'Unpin' : 'Pin'} “${conversation.title}”`}
          onClick={onPin}
        >
          {conversation.pinned ? 'Unpin' : 'Pin'}
        </button>
        <button
          type="button"
          className="button ghost small"
          aria-label={`Delete “${conversation.title}”`}
          onClick={onDelete}
        >
          Delete
        </button>
      </span>
    </li>
  );
}
