/**
 * The Markdown pipeline for one block: GFM, TeX math (through an allow-list), raw HTML as text,
 * bidi controls out of prose, and every URL through safeUrl. The unified processor is built once
 * for the panel; react-markdown's own component built it on every render. What happens after it
 * (raw nodes as text, URL attributes transformed, hast to React) is react-markdown's `post`.
 */
import type { ReactElement } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { urlAttributes } from 'html-url-attributes';
import { toJsxRuntime, type Components as JsxComponents } from 'hast-util-to-jsx-runtime';
import type { Root } from 'hast';
import { safeUrl } from '@/lib/markdown/safe-url';
import { remarkMathGuard } from '@/lib/markdown/math-guard';
import { rehypeStripBidi } from '@/lib/markdown/bidi';
import { CodeBlock } from './code-block';
import { renderCodeText } from './code-text';
import { MarkdownLink } from './link';
import { RemoteImage } from './remote-image';
import { MathExpression, MathSource } from './math';

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
  return (
    <CodeBlock code={textOf(code).replace(/\n$/, '')} language={language} streaming={streaming} />
  );
}

const streamingComponents: Components = {
  ...components,
  pre: ({ node }) => renderPre(node as HastNode | undefined, true),
};

// Built once: creating the processor runs every plugin's setup (micromark extensions and all),
// which react-markdown did on every render of every block.
const processor = unified()
  .use(remarkParse)
  .use([
    remarkGfm,
    [remarkMath, { singleDollarTextMath: true }],
    remarkMathGuard,
    remarkHtmlAsText,
  ] as PluggableList)
  // As react-markdown: raw HTML would arrive as `raw` nodes, made text below (remarkHtmlAsText
  // has already made it text).
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStripBidi)
  .freeze();

// Nothing from model text may become a live URL except through safeUrl (links) and safeImageUrl
// (RemoteImage).
const urlTransform = (url: string) => safeUrl(url) ?? '';

/** What react-markdown does after the processor: raw HTML as text, every URL through safeUrl. */
function post(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'raw' && parent && typeof index === 'number') {
      parent.children[index] = { type: 'text', value: node.value };
      return index;
    }
    if (node.type !== 'element') return;
    for (const key in urlAttributes) {
      if (!Object.hasOwn(urlAttributes, key) || !Object.hasOwn(node.properties, key)) continue;
      const test = urlAttributes[key];
      if (test === null || test?.includes(node.tagName)) {
        node.properties[key] = urlTransform(String(node.properties[key] || ''));
      }
    }
  });
}

function toTree(source: string): Root {
  const file = new VFile();
  file.value = source;
  const tree = processor.runSync(processor.parse(file), file);
  post(tree);
  return tree;
}

/** One block of markdown as React elements, through the processor built once. */
export function renderMarkdown(source: string, streaming: boolean): ReactElement {
  return toReact(toTree(source), streaming);
}

/**
 * A streaming piece of a paragraph: its rendering, and, when it is one paragraph and nothing
 * else, that paragraph's content alone (so consecutive pieces can share one `p`).
 */
export function renderPiece(
  source: string,
  streaming: boolean,
): { whole: ReactElement; inline: ReactElement | null } {
  const tree = toTree(source);
  const nodes = tree.children.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  const only = nodes.length === 1 ? nodes[0] : undefined;
  const paragraph = only?.type === 'element' && only.tagName === 'p' ? only : null;
  return {
    whole: toReact(tree, streaming),
    inline: paragraph ? toReact({ type: 'root', children: paragraph.children }, streaming) : null,
  };
}

function toReact(tree: Root, streaming: boolean): ReactElement {
  return toJsxRuntime(tree, {
    Fragment,
    components: (streaming ? streamingComponents : components) as JsxComponents,
    ignoreInvalidStyle: true,
    jsx,
    jsxs,
    passKeys: true,
    passNode: true,
  });
}
