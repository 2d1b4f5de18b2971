/**
 * Model output as Markdown (GFM) with TeX math, safe by construction: raw HTML is shown as text,
 * links are http(s)/mailto with the real destination visible, images wait for a click, math goes
 * through KaTeX and an allow-list, bidi controls leave prose and invisible characters in code are
 * marked. Nesting is capped before parsing (the parser's stack is finite). While streaming, the
 * reply is split append-only (lib/markdown/streaming-document.ts): finished blocks are prepared and
 * parsed once, keyed by where they start (a memo compare each per update), and only the bounded
 * tail re-parses.
 */
import { memo, useMemo, useRef, useState } from 'react';
import { t } from '@/components/common/i18n';
import { StreamingDocument, type RenderBlock } from '@/lib/markdown/streaming-document';
import { groupBlocks, tailGroups } from '@/lib/markdown/block-groups';
import { readFencedCode } from '@/lib/markdown/fenced-code';
import { CodeBlock } from './code-block';
import { renderMarkdown } from './markdown-processor';
import './markdown.css';

const Block = memo(function Block({ source, streaming }: { source: string; streaming: boolean }) {
  // A block that is one fenced code block (the usual streaming tail) skips the parser: what it
  // renders is what the parser's tree gives CodeBlock (tests/unit/markdown/fenced-code.test.ts).
  const fenced = readFencedCode(source);
  if (fenced)
    return <CodeBlock code={fenced.code} language={fenced.language} streaming={streaming} />;
  return renderMarkdown(source, streaming);
});

const NONE: readonly RenderBlock[] = [];

/**
 * One group of blocks in its own wrapper (the unit content-visibility skips off screen). Finished
 * blocks come first, then the tail blocks that belong here: one list, so a block that finishes
 * keeps its element (and its DOM, its highlighted code, its rendered math).
 */
const BlockGroup = memo(function BlockGroup({
  blocks,
  tail,
}: {
  blocks: readonly RenderBlock[];
  tail: readonly RenderBlock[];
}) {
  return (
    <div className="md-group">
      {(tail.length ? [...blocks, ...tail] : blocks).map((block) => (
        <Block key={block.key} source={block.source} streaming={block.streaming} />
      ))}
    </div>
  );
});

export const Markdown = memo(function Markdown({
  text,
  streaming,
}: {
  text: string;
  streaming: boolean;
}) {
  // One document per message: it carries the split across updates (the text only grows).
  const [doc] = useState(() => new StreamingDocument());
  const view = useMemo(() => doc.update(text, streaming), [doc, text, streaming]);
  // Regrouped only when a block finishes (the finished array is the same object otherwise).
  const previous = useRef<(readonly RenderBlock[])[]>([]);
  const groups = useMemo(
    () => (previous.current = groupBlocks(view.finished, previous.current)),
    [view.finished],
  );
  const tails = tailGroups(view.finished.length, view.tail);
  const count = Math.max(groups.length, tails.length);
  return (
    <div className="markdown">
      {Array.from({ length: count }, (_, i) => (
        // Keyed by position: a group holds the same blocks for as long as the reply grows.
        <BlockGroup key={i} blocks={groups[i] ?? NONE} tail={tails[i] ?? NONE} />
      ))}
      {view.capped ? (
        <p className="md-capped-note" role="note">
          {t('markdown.nestedTooDeep')}
        </p>
      ) : null}
    </div>
  );
});
