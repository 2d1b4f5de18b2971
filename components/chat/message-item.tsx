/**
 * One message as an `article` whose data attributes expose its role and state (DESIGN §6), named
 * "You said" or "Parley said" for screen readers. Model text goes through the safe Markdown
 * renderer only.
 */
import { memo } from 'react';
import type { ChatMessage } from '@/lib/model/types';
import type { Rating, RatingReason } from '@/lib/model/feedback';
import type { PagerInfo } from '@/lib/model/tree';
import { renderableMessage } from '@/lib/export/record-guard';
import { AssistantMessage } from './assistant-message';
import { UserMessage } from './user-message';

/** Stable callbacks shared by every message (created once per list). */
export interface MessageActions {
  regenerate(userMessageId: string, fix?: 'drop_attachments' | 'drop_older_turns'): void;
  selectVariant(messageId: string): void;
  openSettings(): void;
  rate(messageId: string, value: 'good' | 'bad', reasons?: RatingReason[], comment?: string): void;
  clearRating(messageId: string): void;
  answerComparePrompt(answer: 'better' | 'worse' | 'same'): void;
  dismissComparePrompt(): void;
  startCompare(userMessageId: string, count: number): void;
  editAndResend(userMessageId: string, text: string): void;
  reportModeration(messageId: string, kind: 'false_positive' | 'false_negative'): void;
}

export interface MessageItemProps {
  message: ChatMessage;
  pager: PagerInfo;
  rating?: Rating;
  askCompare: boolean;
  busy: boolean;
  /** Moderation reports already made for this message. */
  reported: readonly ('false_positive' | 'false_negative')[];
  actions: MessageActions;
  /** The last message shown: its actions stay in view; older ones show theirs on hover or focus. */
  latest?: boolean;
  /** The first message moderation could not check: the conversation says so here, once. */
  notChecked?: boolean;
}

export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  // Stored records may be malformed (an old import, a hand edit): only validated shapes render.
  const message = renderableMessage(props.message);
  const safe = message === props.message ? props : { ...props, message };
  return message.role === 'user' ? <UserMessage {...safe} /> : <AssistantMessage {...safe} />;
});
