/**
 * Pieces of notices: counts, names, list joins and clauses that a sentence's template takes as
 * a parameter. The panel recognises them only inside a sentence, never as a text of their own
 * (a server's text may well read "3 models").
 */

/** The parts, as English templates. */
export const NOTICE_PARTS = {
  listAnd: '$1 and $2',
  listComma: '$1, $2',
  countModelOne: '$1 model',
  countModels: '$1 models',
  countConversationOne: '$1 conversation',
  countConversations: '$1 conversations',
  countMessageOne: '$1 message',
  countMessages: '$1 messages',
  countRecordOne: '$1 record',
  countRecords: '$1 records',

  // Servers (lib/llm/server-advice).
  serverOpenAiCompatible: 'OpenAI-compatible server',
  serverAt: '$1 at $2',
  keyAccepted: 'key accepted',
  noKeyNeeded: 'no key needed',
  hintCommand: '$1 $2',

  // What an import skipped (lib/export): its clauses and the first problem it found.
  importAdded: 'Imported $1 and $2',
  importRestHere: 'the rest were already here',
  importSkippedOne: 'skipped $1 that was not valid',
  importSkippedMany: 'skipped $1 that were not valid',
  importSkippedOneHint: 'skipped $1 that was not valid (first problem: $2)',
  importSkippedManyHint: 'skipped $1 that were not valid (first problem: $2)',
  issueNotValid: '$1 is not valid',
  issueMissing: '$1 is missing',
  issueOutOfRange: '$1 is out of range',
  issueWrongType: '$1 has the wrong type',
  issueUnknownValue: '$1 has a value Parley does not know',
  issueIn: '$1 (in “$2”)',
  issueConversationTwice: 'conversation $1 appears twice',
  issueMessageTwice: 'message $1 appears twice',
  issueForeignMessages: '“$1” has messages from another conversation',

  // Why page text was left out (lib/selection HIDDEN_REASON_LABELS).
  reasonNotDisplayed: 'not displayed',
  reasonInvisible: 'invisible',
  reasonTransparent: 'transparent',
  reasonSameColour: 'same colour as background',
  reasonTiny: 'too small to read',
  reasonCollapsed: 'squeezed to nothing',
  reasonClipped: 'clipped',
  reasonOffScreen: 'off-screen',
  reasonCovered: 'covered by another element',
  reasonBlurred: 'blurred',
  reasonInvisibleCharacters: 'invisible characters',

  // Languages the built-in model may not know (lib/llm/builtin/language).
  languageCyrillic: 'Russian or another Cyrillic-script language',
  languageArabic: 'Arabic',
  languageHebrew: 'Hebrew',
  languageHindi: 'Hindi',
  languageKorean: 'Korean',
  languageThai: 'Thai',
  languageGreek: 'Greek',
  languageChinese: 'Chinese',
  languageGerman: 'German',
  languageFrench: 'French',
  languagePortuguese: 'Portuguese',
  languageItalian: 'Italian',
  languageDutch: 'Dutch',
} as const;
