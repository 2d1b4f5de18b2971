/**
 * Preference pairs for OpenAI's preference fine-tuning, from "Better/Worse" answers and rankings.
 * A ranking of n replies yields every (better, worse) pair: n·(n−1)/2 lines; "Same" yields none.
 */
import { createExportContext, type FeedbackData } from './context';
import type { ExportOptions } from './options';
import type { PreferencePairLine } from './schemas';

/** Every (better, worse) pair of a best→worst ranking. */
export function rankingToPairs(ranking: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < ranking.length; i++) {
    for (let j = i + 1; j < ranking.length; j++)
      pairs.push([ranking[i] as string, ranking[j] as string]);
  }
  return pairs;
}

/** Preference-pair lines (OpenAI DPO format) from ranked comparisons; ties give no pair. */
export function buildPreferencePairs(
  data: FeedbackData,
  options: ExportOptions,
): PreferencePairLine[] {
  const context = createExportContext(data, options);
  const lines: PreferencePairLine[] = [];
  for (const comparison of data.comparisons) {
    if (comparison.ties) continue;
    const messages = context.messagesThrough(comparison.parentId);
    if (!messages) continue;
    for (const [better, worse] of rankingToPairs(comparison.ranking)) {
      const preferred = context.message(better);
      const other = context.message(worse);
      if (!preferred || !other) continue;
      lines.push({
        input: { messages },
        preferred_output: [{ role: 'assistant', content: preferred.content }],
        non_preferred_output: [{ role: 'assistant', content: other.content }],
      });
    }
  }
  return lines;
}
