/** The sentences an import ends with (issue 12): right plurals, grouped digits, the skipped count. */
import { describe, expect, it } from 'vitest';
import {
  conversationImportSummary,
  feedbackImportSummary,
  importProgressText,
  plural,
} from '@/lib/export/import-summary';

describe('import sentences', () => {
  it('says "1 conversation", not "1 conversations"', () => {
    expect(plural(1, 'conversation')).toBe('1 conversation');
    expect(plural(0, 'conversation')).toBe('0 conversations');
    expect(plural(20_000, 'message')).toBe('20,000 messages');
  });

  it('shows progress with grouped digits', () => {
    expect(importProgressText(4_000, 20_000)).toBe('Importing… 4,000 of 20,000');
  });

  it('counts what was added, what was already here, and what was skipped, with a hint', () => {
    expect(
      conversationImportSummary(
        { conversations: 1, messages: 2 },
        { conversations: 1, messages: 2 },
        { conversations: 0, messages: 0 },
      ),
    ).toBe('Imported 1 conversation and 2 messages.');
    expect(
      conversationImportSummary(
        { conversations: 0, messages: 0 },
        { conversations: 3, messages: 9 },
        { conversations: 0, messages: 0 },
      ),
    ).toBe('Imported 0 conversations and 0 messages; the rest were already here.');
    expect(
      conversationImportSummary(
        { conversations: 3, messages: 6 },
        { conversations: 3, messages: 6 },
        { conversations: 2, messages: 1, hint: 'conversation.updatedAt is out of range' },
      ),
    ).toBe(
      'Imported 3 conversations and 6 messages; skipped 2 conversations and 1 message that were not valid (first problem: conversation.updatedAt is out of range).',
    );
    expect(
      conversationImportSummary(
        { conversations: 1, messages: 1 },
        { conversations: 1, messages: 1 },
        { conversations: 0, messages: 1 },
      ),
    ).toBe('Imported 1 conversation and 1 message; skipped 1 message that was not valid.');
  });

  it('feedback: "1 record", and what was already here', () => {
    expect(feedbackImportSummary(1, 1)).toBe('Imported 1 record; 1 was already here.');
    expect(feedbackImportSummary(3, 0)).toBe('Imported 3 records; 0 were already here.');
  });
});
