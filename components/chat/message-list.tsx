/**
 * The visible branch of the conversation (root → current leaf). Follows the stream to the bottom
 * unless the user has scrolled up to read.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ChatMessage } from '@/lib/chat/types';
import { deepestLeaf, pagerInfo, pathToLeaf } from '@/lib/chat/tree';
import { MessageItem } from './message-item';

export interface MessageListProps {
  messages: Record<string, ChatMessage>;
  leafId: string | null;
  onRegenerate: (userMessageId: string) => void;
  onSelectLeaf: (leafId: string) => void;
  onOpenSettings: () => void;
}

const STICK_DISTANCE_PX = 48;

export function MessageList({
  messages,
  leafId,
  onRegenerate,
  onSelectLeaf,
  onOpenSettings,
}: MessageListProps) {
  const all = useMemo(() => Object.values(messages), [messages]);
  const path = useMemo(() => (leafId ? pathToLeaf(all, leafId) : []), [all, leafId]);
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  });

  const onScroll = () => {
    const el = scroller.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_DISTANCE_PX;
  };

  const selectVariant = (id: string) => onSelectLeaf(deepestLeaf(all, id));

  return (
    <div className="message-list" ref={scroller} onScroll={onScroll}>
      {path.map((message) => (
        <MessageItem
          key={message.id}
          message={message}
          pager={pagerInfo(all, message)}
          onRegenerate={onRegenerate}
          onSelectVariant={selectVariant}
          onOpenSettings={onOpenSettings}
        />
      ))}
    </div>
  );
}
