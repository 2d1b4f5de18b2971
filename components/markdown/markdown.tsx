/**
 * Model output as Markdown (GFM) with TeX math, safe by construction: raw HTML is shown as text,
 * links are http(s)/mailto with the real destination visible, images wait for a click, math goes
 * through KaTeX and an allow-list, bidi controls leave prose and invisible characters in code are
 * marked. Nesting is capped before parsing (the parser's stack is finite). While streaming, the
 * reply is split append-only (lib/markdown/streaming-document.ts): finished blocks are prepared and
 * parsed once, keyed by where they start (a memo compare each per update), and only the bounded
 * tail re-parses.
 */
import { memo, useMemo, useState } from 'react';
import { StreamingDocument } from '@/lib/markdown/streaming-document';
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
  return (
    <div className="markdown">
      {/* One list, finished blocks then the tail: a block that finishes keeps its element (and
          its DOM, its highlighted code, its rendered math) instead of mounting again elsewhere. */}
      {[...view.finished, ...view.tail].map((block) => (
        <Block key={block.key} source={block.source} streaming={block.streaming} />
      ))}
      {view.capped ? (
        <p className="md-capped-note" role="note">
          Nested too deeply to format in full: the deepest part is shown as plain text.
        </p>
      ) : null}
    </div>
  );
});
