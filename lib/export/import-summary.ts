/** The sentences an import ends with: counts in words, with the right plural and digit grouping. */
import type { ImportSkips } from './conversation-import';

/** "1 conversation", "20,000 conversations". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "Importing… 4,000 of 20,000": the progress line while batches are written. */
export function importProgressText(done: number, total: number): string {
  return `Importing… ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
}

interface Counts {
  conversations: number;
  messages: number;
}

/**
 * What a conversations import did: what was added, whether the rest was already there, and what
 * was skipped as not valid, with the first problem as a hint to find it in the file.
 */
export function conversationImportSummary(
  added: Counts,
  valid: Counts,
  skipped: ImportSkips,
): string {
  const parts = [
    `Imported ${plural(added.conversations, 'conversation')} and ${plural(added.messages, 'message')}`,
  ];
  if (added.conversations < valid.conversations || added.messages < valid.messages)
    parts.push('the rest were already here');
  const bad = [
    skipped.conversations ? plural(skipped.conversations, 'conversation') : '',
    skipped.messages ? plural(skipped.messages, 'message') : '',
  ].filter(Boolean);
  if (bad.length)
    parts.push(
      `skipped ${bad.join(' and ')} that ${skipped.conversations + skipped.messages === 1 ? 'was' : 'were'} not valid${skipped.hint ? ` (first problem: ${skipped.hint})` : ''}`,
    );
  return `${parts.join('; ')}.`;
}

/** What a feedback import did: "Imported 1 record; 5 were already here." */
export function feedbackImportSummary(added: number, skipped: number): string {
  return `Imported ${plural(added, 'record')}; ${skipped.toLocaleString('en')} ${skipped === 1 ? 'was' : 'were'} already here.`;
}
