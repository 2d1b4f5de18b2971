/** The sentences an import ends with: counts in words, with the right plural and digit grouping. */
import type { ImportSkips } from './conversation-import';
import { countNotice, notice } from '../model/notices';

/** "1 conversation", "20,000 conversations". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "Importing… 4,000 of 20,000": the progress line while batches are written. */
export function importProgressText(done: number, total: number): string {
  return notice('importProgress', done.toLocaleString('en'), total.toLocaleString('en'));
}

interface Counts {
  conversations: number;
  messages: number;
}

const conversations = (n: number) =>
  countNotice(n, 'countConversationOne', 'countConversations', n.toLocaleString('en'));
const messages = (n: number) =>
  countNotice(n, 'countMessageOne', 'countMessages', n.toLocaleString('en'));
const SUMMARIES = ['importSummary', 'importSummary2', 'importSummary3'] as const;

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
    notice('importAdded', conversations(added.conversations), messages(added.messages)),
  ];
  if (added.conversations < valid.conversations || added.messages < valid.messages)
    parts.push(notice('importRestHere'));
  const bad = [
    skipped.conversations ? conversations(skipped.conversations) : '',
    skipped.messages ? messages(skipped.messages) : '',
  ].filter(Boolean);
  if (bad.length) {
    const list = bad.reduceRight((rest, item) => notice('listAnd', item, rest));
    const one = skipped.conversations + skipped.messages === 1;
    parts.push(
      skipped.hint
        ? notice(one ? 'importSkippedOneHint' : 'importSkippedManyHint', list, skipped.hint)
        : notice(one ? 'importSkippedOne' : 'importSkippedMany', list),
    );
  }
  return notice(SUMMARIES[parts.length - 1] ?? 'importSummary3', ...parts);
}

/** What a feedback import did: "Imported 1 record; 5 were already here." */
export function feedbackImportSummary(added: number, skipped: number): string {
  const records = countNotice(added, 'countRecordOne', 'countRecords', added.toLocaleString('en'));
  return notice(
    skipped === 1 ? 'feedbackImportedOne' : 'feedbackImportedMany',
    records,
    skipped.toLocaleString('en'),
  );
}
