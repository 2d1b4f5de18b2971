/**
 * The empty chat: what Parley is for, and four starters taken from the ChatGPT research preview's
 * samples (debug code, a false premise, a theorem and a follow-up, write then revise). A starter
 * fills the composer and does not send: the user reads, edits, then sends.
 */
import { t } from '@/components/common/i18n';

// The research preview's own sample: code is not translated.
const SAMPLE_CODE = [
  'resultWorkerErr := make(chan error)',
  'defer close(resultWorkerErr)',
  'go func() {',
  '\tdefer cancel()',
  '\tresultWorkerErr <- b.resultWorker(ctx)',
  '}()',
  '',
  'err := b.worker(ctx)',
  'cancel()',
  'if err == nil {',
  '\treturn <-resultWorkerErr',
  '}',
  'return multierror.Append(err, <-resultWorkerErr)',
].join('\n');

/** One starter: the button's short label and the prompt it puts in the composer. */
export interface Suggestion {
  id: string;
  label: string;
  prompt: string;
}

/** The four starters in the browser's language. */
export function suggestions(): Suggestion[] {
  return [
    {
      id: 'debug',
      label: t('panel.empty.debugLabel'),
      prompt: `${t('panel.empty.debugPrompt')}\n\n\`\`\`go\n${SAMPLE_CODE}\n\`\`\``,
    },
    { id: 'premise', label: t('panel.empty.premiseLabel'), prompt: t('panel.empty.premisePrompt') },
    { id: 'theorem', label: t('panel.empty.theoremLabel'), prompt: t('panel.empty.theoremPrompt') },
    { id: 'write', label: t('panel.empty.writeLabel'), prompt: t('panel.empty.writePrompt') },
  ];
}

export function EmptyChat({ onPick }: { onPick: (prompt: string) => void }) {
  return (
    <div className="empty">
      <h1>{t('panel.empty.title')}</h1>
      <p>{t('panel.empty.body')}</p>
      <div className="suggestions" role="group" aria-label={t('panel.empty.suggestions')}>
        {suggestions().map((s) => (
          <button key={s.id} type="button" className="suggestion" onClick={() => onPick(s.prompt)}>
            <span className="suggestion-label">{s.label}</span>
            <span className="suggestion-prompt">{s.prompt.split('\n')[0]}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
