/**
 * Settings → Feedback data: what has been collected, exported as JSONL for fine-tuning, and the
 * raw feedback file imported back (merged, never duplicated). The key and settings are never in it.
 */
import { FormStatus, type Status } from '@/components/common/form-status';
import './settings.css';
import { useCallback, useEffect, useId, useState } from 'react';
import { buildPreferencePairs } from '@/lib/export/preference-pairs';
import { buildSftExamples } from '@/lib/export/sft';
import type { FeedbackData as FeedbackExportData } from '@/lib/export/context';
import {
  type FeedbackSets,
  buildFeedbackRecords,
  mergeFeedback,
  parseFeedbackRecords,
} from '@/lib/export/feedback-records';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '@/lib/export/options';
import { toJsonl } from '@/lib/export/schemas';
import { feedbackImportSummary } from '@/lib/export/import-summary';
import { downloadText } from '@/components/common/download';

type Format = 'preference' | 'sft' | 'raw';

/** What this section reads and writes in storage (the panel's PanelData, or the options page's). */
export interface FeedbackDataSource {
  feedbackCounts(): Promise<{ ratings: number; comparisons: number; reports: number }>;
  /** The feedback and the conversations it refers to. */
  loadFeedbackData(): Promise<FeedbackExportData>;
  /** Writes a merge result in one transaction. */
  replaceFeedback(sets: FeedbackSets): Promise<void>;
}

export function FeedbackData({ data: source }: { data: FeedbackDataSource }) {
  const ids = useId();
  const [counts, setCounts] = useState<{
    ratings: number;
    comparisons: number;
    reports: number;
  } | null>(null);
  const [options, setOptions] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS);
  const [status, setStatus] = useState<Status | null>(null);

  // The source is made once per page, so this runs once, as before.
  const refresh = useCallback(
    () =>
      source
        .feedbackCounts()
        .then(setCounts)
        .catch(() =>
          setStatus({ kind: 'error', text: 'Feedback could not be read from browser storage.' }),
        ),
    [source],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const exportAs = async (format: Format) => {
    try {
      const data = await source.loadFeedbackData();
      const lines =
        format === 'preference'
          ? buildPreferencePairs(data, options)
          : format === 'sft'
            ? buildSftExamples(data, options)
            : buildFeedbackRecords(data);
      const stamp = new Date().toISOString().slice(0, 10);
      downloadText(
        `parley-${format === 'raw' ? 'feedback' : format === 'sft' ? 'sft' : 'preference-pairs'}-${stamp}.jsonl`,
        toJsonl(lines),
        'application/jsonl',
      );
      setStatus({
        kind: 'ok',
        text: `Exported ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}.`,
      });
    } catch {
      setStatus({ kind: 'error', text: 'The export failed: feedback could not be read.' });
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseFeedbackRecords(await file.text());
    if (!parsed.ok) {
      setStatus({ kind: 'error', text: parsed.error });
      return;
    }
    try {
      const existing = await source.loadFeedbackData();
      const merged = mergeFeedback(
        {
          ratings: [...existing.ratings],
          comparisons: [...existing.comparisons],
          reports: [...existing.reports],
        },
        parsed.records,
      );
      await source.replaceFeedback(merged);
      setStatus({
        kind: 'ok',
        text: feedbackImportSummary(merged.added, merged.skipped),
      });
      await refresh();
    } catch {
      setStatus({ kind: 'error', text: 'The import could not be saved. Nothing was changed.' });
    }
  };

  return (
    <section className="feedback-data" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Feedback data</h2>
      <p className="muted">
        {counts
          ? `${counts.ratings} ratings, ${counts.comparisons} comparisons, ${counts.reports} moderation reports. Stored only in this browser.`
          : 'Counting…'}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={options.includeSystemPrompt}
          onChange={(e) => setOptions({ ...options, includeSystemPrompt: e.target.checked })}
        />
        Include the system prompt
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={options.redactAttachments}
          onChange={(e) => setOptions({ ...options, redactAttachments: e.target.checked })}
        />
        Redact attached page text
      </label>
      <div className="row">
        <button type="button" className="button small" onClick={() => void exportAs('preference')}>
          Export preference pairs
        </button>
        <button type="button" className="button small" onClick={() => void exportAs('sft')}>
          Export supervised examples
        </button>
        <button type="button" className="button small" onClick={() => void exportAs('raw')}>
          Export raw feedback
        </button>
      </div>
      <label htmlFor={`${ids}-import`}>Import raw feedback (.jsonl)</label>
      <input
        id={`${ids}-import`}
        type="file"
        accept=".jsonl,.json,application/jsonl,application/json"
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      <FormStatus status={status} />
    </section>
  );
}
