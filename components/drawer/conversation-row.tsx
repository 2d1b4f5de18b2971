/**
 * One conversation in the list: the row opens it (one Tab stop), and its menu renames it inline,
 * pins it or deletes it. Escape in the title field cancels the rename, not the drawer.
 */
import { useCallback, useState } from 'react';
import { t } from '@/components/common/i18n';
import { MenuButton } from '@/components/common/menu';
import { useEscape } from '@/components/common/use-escape';
import type { Conversation } from '@/lib/model/types';
import { MoreIcon, TrashIcon } from '@/components/common/icons';
import { PencilIcon, PinIcon } from './drawer-icons';

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
  const name = typeof conversation.title === 'string' ? conversation.title : t('drawer.untitled');
  const [title, setTitle] = useState(name);
  const stopEditing = useCallback(() => setEditing(false), []);
  useEscape(stopEditing, editing);
  const time = Number.isFinite(conversation.updatedAt)
    ? new Date(conversation.updatedAt).toLocaleTimeString(t('extension.language') || 'en', {
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
          className="drawer-rename"
          onSubmit={(e) => {
            e.preventDefault();
            onRename(title);
            setEditing(false);
          }}
        >
          <input
            aria-label={t('drawer.titleLabel')}
            value={title}
            // Chosen from the row's menu: typing starts in the field.
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit" className="button small">
            {t('drawer.saveTitle')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="drawer-open"
          aria-current={current ? 'page' : undefined}
          data-window-focus
          title={name}
          onClick={onOpen}
        >
          <span className="drawer-title">{name}</span>
          <span className="muted drawer-time">{time}</span>
        </button>
      )}
      <MenuButton
        className="drawer-row-menu tip-end"
        label={t('drawer.rowActions', [name])}
        icon={<MoreIcon />}
        items={[
          { label: t('drawer.rename'), icon: <PencilIcon />, onSelect: () => setEditing(true) },
          {
            label: conversation.pinned ? t('drawer.unpin') : t('drawer.pin'),
            icon: <PinIcon />,
            onSelect: onPin,
          },
          { label: t('drawer.delete'), icon: <TrashIcon />, danger: true, onSelect: onDelete },
        ]}
      />
    </li>
  );
}
