/**
 * Model output as Markdown (GFM) with TeX math, safe by construction: raw HTML is shown as text,
 * links are http(s)/mailto with the real destination visible, images wait for a click, math goes
 * through KaTeX and an allow-list, bidi controls leave prose and invisible characters in code are
 * marked. Nesting is capped before parsing (the parser's stack is finite). While streaming,
 * finished blocks are memoised and only the last one re-parses.
 */
import { memo, useMemo, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { referenceDefinitions, splitBlocks, trimUnfinished } from '@/lib/markdown/split-blocks';
import { safeUrl } from '@/lib/markdown/safe-url';
import { normaliseMathDelimiters } from '@/lib/markdown/math-delimiters';
import { remarkMathGuard } from '@/lib/markdown/math-guard';
import { capNesting } from '@/lib/markdown/nesting-cap';
import { rehypeStripBidi } from '@/lib/markdown/bidi';
import { CodeBlock } from './code-block';
import { renderCodeText } from './code-text';
import { MarkdownLink } from './link';
import { RemoteImage } from './remote-image';
import { MathExpression, MathSource } from './math';
import './markdown.css';

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: { className?: string[] };
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

const components: Components = {
  a: ({ node, href, children }) => (
    <MarkdownLink href={href} text={textOf(node as HastNode | undefined)}>
      {children}
    </MarkdownLink>
  ),
  img: ({ src, alt }) => <RemoteImage src={typeof src === 'string' ? src : undefined} alt={alt} />,
  code: ({ node, className }) => {
    // Only inline code reaches here (blocks go through `pre`); remark-math marks inline math.
    const classes = (node as HastNode | undefined)?.properties?.className ?? [];
    if (classes.includes('math-inline'))
      return <MathExpression tex={textOf(node as HastNode)} display={false} />;
    return <code className={className}>{renderCodeText(textOf(node as HastNode))}</code>;
  },
  pre: ({ node }) => renderPre(node as HastNode | undefined, false),
};

/** A `pre`: display math, or a code block. An open `$$` block while streaming stays source. */
function renderPre(node: HastNode | undefined, streaming: boolean) {
  const code = node?.children?.find((c) => c.tagName === 'code');
  const classes = code?.properties?.className ?? [];
  if (classes.includes('math-display')) {
    if (streaming && classes.includes('math-open'))
      return <MathSource tex={textOf(code)} display />;
    return <MathExpression tex={textOf(code)} display />;
  }
  const language = classes.find((c) => c.startsWith('language-'))?.slice('language-'.length);
  return <CodeBlock code={textOf(code).replace(/\n$/, '')} language={language} />;
}

const streamingComponents: Components = {
  ...components,
  pre: ({ node }) => renderPre(node as HastNode | undefined, true),
};

const rehypePlugins = [rehypeStripBidi] as NonNullable<
  Parameters<typeof ReactMarkdown>[0]['rehypePlugins']
>;

const remarkPlugins = [
  remarkGfm,
  [remarkMath, { singleDollarTextMath: true }],
  remarkMathGuard,
  remarkHtmlAsText,
] as NonNullable<Parameters<typeof ReactMarkdown>[0]['remarkPlugins']>;

// Nothing from model text may become a live URL except through safeUrl (links) and safeImageUrl
// (RemoteImage).
const urlTransform = (url: string) => safeUrl(url) ?? '';

const Block = memo(function Block({ source, streaming }: { source: string; streaming: boolean }) {
  return (
    <ReactMarkdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      components={streaming ? streamingComponents : components}
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
  const capped = useMemo(() => capNesting(normaliseMathDelimiters(text)), [text]);
  const normalised = capped.text;
  const blocks = useMemo(() => splitBlocks(normalised), [normalised]);
  const definitions = useMemo(() => referenceDefinitions(normalised), [normalised]);
  const rendered: ReactNode[] = blocks.map((block, i) => {
    const last = i === blocks.length - 1;
    const source = streaming && last ? trimUnfinished(block) : block;
    const withRefs =
      definitions && /\]\[|\]\s*$|\[[^\]]+\](?!\()/.test(source)
        ? `${source}\n\n${definitions}`
        : source;
    return <Block key={i} source={withRefs} streaming={streaming && last} />;
  });
  return (
    <div className="markdown">
      {rendered}
      {capped.capped ? (
        <p className="md-capped-note" role="note">
          Nested too deeply to format in full: the deepest part is shown as plain text.
        </p>
      ) : null}
    </div>
  );
});
