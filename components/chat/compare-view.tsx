/**
 * Several alternatives for one turn, stacked and labelled A, B, C…: the user orders them best
 * first (or just picks the best) and the ranking is kept as preference data. The list scrolls
 * inside the section and Save ranking stays in view below it (issue 16).
 */
import { LazyMarkdown as Markdown } from '@/components/markdown/lazy-markdown';
import { isTerminal, type ChatMessage } from '@/lib/model/types';
import { t } from '@/components/common/i18n';
import './chat.css';

export interface CompareViewProps {
  /** In the user's order, best first. */
  alternatives: ChatMessage[];
  /** In the order they were generated: a label stays with its response when it moves. */
  generatedIds: string[];
  waiting: number;
  onMove: (id: string, direction: -1 | 1) => void;
  onFinish: (bestFirst: string[]) => void;
  onCancel: () => void;
}

const LABELS = ['A', 'B', 'C', 'D'];

export function CompareView({
  alternatives,
  generatedIds,
  waiting,
  onMove,
  onFinish,
  onCancel,
}: CompareViewProps) {
  const done = waiting === 0 && alternatives.every((m) => isTerminal(m.state));
  const ids = alternatives.map((m) => m.id);
  return (
    <section className="compare-view" aria-label={t('chat.compare.title')}>
      <div className="compare-body">
        <h2>{t('chat.compare.title')}</h2>
        <p className="muted">{t('chat.compare.help')}</p>
        <ol className="compare-list">
          {alternatives.map((m, i) => {
            const label = LABELS[generatedIds.indexOf(m.id)] ?? String(i + 1);
            return (
              <li
                key={m.id}
                className="compare-card"
                aria-label={t('chat.compare.response', [label])}
                data-state={m.state.kind}
              >
                <div className="compare-head">
                  <strong>{t('chat.compare.response', [label])}</strong>
                  <span className="row">
                    <button
                      type="button"
                      className="button ghost small"
                      disabled={!done || i === 0}
                      onClick={() => onMove(m.id, -1)}
                    >
                      {t('chat.compare.moveUp')}
                    </button>
                    <button
                      type="button"
                      className="button ghost small"
                      disabled={!done || i === alternatives.length - 1}
                      onClick={() => onMove(m.id, 1)}
                    >
                      {t('chat.compare.moveDown')}
                    </button>
                    <button
                      type="button"
                      className="button small"
                      disabled={!done}
                      onClick={() => onFinish([m.id, ...ids.filter((id) => id !== m.id)])}
                    >
                      {t('chat.compare.pick')}
                    </button>
                  </span>
                </div>
                {m.content ? (
                  <Markdown text={m.content} streaming={!isTerminal(m.state)} />
                ) : (
                  <p className="muted">{t('chat.compare.waiting')}</p>
                )}
              </li>
            );
          })}
        </ol>
      </div>
      <div className="row compare-foot">
        <button
          type="button"
          className="button primary"
          disabled={!done || alternatives.length < 2}
          onClick={() => onFinish(ids)}
        >
          {t('chat.compare.save')}
        </button>
        <button type="button" className="button ghost" onClick={onCancel}>
          {t('chat.compare.cancel')}
        </button>
      </div>
    </section>
  );
}
