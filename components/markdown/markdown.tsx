/**
 * Model output as Markdown (GFM) with TeX math, safe by construction: raw HTML is shown as text,
 * links are http(s)/mailto with the real destination visible, images wait for a click, math goes
 * through KaTeX and an allow-list, bidi controls leave prose and invisible characters in code are
 * marked. Nesting is capped before parsing (the parser's stack is finite). While streaming, the
 * reply is split append-only (lib/markdown/streaming-document.ts): finished blocks are prepared and
 * parsed once, keyed by where they start (a memo compare each per update), and only the bounded
 * tail re-parses.
 */
import { memo, useDeferredValue, useMemo, useRef, useState } from 'react';
import { t } from '@/components/common/i18n';
import { StreamingDocument, type RenderBlock } from '@/lib/markdown/streaming-document';
import { GROUP_SIZE, groupBlocks, tailGroups } from '@/lib/markdown/block-groups';
import { BlockGroup } from './block-group';
import './markdown.css';

const NONE: readonly RenderBlock[] = [];
const joinsNext = (block: RenderBlock) => !!block.joinsNext;

export const Markdown = memo(function Markdown({
  text,
  streaming,
}: {
  text: string;
  streaming: boolean;
}) {
  // One document per message: it carries the split across updates (the text only grows).
  const [doc] = useState(() => new StreamingDocument());
  // The end of streaming re-prepares and re-parses the tail as finished, and parses whole the
  // blocks shown as pieces while streaming: that render is deferred (and time-sliced, a block at
  // a time), so the reply shows stopped (or complete) first and the re-parse follows.
  const live = useDeferredValue(streaming);
  const view = useMemo(() => doc.update(text, live), [doc, text, live]);
  // Regrouped only when a block finishes (the finished array is the same object otherwise).
  const previous = useRef<(readonly RenderBlock[])[]>([]);
  const groups = useMemo(
    () => (previous.current = groupBlocks(view.finished, previous.current)),
    [view.finished],
  );
  const tails = tailGroups(view.finished.length, view.tail, GROUP_SIZE, joinsNext);
  const count = Math.max(groups.length, tails.length);
  return (
    <div className="markdown">
      {Array.from({ length: count }, (_, i) => (
        // Keyed by position: a group holds the same blocks for as long as the reply grows.
        <BlockGroup key={i} blocks={groups[i] ?? NONE} tail={tails[i] ?? NONE} live={live} />
      ))}
      {view.capped ? (
        <p className="md-capped-note" role="note">
          {t('markdown.nestedTooDeep')}
        </p>
      ) : null}
    </div>
  );
});
