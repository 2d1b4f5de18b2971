import { describe, expect, it } from 'vitest';
import { SELECTION_ERRORS, toAttachment } from '@/lib/selection/to-attachment';
import type { CapturedSelection } from '@/lib/selection/capture';

const capture = (text: string, patch: Partial<CapturedSelection> = {}): CapturedSelection => ({
  text,
  url: 'https://example.test/page',
  title: 'Page',
  isCode: false,
  hiddenTextFound: false,
  ...patch,
});

describe('toAttachment', () => {
  it('picks the frame that has the selection', () => {
    const result = toAttachment(
      [
        null,
        capture(''),
        capture('func main() {}', {
          isCode: true,
          languageHint: 'language-go',
          url: 'https://f.test/',
        }),
      ],
      {
        maxChars: 1000,
        id: 'x',
      },
    );
    expect(result).toMatchObject({
      ok: true,
      attachment: { text: 'func main() {}', language: 'go', source: { url: 'https://f.test/' } },
    });
  });
  it('prefers the page’s hint over a guess', () => {
    const result = toAttachment(
      [capture('def f():\n    return 1', { isCode: true, languageHint: 'lang-ruby' })],
      { maxChars: 1000, id: 'x' },
    );
    expect(result.ok && result.attachment.language).toBe('ruby');
  });
  it('falls back to the context menu’s text, saying formatting may be lost', () => {
    const result = toAttachment([], {
      maxChars: 1000,
      id: 'x',
      fallback: { selectionText: 'a b c', url: 'chrome://x', title: 'PDF' },
    });
    expect(result).toMatchObject({ ok: true, attachment: { text: 'a b c', formattingLost: true } });
  });
  it('an empty selection gets the friendly message', () => {
    expect(toAttachment([null, capture('   ')], { maxChars: 10, id: 'x' })).toEqual({
      ok: false,
      error: 'empty',
    });
    expect(SELECTION_ERRORS.empty).toBe('Select some text first.');
  });
  it('marks hidden text found by the capture or by the normaliser', () => {
    const byCapture = toAttachment([capture('visible', { hiddenTextFound: true })], {
      maxChars: 100,
      id: 'x',
    });
    const byNormaliser = toAttachment([capture('vis\u200Bible')], { maxChars: 100, id: 'x' });
    expect(byCapture.ok && byCapture.attachment.hiddenTextRemoved).toBe(true);
    expect(byNormaliser.ok && byNormaliser.attachment).toMatchObject({
      text: 'visible',
      hiddenTextRemoved: true,
    });
  });
});
