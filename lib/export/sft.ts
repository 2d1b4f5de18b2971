/** Supervised fine-tuning examples: each thumbs-up reply with the conversation that led to it. */
import { createExportContext, type FeedbackData } from './context';
import type { ExportOptions } from './options';
import type { SftExampleLine } from './schemas';

/** Fine-tuning examples from thumbs-up replies, each with the request as the model saw it. */
export function buildSftExamples(data: FeedbackData, options: ExportOptions): SftExampleLine[] {
  const context = createExportContext(data, options);
  const lines: SftExampleLine[] = [];
  for (const rating of data.ratings) {
    if (rating.value !== 'good') continue;
    const reply = context.message(rating.messageId);
    if (!reply?.parentId || !reply.content) continue;
    const messages = context.messagesThrough(reply.parentId);
    if (!messages) continue;
    lines.push({ messages: [...messages, { role: 'assistant', content: reply.content }] });
  }
  return lines;
}
