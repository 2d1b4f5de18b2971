/**
 * The raw feedback file: every rating, comparison and moderation report with the texts they refer
 * to. It is also the backup format: importing it merges by id, so importing twice adds nothing.
 */
import type { Comparison, ModerationReport, Rating } from '../model/feedback';
import { notice } from '../model/notices';
import type { FeedbackData } from './context';
import { feedbackRecordSchemaAt, type FeedbackRecord } from './schemas';

/** Every rating, comparison and report, each with the text it refers to. */
export function buildFeedbackRecords(data: FeedbackData): FeedbackRecord[] {
  const text = new Map(data.messages.map((m) => [m.id, m.content]));
  return [
    ...data.ratings.map((r): FeedbackRecord => ({
      type: 'rating',
      ...r,
      reply: text.get(r.messageId) ?? '',
    })),
    ...data.comparisons.map((c): FeedbackRecord => ({
      type: 'comparison',
      ...c,
      replies: c.ranking.map((id) => text.get(id) ?? ''),
    })),
    ...data.reports.map((r): FeedbackRecord => ({
      type: 'moderation_report',
      ...r,
      text: text.get(r.messageId) ?? '',
    })),
  ];
}

/** A parsed feedback file: every record, or the first error (imports are all or nothing). */
export type ParseResult = { ok: true; records: FeedbackRecord[] } | { ok: false; error: string };

/**
 * Refuses the whole file at the first bad line, naming it, so a broken import changes nothing.
 * Records are checked against closed schemas (schemas.ts) with dates up to a day after `now`.
 */
export function parseFeedbackRecords(jsonl: string, now = Date.now()): ParseResult {
  const schema = feedbackRecordSchemaAt(now);
  const records: FeedbackRecord[] = [];
  const lines = jsonl.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, error: notice('feedbackLineNotJson', i + 1) };
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      return {
        ok: false,
        error: notice('feedbackLineNotRecord', i + 1),
      };
    }
    records.push(parsed.data);
  }
  if (records.length === 0) return { ok: false, error: notice('feedbackNoRecords') };
  return { ok: true, records };
}

/** Feedback records sorted by kind, ready to write to their tables. */
export interface FeedbackSets {
  ratings: Rating[];
  comparisons: Comparison[];
  reports: ModerationReport[];
}

/** Adds the records whose ids are new; counts the rest as already there. */
export function mergeFeedback(
  existing: FeedbackSets,
  incoming: readonly FeedbackRecord[],
): FeedbackSets & { added: number; skipped: number } {
  const seen = new Set(
    [...existing.ratings, ...existing.comparisons, ...existing.reports].map((r) => r.id),
  );
  const result = {
    ratings: [...existing.ratings],
    comparisons: [...existing.comparisons],
    reports: [...existing.reports],
    added: 0,
    skipped: 0,
  };
  for (const record of incoming) {
    if (seen.has(record.id)) {
      result.skipped++;
      continue;
    }
    seen.add(record.id);
    result.added++;
    if (record.type === 'rating') {
      const { type: _t, reply: _r, ...rating } = record;
      result.ratings.push(rating);
    } else if (record.type === 'comparison') {
      const { type: _t, replies: _r, ...comparison } = record;
      result.comparisons.push(comparison);
    } else {
      const { type: _t, text: _x, ...report } = record;
      result.reports.push(report);
    }
  }
  return result;
}
