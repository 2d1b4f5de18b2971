/**
 * One group of finished and streaming blocks in its own wrapper: the unit the browser skips off
 * screen (content-visibility) and React skips when nothing in it changed (lib/markdown/block-groups).
 */
import { Fragment, memo, useState } from 'react';
import type { RenderBlock } from '@/lib/markdown/streaming-document';
import { readFencedCode } from '@/lib/markdown/fenced-code';
import { CodeBlock } from './code-block';
import { renderMarkdown, renderPiece } from './markdown-processor';

const Block = memo(function Block({ source, streaming }: { source: string; streaming: boolean }) {
  // A block that is one fenced code block (the usual streaming tail) skips the parser: what it
  // renders is what the parser's tree gives CodeBlock (tests/unit/markdown/fenced-code.test.ts).
  const fenced = readFencedCode(source);
  if (fenced)
    return <CodeBlock code={fenced.code} language={fenced.language} streaming={streaming} />;
  return renderMarkdown(source, streaming);
});

type Rendered = ReturnType<typeof renderPiece>;

/**
 * The streaming pieces of one block (lib/markdown/incremental-blocks.ts): each is parsed on its
 * own and only while it changes, and pieces that are each one paragraph share one `p`, so the
 * paragraph reads as it will once the block finishes and is parsed whole.
 */
const Pieces = memo(function Pieces({ pieces }: { pieces: readonly RenderBlock[] }) {
  // Renders by key, kept while source and streaming are the same: a pure cache of the parse.
  const [cache] = useState(() => new Map<number, RenderBlock & { out: Rendered }>());
  const outs = pieces.map((piece) => {
    const known = cache.get(piece.key);
    if (known?.source === piece.source && known.streaming === piece.streaming) return known.out;
    const out = renderPiece(piece.source, piece.streaming);
    cache.set(piece.key, { ...piece, out });
    return out;
  });
  if (outs.every((out) => out.inline)) {
    return (
      <p>
        {outs.map((out, i) => (
          // The line break the cut fell on, as the whole paragraph has it.
          <Fragment key={pieces[i]?.key}>
            {i ? '\n' : null}
            {out.inline}
          </Fragment>
        ))}
      </p>
    );
  }
  return outs.map((out, i) => <Fragment key={pieces[i]?.key}>{out.whole}</Fragment>);
});

/** The tail as runs: a block alone, or the pieces of one block (`joinsNext` on all but its last). */
function runs(tail: readonly RenderBlock[]): RenderBlock[][] {
  const out: RenderBlock[][] = [];
  let open = false;
  for (const block of tail) {
    if (open) out.at(-1)?.push(block);
    else out.push([block]);
    open = !!block.joinsNext;
  }
  return out;
}

/**
 * Finished blocks come first, then the tail blocks that belong here: one list, so a block that
 * finishes keeps its element (and its DOM, its highlighted code, its rendered math).
 */
export const BlockGroup = memo(function BlockGroup({
  blocks,
  tail,
  live,
}: {
  blocks: readonly RenderBlock[];
  tail: readonly RenderBlock[];
  /** While the reply streams, a block finished as pieces stays shown as them (no 4 KB parse). */
  live: boolean;
}) {
  const block = (b: RenderBlock) =>
    live && b.pieces ? (
      <Pieces key={b.key} pieces={b.pieces} />
    ) : (
      <Block key={b.key} source={b.source} streaming={b.streaming} />
    );
  // One list (not finished, then tail): a block that finishes keeps its element.
  const children = blocks.map(block);
  for (const run of runs(tail)) {
    const first = run[0] as RenderBlock;
    children.push(run.length > 1 ? <Pieces key={first.key} pieces={run} /> : block(first));
  }
  return <div className="md-group">{children}</div>;
});
