import { beforeAll, describe, expect, it } from 'vitest';
import { loadNotices, localizeNotice } from '@/components/notices/localize';
import { createNoticeMatcher } from '@/components/notices/match';
import { notice } from '@/lib/model/notices';
import { ERROR_MESSAGES, INTERRUPT_MESSAGES } from '@/lib/llm/errors';
import { SAMPLE, SAMPLES } from './samples';

// The matcher loads as the panel loads it, before the texts are shown.
beforeAll(loadNotices);

// Names each recognised notice and its params, to see which template matched.
const marked = createNoticeMatcher((id, params) => `<${id}:${params.join('|')}>`);

describe('localizeNotice in English (the unit tests run with the en messages)', () => {
  it.each(SAMPLES)('$id round-trips to the same text, recognised as itself', ({ id, text }) => {
    expect(marked(text), text).toContain(`<${id}:`);
    expect(localizeNotice(text)).toBe(text);
  });

  it('recognises the sentences lib produces', () => {
    for (const text of [...Object.values(ERROR_MESSAGES), ...Object.values(INTERRUPT_MESSAGES)])
      expect(marked(text), text).not.toBeNull();
  });

  it('recognises several sentences joined with a space', () => {
    const text = `${ERROR_MESSAGES.storage} ${notice('selectionEmpty')}`;
    expect(marked(text)).toBe('<errorStorage:> <selectionEmpty:>');
    expect(localizeNotice(text)).toBe(text);
  });

  it('returns unknown text unchanged: server bodies, model text, bare parts', () => {
    for (const text of [
      'model "gpt-9" does not exist',
      'Error at line 5: no models',
      '3 models',
      'key accepted',
      `${ERROR_MESSAGES.auth} And then something the server said.`,
      'Reachable · something else · 3 models.',
      '',
      'x'.repeat(5000),
    ]) {
      expect(marked(text), text).toBeNull();
      expect(localizeNotice(text)).toBe(text);
    }
  });

  it('keeps a param with regex metacharacters exactly', () => {
    const text = notice('headerReserved', SAMPLE.text);
    expect(marked(text)).toBe(`<headerReserved:${SAMPLE.text}>`);
    expect(localizeNotice(text)).toBe(text);
  });

  it('finds the split when a part contains the separator it is joined with', () => {
    const hint = notice('issueIn', notice('issueMissing', 'message.role'), 'A; B and C');
    const text = notice(
      'importSummary2',
      notice('importAdded', notice('countConversations', '2'), notice('countMessages', '9')),
      notice('importSkippedOneHint', notice('countMessageOne', '1'), hint),
    );
    expect(marked(text)).toContain('<issueIn:<issueMissing:message.role>|A; B and C>');
  });
});
