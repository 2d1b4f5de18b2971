/**
 * How much of the model's context the conversation, the attachments and the draft use. The
 * tokenizer (o200k, ~2 MB) loads only when the meter first counts, never in the panel's first load.
 * A model that counts for itself (the built-in one, issue 15) passes its own count: no estimate.
 */
import { useEffect, useState } from 'react';
import { t } from '@/components/common/i18n';
import { contextWindowFor } from '@/lib/prompt/budget';

type Counter = (text: string) => number;
// One formatter: toLocaleString builds a new one per call, and the meter re-renders every frame
// while a reply streams.
const numbers = new Intl.NumberFormat('en');
let counter: Promise<Counter> | null = null;

/** The model's own count (null: it could not count these texts) and window (null: unknown). */
export interface OwnMeasure {
  tokens: number | null;
  window: number | null;
}

function loadCounter(): Promise<Counter> {
  counter ??= import('gpt-tokenizer/encoding/o200k_base').then(
    (m) => (text: string) => m.countTokens(text),
  );
  return counter;
}

export function TokenMeter({
  texts,
  model,
  paused = false,
  serverWindow,
  own,
  owner = 'server',
}: {
  texts: readonly string[];
  model: string;
  /** From Send until the reply ends: no counting, the last count stands (it never drops). */
  paused?: boolean;
  /** The context the server said it has, in this meter's count (issue 14); else by model name. */
  serverWindow?: number | undefined;
  /** The model's own count, which replaces the estimate when it has a number. */
  own?: OwnMeasure | null;
  /** Whose context the window is: a server's, or the built-in model's. */
  owner?: 'server' | 'builtin';
}) {
  const [estimate, setTokens] = useState<number | null>(null);
  const window = serverWindow ?? contextWindowFor(model);
  const ownTokens = own?.tokens ?? null;
  const tokens = ownTokens ?? estimate;

  useEffect(() => {
    if (paused || ownTokens !== null) return;
    let cancelled = false;
    // Counting waits for a pause in typing; a long conversation takes a few milliseconds.
    const timer = setTimeout(() => {
      void loadCounter().then((count) => {
        if (cancelled) return;
        setTokens(texts.reduce((sum, text) => sum + count(text) + 4, 0));
      });
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [texts, paused, ownTokens]);

  if (tokens === null) return null;
  const share = Math.min(1, tokens / window);
  return (
    <div
      className="token-meter"
      data-counted-by={ownTokens !== null ? 'model' : 'estimate'}
      title={t('panel.meter.title', [numbers.format(tokens), numbers.format(window)])}
    >
      <meter
        aria-label={t('panel.meter.label')}
        min={0}
        max={window}
        value={tokens}
        low={window * 0.7}
        high={window * 0.9}
        optimum={0}
      />
      <span className={share > 0.9 ? 'warn-text' : 'muted'} role={share >= 1 ? 'alert' : undefined}>
        {t('panel.meter.text', [numbers.format(tokens), numbers.format(window)])}
        {share >= 1
          ? serverWindow
            ? t(owner === 'builtin' ? 'panel.meter.overBuiltin' : 'panel.meter.overServer')
            : t('panel.meter.oldest')
          : ''}
      </span>
    </div>
  );
}
