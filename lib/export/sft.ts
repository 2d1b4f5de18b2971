/** Supervised fine-tuning examples: each thumbs-up reply with the history that led to it. */
import { createExportContext, type FeedbackData } from './context';
import type { ExportOptions } from './options';
import type { SftExampleLine } from './schemas';

export function buildSftExamples(data: FeedbackData, options: ExportOptions): SftExampleLine[] {
  const context = createExportContext(data, options);
  const lines: SftExampleLine[] = [];
  for (const rating of data.ratings) {
    if (rating.value !== 'good') continue;
    const reply = context.message(rating.messageId);
    if (!reply?.parentId || !reply.content) continue;
    const history = context.historyThrough(reply.parentId);
    if (!history) continue;
    lines.push({ messages: [...history, { role: 'assistant', content: reply.content }] });
  }
  return lines;
}
