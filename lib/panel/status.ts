/**
 * The chat's status as one union (after the Vercel AI SDK UI's `submitted | streaming | ready |
 * error`): computed from the folded chat, kept in the store, read by the UI instead of scanning.
 */
import { isTerminal } from '../model/types';
import type { PanelChat } from './panel-state';

/**
 * `submitting`: requests sent, no reply started yet. `streaming`: replies being written (the
 * first one is the one Esc stops). `error`: nothing running and a notice to show.
 */
export type ChatStatus =
  | { kind: 'idle' }
  | { kind: 'submitting' }
  | { kind: 'streaming'; liveIds: [string, ...string[]] }
  | { kind: 'error'; notice: string };

/** The status at rest. */
export const IDLE: ChatStatus = { kind: 'idle' };

/** The status of a chat: a live reply wins over waiting requests, which win over a notice. */
export function chatStatus(chat: PanelChat): ChatStatus {
  const live = Object.values(chat.messages)
    .filter((m) => m.role === 'assistant' && !isTerminal(m.state))
    .map((m) => m.id);
  const [first, ...rest] = live;
  if (first !== undefined) return { kind: 'streaming', liveIds: [first, ...rest] };
  if (chat.ownRequests.length) return { kind: 'submitting' };
  if (chat.notice) return { kind: 'error', notice: chat.notice };
  return IDLE;
}

/** Whether a reply is being asked for or written: the composer shows Stop, not Send. */
export function isBusy(status: ChatStatus): boolean {
  return status.kind === 'submitting' || status.kind === 'streaming';
}

/** The reply Esc stops, if one is being written. */
export function liveReplyId(status: ChatStatus): string | undefined {
  return status.kind === 'streaming' ? status.liveIds[0] : undefined;
}

/** The next status to store: `previous` itself when nothing about it changed (selectors stay quiet). */
export function nextStatus(previous: ChatStatus, chat: PanelChat): ChatStatus {
  const next = chatStatus(chat);
  return JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}
