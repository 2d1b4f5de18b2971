/** The conversation list: pinned first, then newest first, grouped by day. */
import type { Conversation } from '../model/types';

/** Conversations under one day heading of the drawer (Today, Yesterday, a date). */
export interface DayGroup {
  label: string;
  conversations: Conversation[];
}

function dayStart(time: number): number {
  const d = new Date(time);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Pinned first, then newest first in groups labelled Today, Yesterday or the date. */
export function groupByDay(
  conversations: readonly Conversation[],
  now: number,
  locale = 'en',
): DayGroup[] {
  const visible = conversations.filter((c) => !c.hidden);
  const pinned = visible.filter((c) => c.pinned).sort((a, b) => b.updatedAt - a.updatedAt);
  const rest = visible.filter((c) => !c.pinned).sort((a, b) => b.updatedAt - a.updatedAt);
  const today = dayStart(now);
  const yesterday = today - 86_400_000;
  const groups: DayGroup[] = pinned.length ? [{ label: 'Pinned', conversations: pinned }] : [];
  // One label per day, not per conversation: date formatting is the cost with 20,000 rows.
  const labels = new Map<number, string>();
  const labelOf = (start: number, time: number) => {
    let label = labels.get(start);
    if (label === undefined) {
      label =
        start === today
          ? 'Today'
          : start === yesterday
            ? 'Yesterday'
            : Number.isFinite(start)
              ? new Date(time).toLocaleDateString(locale, {
                  year: 'numeric',
                  month: 'short',
                  day: 'numeric',
                })
              : 'Undated';
      labels.set(start, label);
    }
    return label;
  };
  for (const c of rest) {
    const label = labelOf(dayStart(c.updatedAt), c.updatedAt);
    const last = groups[groups.length - 1];
    if (last && last.label === label) last.conversations.push(c);
    else groups.push({ label, conversations: [c] });
  }
  return groups;
}
