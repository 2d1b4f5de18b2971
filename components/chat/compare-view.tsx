/**
 * Several alternatives for one turn, stacked and labelled A, B, C…: the user orders them best
 * first (or just picks the best) and the ranking is kept as preference data.
 */
import { LazyMarkdown as Markdown } from '@/components/markdown/lazy-markdown';
import { isTerminal, type ChatMessage } from '@/lib/model/types';
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
    <section className="compare-view" aria-label="Compare responses">
      <h2>Compare responses</h2>
      <p className="muted">
        Order them best first, or pick the best. The first continues the conversation.
      </p>
      <ol className="compare-list">
        {alternatives.map((m, i) => {
          const label = LABELS[generatedIds.indexOf(m.id)] ?? String(i + 1);
          return (
            <li
              key={m.id}
              className="compare-card"
              aria-label={`Response ${label}`}
              data-state={m.state.kind}
            >
              <div className="compare-head">
                <strong>Response {label}</strong>
                <span className="row">
                  <button
                    type="button"
                    className="button ghost small"
                    disabled={!done || i === 0}
                    onClick={() => onMove(m.id, -1)}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    className="button ghost small"
                    disabled={!done || i === alternatives.length - 1}
                    onClick={() => onMove(m.id, 1)}
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    className="button small"
                    disabled={!done}
                    onClick={() => onFinish([m.id, ...ids.filter((id) => id !== m.id)])}
                  >
                    Pick as best
                  </button>
                </span>
              </div>
              {m.content ? (
                <Markdown text={m.content} streaming={!isTerminal(m.state)} />
              ) : (
                <p className="muted">Waiting…</p>
              )}
            </li>
          );
        })}
      </ol>
      <div className="row">
        <button
          type="button"
          className="button primary"
          disabled={!done || alternatives.length < 2}
          onClick={() => onFinish(ids)}
        >
          Save ranking
        </button>
        <button type="button" className="button ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
