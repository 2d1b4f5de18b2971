/**
 * A fenced code block: language label, "Copy code", and the code exactly as written, highlighted
 * once its language has loaded (at most once per frame while it streams).
 */
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { CopyButton } from '@/components/chat/copy-button';
import { highlight, type Token } from './highlight';

function render(tokens: Token[]): ReactNode[] {
  return tokens.map((token, i) =>
    typeof token === 'string' ? (
      <Fragment key={i}>{token}</Fragment>
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

export function CodeBlock({ code, language }: { code: string; language?: string }) {
  const [tokens, setTokens] = useState<{ code: string; tokens: Token[] } | null>(null);

  useEffect(() => {
    if (!language) return;
    let cancelled = false;
    // One highlight per frame at most: a streaming block changes far more often than that.
    const frame = requestAnimationFrame(() => {
      void highlight(code, language).then((result) => {
        if (!cancelled && result) setTokens({ code, tokens: result });
      });
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [code, language]);

  const current = tokens && tokens.code === code ? tokens.tokens : null;
  return (
    <div className="code-block">
      <div className="code-head">
        <span className="code-lang">{language || 'text'}</span>
        <CopyButton text={code} label="Copy code" />
      </div>
      <pre>
        <code
          className={language ? `language-${language.replace(/[^\w+#-]/g, '')} hljs` : undefined}
        >
          {current ? render(current) : code}
        </code>
      </pre>
    </div>
  );
}
