/**
 * Navigation "Conversations": the list (pinned, then by day), search as you type with the matching
 * snippet, rename inline, pin, delete with Undo, and export/import. Both lists are windowed
 * (drawer-groups.tsx, drawer-hits.tsx): 20,000 conversations render as a few dozen rows. It opens
 * as an overlay over the chat (components/panel/drawer-host.tsx) with the focus in the search box.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { t } from '@/components/common/i18n';
import type { ChatMessage, Conversation } from '@/lib/model/types';
import { groupByDay } from '@/lib/drawer/group';
import { searchConversations } from '@/lib/drawer/search';
import { ConversationFiles, type ConversationFilesData } from './conversation-files';
import { DrawerGroups } from './drawer-groups';
import { DrawerHits } from './drawer-hits';
import './drawer.css';

export interface DrawerData {
  list(): Promise<Conversation[]>;
  messages(): Promise<ChatMessage[]>;
  rename(id: string, title: string): Promise<void>;
  pin(id: string, pinned: boolean): Promise<void>;
}

export interface ConversationDrawerProps {
  data: DrawerData;
  currentId: string | null;
  /** Bumped by the caller when the list may have changed (a turn was saved, an import landed). */
  version: number;
  onOpen: (id: string) => void;
  onDelete: (conversation: Conversation) => void;
  /** Ids hidden while their deletion can still be undone. */
  pendingDeletes: readonly string[];
  onImported: () => void;
  /** Export all and import; without it the drawer shows no file buttons (tests of the list). */
  files?: ConversationFilesData;
}

export function ConversationDrawer({
  data,
  files,
  currentId,
  version,
  onOpen,
  onDelete,
  pendingDeletes,
  onImported,
}: ConversationDrawerProps) {
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [messages, setMessages] = useState<ChatMessage[] | null>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const nav = useRef<HTMLElement>(null);

  useEffect(() => {
    data
      .list()
      .then(setConversations)
      .catch(() => setError(t('drawer.listError')));
  }, [data, version, reload]);

  // Message text is read once when a search starts (not per keystroke), and again after changes.
  const searching = query.trim() !== '';
  useEffect(() => {
    if (!searching) return;
    data
      .messages()
      .then(setMessages)
      .catch(() => setError(t('drawer.searchError')));
  }, [data, searching, version, reload]);

  const visible = useMemo(
    () => conversations.filter((c) => !pendingDeletes.includes(c.id)),
    [conversations, pendingDeletes],
  );
  const hits = useMemo(
    () => (query.trim() && messages ? searchConversations(visible, messages, query) : null),
    [visible, messages, query],
  );
  // Day labels are relative to when the drawer opened (Today, Yesterday).
  const [openedAt] = useState(() => Date.now());
  const groups = useMemo(
    () =>
      groupByDay(visible, openedAt, t('extension.language') || 'en').map((g) => ({
        ...g,
        label: dayLabel(g.label),
      })),
    [visible, openedAt],
  );
  const refresh = () => setReload((n) => n + 1);

  return (
    <nav className="drawer" aria-label={t('drawer.nav')} ref={nav}>
      <input
        type="search"
        className="drawer-search"
        aria-label={t('drawer.search')}
        placeholder={t('drawer.search')}
        // The drawer opens to find a chat: typing starts in the search box.
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Down from the search box goes into the list (then the arrows move between rows).
          if (e.key !== 'ArrowDown') return;
          const first = nav.current?.querySelector<HTMLElement>('[data-window-focus]');
          if (!first) return;
          e.preventDefault();
          first.focus();
        }}
      />
      {error ? <p role="alert">{error}</p> : null}
      {hits ? (
        <DrawerHits hits={hits} query={query} onOpen={onOpen} />
      ) : (
        <DrawerGroups
          groups={groups}
          currentId={currentId}
          onOpen={onOpen}
          onRename={(c, title) => void data.rename(c.id, title).then(refresh)}
          onPin={(c) => void data.pin(c.id, !c.pinned).then(refresh)}
          onDelete={onDelete}
        />
      )}
      {!hits && visible.length === 0 && !error ? <p className="muted">{t('drawer.none')}</p> : null}
      {files ? (
        <ConversationFiles
          data={files}
          onImported={() => {
            refresh();
            onImported();
          }}
        />
      ) : null}
    </nav>
  );
}

// The day groups' fixed names come from lib/drawer/group in English; dates are already localised.
const DAY_KEYS = {
  Pinned: 'drawer.groups.pinned',
  Today: 'drawer.groups.today',
  Yesterday: 'drawer.groups.yesterday',
  Undated: 'drawer.groups.undated',
} as const;

function dayLabel(label: string): string {
  const key = DAY_KEYS[label as keyof typeof DAY_KEYS];
  return key ? t(key) : label;
}
