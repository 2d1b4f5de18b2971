/**
 * The way past a local server's Origin check (issue 14): the exact OLLAMA_ORIGINS setting for
 * this extension, with a copy button. The panel's own origin is this extension's origin.
 */
import { CopyButton } from '../common/copy-button';
import { ollamaOriginsFix } from '@/lib/llm/errors';

export function OriginFix() {
  const fix = ollamaOriginsFix(location.origin);
  return (
    <div className="origin-fix">
      <code>{fix}</code> <CopyButton text={fix} label="Copy setting" />
      <p className="detail">
        Already set? Add it after a comma with no space. Then restart Ollama (for example{' '}
        <code>{fix} ollama serve</code>).
      </p>
    </div>
  );
}
