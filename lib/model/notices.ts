/**
 * One catalogue of everything the worker and the libraries say to the user (issue 16). lib/
 * renders the English with `notice(id, ...params)`; the text crosses the port and is stored as
 * it is, and the panel (components/notices) recognises it by these templates and shows it in the
 * browser's language, so old replies read in the new language too. Pure data, no imports from
 * outside lib/model.
 */
import { NOTICE_ADVICE } from './notice-advice';
import { NOTICE_PARTS } from './notice-parts';
import { NOTICE_SENTENCES } from './notice-sentences';

/** Every template by id: the id is also the message `notice.<id>` in each language. */
export const NOTICES = { ...NOTICE_SENTENCES, ...NOTICE_ADVICE, ...NOTICE_PARTS } as const;

/** A notice's id. */
export type NoticeId = keyof typeof NOTICES;

/** Every id, in catalogue order. */
export const NOTICE_IDS = Object.keys(NOTICES) as NoticeId[];

/**
 * What a parameter holds, for recognising it: `text` is kept exactly as it came (a host, a
 * title, a server's words); `number` is digits; `notice` is any other notice, translated in turn
 * and required; `maybe` is translated when it is a notice and kept otherwise; a list of ids is
 * one of those notices (the grammar is kept tight so a server's text is never taken for one).
 */
export type NoticeParam = 'text' | 'number' | 'notice' | 'maybe' | readonly NoticeId[];

const LANGUAGES: readonly NoticeId[] = [
  'languageCyrillic',
  'languageArabic',
  'languageHebrew',
  'languageHindi',
  'languageKorean',
  'languageThai',
  'languageGreek',
  'languageChinese',
  'languageGerman',
  'languageFrench',
  'languagePortuguese',
  'languageItalian',
  'languageDutch',
];
const REASONS: readonly NoticeId[] = [
  'reasonNotDisplayed',
  'reasonInvisible',
  'reasonTransparent',
  'reasonSameColour',
  'reasonTiny',
  'reasonCollapsed',
  'reasonClipped',
  'reasonOffScreen',
  'reasonCovered',
  'reasonBlurred',
  'reasonInvisibleCharacters',
];
const REASON_LIST: readonly NoticeId[] = [...REASONS, 'listComma'];
// The hints a command follows (they end with a colon), and every way a no-models hint reads.
const COMMAND_HINTS: readonly NoticeId[] = [
  'hintOllama',
  'hintLmStudio',
  'hintLlamaCpp',
  'hintVllm',
  'hintLocalAi',
  'hintKoboldCpp',
  'hintOllamaOrigins',
];
const HINTS: readonly NoticeId[] = [
  'hintCommand',
  'hintJan',
  'hintTextgen',
  'hintOpenAiCompatible',
];
const KEYS: readonly NoticeId[] = ['keyAccepted', 'noKeyNeeded'];
const MODELS: readonly NoticeId[] = ['countModelOne', 'countModels'];
const CONVERSATIONS: readonly NoticeId[] = ['countConversationOne', 'countConversations'];
const MESSAGES: readonly NoticeId[] = ['countMessageOne', 'countMessages'];
const RECORDS: readonly NoticeId[] = ['countRecordOne', 'countRecords'];
const SKIPPED: readonly NoticeId[] = [...CONVERSATIONS, ...MESSAGES, 'listAnd'];
const CLAUSES: readonly NoticeId[] = [
  'importAdded',
  'importRestHere',
  'importSkippedOne',
  'importSkippedMany',
  'importSkippedOneHint',
  'importSkippedManyHint',
];
const ISSUES: readonly NoticeId[] = [
  'issueNotValid',
  'issueMissing',
  'issueOutOfRange',
  'issueWrongType',
  'issueUnknownValue',
];
const SERVER: readonly NoticeId[] = ['serverAt'];

/** The parameters that are not plain text, per template (unlisted ones are all `text`). */
export const NOTICE_PARAMS: Partial<Record<NoticeId, readonly NoticeParam[]>> = {
  builtinLanguageNotice: [LANGUAGES],
  settingsFirstTokenRange: ['number', 'number'],
  hiddenRemovedOne: ['number'],
  hiddenRemovedMany: ['number'],
  hiddenRemovedOneWhy: ['number', REASON_LIST],
  hiddenRemovedManyWhy: ['number', REASON_LIST],
  headerTooMany: ['number'],
  serverModels: [SERVER, MODELS],
  serverEmpty: [SERVER],
  serverNeedsKey: [SERVER],
  serverRefused: [SERVER],
  verdictOk: [KEYS, MODELS],
  verdictNoModels: [KEYS, HINTS],
  verdictRefusedLocal: [['hintCommand']],
  verdictServerError: ['number'],
  importProgress: ['number', 'number'],
  importSummary: [CLAUSES],
  importSummary2: [CLAUSES, CLAUSES],
  importSummary3: [CLAUSES, CLAUSES, CLAUSES],
  importNoneValid: ['maybe'],
  feedbackImportedOne: [RECORDS, 'number'],
  feedbackImportedMany: [RECORDS, 'number'],
  feedbackLineNotJson: ['number'],
  feedbackLineNotRecord: ['number'],
  listAnd: ['notice', 'notice'],
  listComma: ['notice', 'notice'],
  countModelOne: ['number'],
  countModels: ['number'],
  countConversationOne: ['number'],
  countConversations: ['number'],
  countMessageOne: ['number'],
  countMessages: ['number'],
  countRecordOne: ['number'],
  countRecords: ['number'],
  serverAt: ['maybe', 'text'],
  hintCommand: [COMMAND_HINTS, 'text'],
  importAdded: [CONVERSATIONS, MESSAGES],
  importSkippedOne: [SKIPPED],
  importSkippedMany: [SKIPPED],
  importSkippedOneHint: [SKIPPED, 'maybe'],
  importSkippedManyHint: [SKIPPED, 'maybe'],
  issueIn: [ISSUES, 'text'],
};

/** Whether `id` is a part, recognised only as a parameter of another notice. */
export function isNoticePart(id: NoticeId): boolean {
  return Object.hasOwn(NOTICE_PARTS, id);
}

/** The English text of notice `id` with `params` in its `$1`…`$9`. */
export function notice(id: NoticeId, ...params: readonly (string | number)[]): string {
  return NOTICES[id].replace(/\$([1-9])/g, (_, n: string) => String(params[Number(n) - 1] ?? ''));
}

/** "1 model", "3 models": a count part in the right form (`n` as the caller writes it). */
export function countNotice(
  n: number,
  one: NoticeId,
  many: NoticeId,
  written: string = String(n),
): string {
  return notice(n === 1 ? one : many, written);
}
