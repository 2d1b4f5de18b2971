/**
 * Folds the background's reply events into what the panel shows. Pure, so the ordering rules
 * (duplicates, gaps, late events after a terminal state) are proven by unit tests.
 */
import type { DeltaEvent, LiveGeneration, StateEvent } from '../protocol';
import { isTerminal, type MessageState } from '../model/types';

/** What the panel shows of one reply: its text, its state and the last event folded in. */
export interface ReplyView {
  content: string;
  state: MessageState;
  /** The last event folded in; events at or below it are duplicates. */
  seq: number;
}

/** A reply after one event, and whether the panel must ask for a snapshot. */
export interface FoldResult {
  reply: ReplyView;
  /** True when text is missing (a gap): the panel must ask for a snapshot. */
  needsSync: boolean;
}

/** A reply that has not started: no text, pending, nothing folded yet. */
export function emptyReply(): ReplyView {
  return { content: '', state: { kind: 'pending' }, seq: 0 };
}

/** Appends a delta's unseen text; a duplicate or a late delta after the end changes nothing. */
export function foldDelta(reply: ReplyView, event: DeltaEvent): FoldResult {
  // A terminal reply is final: the background sent its whole text with the state.
  if (isTerminal(reply.state) || event.seq <= reply.seq) return { reply, needsSync: false };
  const end = event.offset + event.text.length;
  if (event.offset > reply.content.length) return { reply, needsSync: true };
  if (end <= reply.content.length) return { reply: { ...reply, seq: event.seq }, needsSync: false };
  // Overlap (a resent delta after a sync) contributes only its unseen tail.
  const content = reply.content + event.text.slice(reply.content.length - event.offset);
  const state: MessageState = reply.state.kind === 'pending' ? { kind: 'streaming' } : reply.state;
  return { reply: { content, state, seq: event.seq }, needsSync: false };
}

/** Applies a state change; a terminal state brings the whole text and closes any gap. */
export function foldState(reply: ReplyView, event: StateEvent): FoldResult {
  if (isTerminal(reply.state)) return { reply, needsSync: false };
  if (isTerminal(event.state)) {
    // The terminal event carries the authoritative text, so it also closes any gap.
    const content = event.content ?? reply.content;
    return {
      reply: { content, state: event.state, seq: Math.max(reply.seq, event.seq) },
      needsSync: false,
    };
  }
  if (event.seq <= reply.seq) return { reply, needsSync: false };
  return { reply: { ...reply, state: event.state, seq: event.seq }, needsSync: false };
}

/** A snapshot replaces what the panel had only when it is at least as far along. */
export function foldSnapshot(reply: ReplyView | undefined, live: LiveGeneration): ReplyView {
  if (reply && (isTerminal(reply.state) || reply.seq > live.seq)) return reply;
  return { content: live.content, state: live.state, seq: live.seq };
}
