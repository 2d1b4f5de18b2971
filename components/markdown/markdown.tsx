/**
 * Model output as Markdown (GFM), safe by construction: raw HTML is shown as text, links are
 * http(s)/mailto with the URL visible, images wait for a click. While streaming, finished blocks
 * are memoised and only the last one re-parses.
 */
import { memo, useMemo, useState, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { referenceDefinitions, splitBlocks, trimUnfinished } from '@/lib/markdown/split-blocks';
import { safeImageUrl, safeUrl } from '@/lib/markdown/safe-url';
import { CodeBlock } from './code-block';
import './markdown.css';

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  children?: HastNode[];
}

/** Raw HTML in model text becomes visible literal text, never elements. */
function remarkHtmlAsText() {
  return (tree: { children?: unknown[] }) => {
    const visit = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === 'html') node.type = 'text';
      for (const child of (node.children ?? []) as { type: string }[]) visit(child);
    };
    visit(tree as { type: string });
  };
}

function textOf(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function ImagePlaceholder({ src, alt }: { src?: string; alt?: string }) {
  const [loaded, setLoaded] = useState(false);
  const url = safeImageUrl(src);
  if (!url) return <span className="md-image-blocked">[image: {alt || 'untitled'}]</span>;
  const host = new URL(url).host;
  if (loaded) return <img src={url} alt={alt ?? ''} referrerPolicy="no-referrer" />;
  return (
    <button
      type="button"
      className="button small md-image"
      aria-label={`Load image: ${alt || host}`}
      onClick={() => setLoaded(true)}
    >
      Load image from {host}
    </button>
  );
}

const components: Components = {
  a: ({ href, children }) => {
    const url = safeUrl(href);
    if (!url) return <span className="md-link-blocked">{children}</span>;
    return (
      <a href={url} target="_blank" rel="noopener noreferrer" title={url}>
        {children}
        <span className="md-link-url"> ({url})</span>
      </a>
    );
  },
  img: ({ src, alt }) => (
    <ImagePlaceholder src={typeof src === 'string' ? src : undefined} alt={alt} />
  ),
  pre: ({ node }) => {
    const code = (node as HastNode | undefined)?.children?.find((c) => c.tagName === 'code') as
      (HastNode & { properties?: { className?: string[] } }) | undefined;
    const language = code?.properties?.className
      ?.find((c) => c.startsWith('language-'))
      ?.slice('language-'.length);
    return <CodeBlock code={textOf(code).replace(/\n$/, '')} language={language} />;
  },
};

const remarkPlugins = [remarkGfm, remarkHtmlAsText];

// Nothing from model text may become a live URL except through safeUrl/safeImageUrl above.
const urlTransform = (url: string) => safeUrl(url) ?? '';

const Block = memo(function Block({ source }: { source: string }) {
  return (
    <ReactMarkdown
      remarkPlugins={remarkPlugins}
      components={components}
      urlTransform={urlTransform}
    >
      {source}
    </ReactMarkdown>
  );
});

export const Markdown = memo(function Markdown({
  text,
  streaming,
}: {
  text: string;
  streaming: boolean;
}) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  const definitions = useMemo(() => referenceDefinitions(text), [text]);
  const rendered: ReactNode[] = blocks.map((block, i) => {
    const last = i === blocks.length - 1;
    const source = streaming && last ? trimUnfinished(block) : block;
    const withRefs =
      definitions && /\]\[|\]\s*$|\[[^\]]+\](?!\()/.test(source)
        ? `${source}\n\n${definitions}`
        : source;
    return <Block key={i} source={withRefs} />;
  });
  return <div className="markdown">{rendered}</div>;
});
