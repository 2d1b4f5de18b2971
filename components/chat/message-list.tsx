/**
 * The visible branch of the conversation (root → current leaf). Follows the stream to the bottom
 * unless the user has scrolled up to read. Each message renders inside its own error boundary:
 * one that throws shows its text plainly and the rest of the chat carries on.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChatMessage } from '@/lib/model/types';
import type { Rating } from '@/lib/model/feedback';
import { pagerInfo, pathToLeaf, type PagerInfo } from '@/lib/model/tree';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { MathViewport } from '@/components/markdown/math-viewport';
import { MessageFallback } from './message-fallback';
import { MessageItem, type MessageActions } from './message-item';
import { firstUncheckedId } from '@/lib/panel/reply-view';
import { t } from '@/components/common/i18n';
import { CompareDraftKeeper } from './compare-draft-keeper';
import './chat.css';

export interface MessageListProps {
  messages: Record<string, ChatMessage>;
  leafId: string | null;
  ratings: Record<string, Rating>;
  reports: Record<string, ('false_positive' | 'false_negative')[]>;
  /** The reply that should ask "better or worse?" (it came from a regenerate). */
  comparePromptFor: string | null;
  busy: boolean;
  actions: MessageActions;
}

const STICK_DISTANCE_PX = 48;
/** Messages rendered at first and added per step when scrolling up: long chats open at once. */
const WINDOW_STEP = 30;
const NONE: ('false_positive' | 'false_negative')[] = [];

const samePager = (a: PagerInfo, b: PagerInfo) =>
  a.index === b.index && a.total === b.total && a.prevId === b.prevId && a.nextId === b.nextId;

export function MessageList({
  messages,
  leafId,
  ratings,
  reports,
  comparePromptFor,
  busy,
  actions,
}: MessageListProps) {
  const all = useMemo(() => Object.values(messages), [messages]);
  const path = useMemo(() => (leafId ? pathToLeaf(all, leafId) : []), [all, leafId]);
  const [shown, setShown] = useState(WINDOW_STEP);
  const windowed = path.length > shown ? path.slice(-shown) : path;
  const hiddenCount = path.length - windowed.length;
  const latestId = path.at(-1)?.id;
  // "Not checked" is said once per conversation, under the first message it applies to.
  const uncheckedId = useMemo(() => firstUncheckedId(path), [path]);
  // The same pager object while its content is the same: a new one per render made every
  // memoised message re-render on every commit of a streaming reply.
  const [pagers] = useState(() => new Map<string, PagerInfo>());
  const pagerFor = (message: ChatMessage): PagerInfo => {
    const next = pagerInfo(all, message);
    const previous = pagers.get(message.id);
    if (previous && samePager(previous, next)) return previous;
    pagers.set(message.id, next);
    return next;
  };
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [awayFromEnd, setAwayFromEnd] = useState(false);

  // Stay at the end while the user has not scrolled away. Only from the ResizeObserver: it runs
  // after layout, where reading scrollHeight is free; reading it after every commit forced a
  // layout of the whole reply per frame, which grew with the reply (the M5 benchmark).
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    const observer = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(inner);
    // The viewport shrinks too (a growing composer, a banner): stay at the end then as well.
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Adding earlier messages above keeps what the user is reading in place: the distance from the
  // bottom is restored right after the commit, before paint. Until then, scrolling near the top
  // (or the button) must not ask again, or one gesture would load several steps.
  const restoreFromBottom = useRef<number | null>(null);
  const showEarlier = () => {
    const el = scroller.current;
    if (!el || restoreFromBottom.current !== null) return;
    restoreFromBottom.current = el.scrollHeight - el.scrollTop;
    setShown((n) => n + WINDOW_STEP);
  };
  useLayoutEffect(() => {
    const el = scroller.current;
    const fromBottom = restoreFromBottom.current;
    if (!el || fromBottom === null) return;
    restoreFromBottom.current = null;
    el.scrollTop = el.scrollHeight - fromBottom;
  }, [shown]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_DISTANCE_PX;
    setAwayFromEnd(!stick.current);
    if (el.scrollTop < 200 && hiddenCount > 0) showEarlier();
  };

  const jumpToLatest = () => {
    const el = scroller.current;
    if (!el) return;
    stick.current = true;
    setAwayFromEnd(false);
    el.scrollTop = el.scrollHeight;
  };

  return (
    <div className="message-list" ref={scroller} onScroll={onScroll}>
      {awayFromEnd ? (
        <button type="button" className="button small jump-latest" onClick={jumpToLatest}>
          {t('chat.jumpToLatest')}
        </button>
      ) : null}
      <MathViewport.Provider value={scroller}>
        <div className="message-stack" ref={content}>
          {hiddenCount > 0 ? (
            <button type="button" className="button ghost small show-earlier" onClick={showEarlier}>
              {t('chat.showEarlier', [
                String(Math.min(WINDOW_STEP, hiddenCount)),
                String(hiddenCount),
              ])}
            </button>
          ) : null}
          {windowed.map((message) => (
            // A new version of the message (more text, a new state) gets a fresh try.
            <ErrorBoundary
              key={message.id}
              label="message"
              resetKeys={[message]}
              fallback={() => <MessageFallback message={message} />}
            >
              <MessageItem
                message={message}
                pager={pagerFor(message)}
                rating={ratings[message.id]}
                askCompare={comparePromptFor === message.id}
                reported={reports[message.id] ?? NONE}
                busy={busy}
                actions={actions}
                latest={message.id === latestId}
                notChecked={message.id === uncheckedId}
              />
            </ErrorBoundary>
          ))}
        </div>
      </MathViewport.Provider>
      <CompareDraftKeeper />
    </div>
  );
}
