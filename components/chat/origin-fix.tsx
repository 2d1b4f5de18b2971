/**
 * The way past a local server's Origin check (issue 14): the exact OLLAMA_ORIGINS setting for
 * this extension, with a copy button. The panel's own origin is this extension's origin.
 */
import { CopyButton } from '../common/copy-button';
import { ollamaOriginsFix } from '@/lib/llm/ollama-origins';

/** Loaded only when a reply ends in this error (the panel's initial JS is at its budget). */
export default function OriginFix() {
  const fix = ollamaOriginsFix(location.origin);
  return (
    <div className="origin-fix">
      <p>
        Ollama checks each request’s Origin and refuses browser extensions unless OLLAMA_ORIGINS
        allows them. Where Parley cannot leave its Origin out (Firefox, or a host it has no
        permission for), allow it:
      </p>
      <code>{fix}</code> <CopyButton text={fix} label="Copy setting" />
      <p className="detail">
        Set it where Ollama runs and restart Ollama (for example <code>{fix} ollama serve</code>).
        Already set? Add it after a comma, with no space.
      </p>
    </div>
  );
}
