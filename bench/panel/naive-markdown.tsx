/**
 * The benchmarks' baseline, never used by Parley itself: what many chat UIs do, re-parsing the
 * whole reply with react-markdown on every update. Loaded (a dynamic import) only in the E2E build
 * when the bench asks for it, so the figures can be printed as Parley/naive ratios.
 */
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CodeBlock } from '@/components/markdown/code-block';

interface CodeNode {
  tagName?: string;
  value?: string;
  children?: CodeNode[];
  properties?: { className?: string[] };
}
const textOf = (node?: CodeNode): string =>
  node?.value ?? (node?.children ?? []).map(textOf).join('');

const components: Components = {
  pre: ({ node }) => {
    const code = (node as CodeNode | undefined)?.children?.find((c) => c.tagName === 'code');
    const language = code?.properties?.className
      ?.find((c) => c.startsWith('language-'))
      ?.slice('language-'.length);
    return <CodeBlock code={textOf(code).replace(/\n$/, '')} language={language} />;
  },
};

export default function NaiveMarkdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
