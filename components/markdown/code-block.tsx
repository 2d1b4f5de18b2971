/**
 * A fenced code block: language label, "Copy code", and the code exactly as written, highlighted
 * once its language has loaded (at most once per frame while it streams). Invisible characters
 * are drawn as marks, announced above the code, and left out of Copy code.
 */
import { Fragment, useEffect, useMemo, useState, type ReactNode } from 'react';
import { stripInvisible } from '@/lib/markdown/invisible';
import { highlight, type Token } from './highlight';
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
  const hidden = useMemo(() => stripInvisible(code).removed, [code]);
  return (
    <div className="code-block">
      <div className="code-head">
        <span className="code-lang">{language || 'text'}</span>
        <CodeCopyButton code={code} />
      </div>
      {hidden ? (
        <p className="code-warning" role="note">
          {hidden === 1 ? 'An invisible character is' : `${hidden} invisible characters are`} marked
          in this code. Copy code leaves {hidden === 1 ? 'it' : 'them'} out.
        </p>
      ) : null}
      <pre>
        <code
          className={language ? `language-${language.replace(/[^\w+#-]/g, '')} hljs` : undefined}
        >
          {current ? render(current) : renderCodeText(code)}
        </code>
      </pre>
    </div>
  );
}
