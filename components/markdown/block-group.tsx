/**
 * One group of finished and streaming blocks in its own wrapper: the unit the browser skips off
 * screen (content-visibility) and React skips when nothing in it changed (lib/markdown/block-groups).
 */
import { memo } from 'react';
import type { RenderBlock } from '@/lib/markdown/streaming-document';
import { readFencedCode } from '@/lib/markdown/fenced-code';
import { CodeBlock } from './code-block';
import { renderMarkdown } from './markdown-processor';

const Block = memo(function Block({ source, streaming }: { source: string; streaming: boolean }) {
  // A block that is one fenced code block (the usual streaming tail) skips the parser: what it
  // renders is what the parser's tree gives CodeBlock (tests/unit/markdown/fenced-code.test.ts).
  const fenced = readFencedCode(source);
  if (fenced)
    return <CodeBlock code={fenced.code} language={fenced.language} streaming={streaming} />;
  return renderMarkdown(source, streaming);
});

/**
 * Finished blocks come first, then the tail blocks that belong here: one list, so a block that
 * finishes keeps its element (and its DOM, its highlighted code, its rendered math).
 */
export const BlockGroup = memo(function BlockGroup({
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
