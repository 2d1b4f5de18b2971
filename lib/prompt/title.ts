/**
 * A short title for a new conversation, asked of the model once after the first reply: cheap
 * (a few tokens), and the user can rename it anytime.
 */
import type { ModelMessage } from './messages';

/** The side request that names a conversation from its first question and answer. */
export function buildTitleRequest(question: string, answer: string): ModelMessage[] {
  return [
    {
      role: 'system',
      content:
        'Write a title of at most six words for this conversation. Reply with the title only: no quotes, no punctuation at the end.',
    },
    {
      role: 'user',
      content: `Question: ${question.slice(0, 1500)}\n\nAnswer: ${answer.slice(0, 1500)}`,
    },
  ];
}

/** Cleans what the model returned; null when nothing usable came back. */
export function cleanTitle(raw: string): string | null {
  const line =
    raw
      .replace(/<think>[\s\S]*?<\/think>/gi, '')
      .replace(/<[^>]*>/g, '')
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  const title = line
    .replace(/^(title:\s*)/i, '')
    .replace(/^["'“”‘’*#\s]+|["'“”‘’*.\s]+$/g, '')
    .replace(/\s+/g, ' ');
  if (!title) return null;
  return title.length > 60 ? `${title.slice(0, 59)}…` : title;
}
