/**
 * A fenced code block: language label, "Copy code", and the code exactly as written, highlighted
 * once its language has loaded. While it streams, new text is appended as it comes and the block
 * is highlighted again at most every 100 ms (highlighting is the costly part, and a token stream
 * changes it every frame); a finished block is highlighted at once. Invisible characters are
 * drawn as marks, announced above the code, and left out of Copy code.
 */
import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { t } from '@/components/common/i18n';
import { stripInvisible } from '@/lib/markdown/invisible';
import { cachedHighlight, highlight, type Highlighted, type Token } from './highlight';

/** The least time between two highlights of a streaming block. */
const STREAMING_HIGHLIGHT_MS = 100;
import { CodeCopyButton } from './code-copy';
import { renderCodeText } from './code-text';

function render(tokens: Token[]): ReactNode[] {
  return tokens.map((token, i) =>
    typeof token === 'string' ? (
      <Fragment key={i}>{renderCodeText(token)}</Fragment>
    ) : (
      <span
        key={i}
        className={
          token.scope
            ? token.scope
                .split(' ')
                .map((s) => `hljs-${s}`)
                .join(' ')
            : undefined
        }
      >
        {render(token.children)}
      </span>
    ),
  );
}

export function CodeBlock({
  code,
  language,
  streaming = false,
}: {
  code: string;
  language?: string;
  /** Whether the block may still grow (it is in the reply's streaming end). */
  streaming?: boolean;
}) {
  const [tokens, setTokens] = useState<Highlighted | null>(() => cachedHighlight(code, language));
  const lastRun = useRef(0);

  useEffect(() => {
    if (!language) return;
    let cancelled = false;
    const wait = streaming
      ? Math.max(0, lastRun.current + STREAMING_HIGHLIGHT_MS - performance.now())
      : 0;
    const timer = setTimeout(() => {
      lastRun.current = performance.now();
      void highlight(code, language, !streaming).then((result) => {
        if (cancelled || !result) return;
        setTokens((prev) =>
          prev?.code === code && prev.tokens === result ? prev : { code, tokens: result },
        );
      });
    }, wait);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [code, language, streaming]);

  // Highlighted as far as it has been, the rest appended as text until the next highlight.
  const current = tokens && code.startsWith(tokens.code) ? tokens : null;
  const rest = current ? code.slice(current.code.length) : code;
  const hidden = useMemo(() => stripInvisible(code).removed, [code]);
  return (
    <div className="code-block">
      <div className="code-head">
        <span className="code-lang">{language || t('markdown.plainText')}</span>
        <CodeCopyButton code={code} />
      </div>
      {hidden ? (
        <p className="code-warning" role="note">
          {t('markdown.invisibleMarked', hidden)}
        </p>
      ) : null}
      <pre>
        <code
          className={language ? `language-${language.replace(/[^\w+#-]/g, '')} hljs` : undefined}
        >
          {current ? render(current.tokens) : null}
          {rest ? renderCodeText(rest) : null}
        </code>
      </pre>
    </div>
  );
}
