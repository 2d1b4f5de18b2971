/**
 * A fenced code block: language label, "Copy code", and the code exactly as written.
 */
import { CopyButton } from '@/components/chat/copy-button';

export function CodeBlock({ code, language }: { code: string; language?: string }) {
  return (
    <div className="code-block">
      <div className="code-head">
        <span className="code-lang">{language || 'text'}</span>
        <CopyButton text={code} label="Copy code" />
      </div>
      <pre>
        <code className={language ? `language-${language.replace(/[^\w+#-]/g, '')}` : undefined}>
          {code}
        </code>
      </pre>
    </div>
  );
}
