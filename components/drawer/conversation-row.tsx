/** One conversation in the list: open it, rename it inline, pin it, delete it. */
import { useState } from 'react';
import type { Conversation } from '@/lib/model/types';

export interface ConversationRowProps {
  conversation: Conversation;
  /** The row's index in the windowed list, and its place in its day group (for screen readers). */
  index: number;
  position: number;
  setSize: number;
  current: boolean;
  onOpen: () => void;
  onRename: (title: string) => void;
  onPin: () => void;
  onDelete: () => void;
}

export function ConversationRow({
  conversation,
  index,
  position,
  setSize,
  current,
  onOpen,
  onRename,
  onPin,
  onDelete,
}: ConversationRowProps) {
  const [editing, setEditing] = useState(false);
  // Stored records may be malformed (an old import, a hand edit): show what can be shown.
  const name = typeof conversation.title === 'string' ? conversation.title : 'Untitled';
  const [title, setTitle] = useState(name);
  const time = Number.isFinite(conversation.updatedAt)
    ? new Date(conversation.updatedAt).toLocaleTimeString('en', {
        hour: '2-digit',
        minute: '2-digit',
      })
    : '';
  return (
    <li
      className={`drawer-row${current ? ' current' : ''}`}
      data-window-index={index}
      data-window-kind="row"
      aria-posinset={position}
      aria-setsize={setSize}
    >
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
          data-window-focus
          onClick={onOpen}
        >
          <span className="drawer-title">{name}</span>
          <span className="muted drawer-time">{time}</span>
        </button>
      )}
      <span className="drawer-actions">
        <button
          type="button"
          className="button ghost small"
          aria-label={`Rename “${name}”`}
          onClick={() => setEditing(!editing)}
        >
          Rename
        </button>
        <button
          type="button"
          className="button ghost small"
          aria-pressed={Boolean(conversation.pinned)}
          aria-label={`${conversation.pinned ? 'Unpin' : 'Pin'} “${name}”`}
          onClick={onPin}
        >
          {conversation.pinned ? 'Unpin' : 'Pin'}
        </button>
        <button
          type="button"
          className="button ghost small"
          aria-label={`Delete “${name}”`}
          onClick={onDelete}
        >
          Delete
        </button>
      </span>
    </li>
  );
}
