/**
 * Settings → Feedback data: what has been collected, exported as JSONL for fine-tuning, and the
 * raw feedback file imported back (merged, never duplicated). The key and settings are never in it.
 * It acts at once, apart from the settings form's Save, and says so (issue 16).
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
import { t } from '@/components/common/i18n';
import { FilePicker } from './file-picker';

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
        .catch(() => setStatus({ kind: 'error', text: t('settings.feedback.readFailed') })),
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
        text: t('settings.feedback.exported', lines.length),
      });
    } catch {
      setStatus({ kind: 'error', text: t('settings.feedback.exportFailed') });
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
      setStatus({ kind: 'error', text: t('settings.feedback.importFailed') });
    }
  };

  return (
    <section className="settings-section feedback-data" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('settings.feedback.title')}</h2>
      <p className="hint muted">{t('settings.feedback.atOnce')}</p>
      <p className="hint muted">
        {counts
          ? t('settings.feedback.counts', [
              t('settings.feedback.ratings', counts.ratings),
              t('settings.feedback.comparisons', counts.comparisons),
              t('settings.feedback.reports', counts.reports),
            ])
          : t('settings.feedback.counting')}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={options.includeSystemPrompt}
          onChange={(e) => setOptions({ ...options, includeSystemPrompt: e.target.checked })}
        />
        <span>{t('settings.feedback.includePrompt')}</span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={options.redactAttachments}
          onChange={(e) => setOptions({ ...options, redactAttachments: e.target.checked })}
        />
        <span>{t('settings.feedback.redact')}</span>
      </label>
      <div className="row wrap">
        <button type="button" className="button small" onClick={() => void exportAs('preference')}>
          {t('settings.feedback.exportPairs')}
        </button>
        <button type="button" className="button small" onClick={() => void exportAs('sft')}>
          {t('settings.feedback.exportSft')}
        </button>
        <button type="button" className="button small" onClick={() => void exportAs('raw')}>
          {t('settings.feedback.exportRaw')}
        </button>
      </div>
      <FilePicker
        label={t('settings.feedback.import')}
        accept=".jsonl,.json,application/jsonl,application/json"
        onFile={(file) => void importFile(file)}
      />
      <FormStatus status={status} />
    </section>
  );
}
