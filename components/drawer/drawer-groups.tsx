/**
 * The drawer's list, windowed: pinned first, then day groups, each a region named by its label
 * (its header shows while it is in view). Only the rows in view and an overscan are rendered.
 */
import { useMemo } from 'react';
import type { Conversation } from '@/lib/model/types';
import type { DayGroup } from '@/lib/drawer/group';
import { flattenGroups, type DrawerItem } from '@/lib/drawer/window';
import { ConversationRow } from './conversation-row';
import { useWindowedList } from './use-windowed-list';

export interface DrawerGroupsProps {
  groups: readonly DayGroup[];
  currentId: string | null;
  onOpen: (id: string) => void;
  onRename: (conversation: Conversation, title: string) => void;
  onPin: (conversation: Conversation) => void;
  onDelete: (conversation: Conversation) => void;
}

/** The scroll box: it shrinks to what the drawer has room for, and scrolls itself. */
export const LIST_STYLE = { overflowY: 'auto', flex: '1 1 auto', minHeight: 0 } as const;

export function DrawerGroups({
  groups,
  currentId,
  onOpen,
  onRename,
  onPin,
  onDelete,
}: DrawerGroupsProps) {
  const items = useMemo(() => flattenGroups(groups), [groups]);
  const kinds = useMemo(() => items.map((item) => item.kind), [items]);
  const { containerRef, range, onScroll, onKeyDown } = useWindowedList(kinds, 'row');

  // The rendered slice, split where the group changes: one section per group in view.
  const runs: { group: number; items: { item: DrawerItem; index: number }[] }[] = [];
  for (let index = range.start; index < range.end; index++) {
    const item = items[index]!;
    const last = runs[runs.length - 1];
    if (last && last.group === item.group) last.items.push({ item, index });
    else runs.push({ group: item.group, items: [{ item, index }] });
  }

  return (
    <div ref={containerRef} style={LIST_STYLE} onScroll={onScroll} onKeyDown={onKeyDown}>
      <div style={{ height: range.before }} aria-hidden="true" />
      {runs.map((run) => {
        const label = groups[run.group]?.label ?? '';
        const rows = run.items.filter(({ item }) => item.kind === 'row');
        return (
          <section key={run.group} aria-label={label}>
            {run.items[0]?.item.kind === 'header' ? (
              <h2
                className="drawer-day"
                data-window-index={run.items[0].index}
                data-window-kind="header"
              >
                {label}
              </h2>
            ) : null}
            {rows.length ? (
              <ul className="drawer-list">
                {rows.map(({ item, index }) =>
                  item.kind === 'row' ? (
                    <ConversationRow
                      key={item.conversation.id}
                      index={index}
                      position={item.position}
                      setSize={item.groupSize}
                      conversation={item.conversation}
                      current={item.conversation.id === currentId}
                      onOpen={() => onOpen(item.conversation.id)}
                      onRename={(title) => onRename(item.conversation, title)}
                      onPin={() => onPin(item.conversation)}
                      onDelete={() => onDelete(item.conversation)}
                    />
                  ) : null,
                )}
              </ul>
            ) : null}
          </section>
        );
      })}
      <div style={{ height: range.after }} aria-hidden="true" />
    </div>
  );
}
