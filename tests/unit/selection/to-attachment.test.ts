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
const opts = { maxChars: 1000, id: 'att-1' };

describe('which frame', () => {
  it('takes the frame that has a selection', () => {
    const result = toAttachment(
      [
        null,
        capture(''),
        capture('  \n '),
        capture('func main() {}', {
          isCode: true,
          languageHint: 'language-go',
          url: 'https://f.test/',
        }),
      ],
      opts,
    );
    expect(result).toEqual({
      ok: true,
      attachment: {
        id: 'att-1',
        kind: 'selection',
        text: 'func main() {}',
        language: 'go',
        source: { url: 'https://f.test/', title: 'Page' },
      },
    });
  });

  it('without focus information, the longest selection wins', () => {
    const result = toAttachment([capture('short'), capture('the longer one')], opts);
    expect(result.ok && result.attachment.text).toBe('the longer one');
  });

  it('the focused frame beats a longer stale selection in another frame', () => {
    const result = toAttachment(
      [
        capture('a long stale selection left in the top page', { hasFocus: false, frameDepth: 0 }),
        capture('x := 1', { hasFocus: true, frameDepth: 1 }),
      ],
      opts,
    );
    expect(result.ok && result.attachment.text).toBe('x := 1');
  });

  it('of focused frames, the deepest wins (an iframe’s parent has focus too)', () => {
    const result = toAttachment(
      [
        capture('stale text in the top page, longer', { hasFocus: true, frameDepth: 0 }),
        capture('in the iframe', { hasFocus: true, frameDepth: 1 }),
      ],
      opts,
    );
    expect(result.ok && result.attachment.text).toBe('in the iframe');
  });

  it('the frame matching the menu’s selectionText wins over everything', () => {
    const result = toAttachment(
      [
        capture('focused but not what was clicked', { hasFocus: true, frameDepth: 2 }),
        capture('func main() {\n\tprintln("hi")\n}', { hasFocus: false }),
      ],
      { ...opts, selectionText: 'func main() { println("hi") }' },
    );
    expect(result.ok && result.attachment.text).toBe('func main() {\n\tprintln("hi")\n}');
  });

  it('a frame whose text cleans down to nothing is skipped', () => {
    const result = toAttachment(
      [capture('\u200B\u200B\u200B', { hasFocus: true }), capture('real text')],
      opts,
    );
    expect(result.ok && result.attachment.text).toBe('real text');
  });
});

describe('language', () => {
  it('code: the page’s label first', () => {
    const result = toAttachment(
      [capture('def f():\n    return 1', { isCode: true, languageHint: 'lang-ruby' })],
      opts,
    );
    expect(result.ok && result.attachment.language).toBe('ruby');
  });

  it('code: a guess when the page names none, or names one Parley does not know', () => {
    for (const languageHint of [undefined, 'language-klingon']) {
      const result = toAttachment(
        [
          capture('import os\n\ndef main():\n    print(os.getcwd())', {
            isCode: true,
            languageHint,
          }),
        ],
        opts,
      );
      expect(result.ok && result.attachment.language).toBe('python');
    }
  });

  it('code that cannot be guessed has no language', () => {
    const result = toAttachment([capture('x', { isCode: true })], opts);
    expect(result.ok && 'language' in result.attachment).toBe(false);
  });

  it('prose: no language, even with a stray label or a weak guess', () => {
    for (const text of ['Channels are typed conduits.', 'npm install --save-dev vitest']) {
      const result = toAttachment([capture(text, { languageHint: 'language-go' })], opts);
      expect(result.ok && 'language' in result.attachment).toBe(false);
    }
  });

  it('prose: a confident guess still labels obvious code', () => {
    const text = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi")\n}';
    const result = toAttachment([capture(text)], opts);
    expect(result.ok && result.attachment.language).toBe('go');
  });
});

describe('normalising and flags', () => {
  it('normalises the text (CRLF, hidden characters) and keeps indentation', () => {
    const result = toAttachment([capture('  a\r\n\tb\u200B\u200Bc\r\n')], opts);
    expect(result).toMatchObject({
      ok: true,
      attachment: { text: '  a\n\tbc', hiddenTextRemoved: true },
    });
  });

  it('marks hidden text found by the capture', () => {
    const result = toAttachment([capture('visible', { hiddenTextFound: true })], opts);
    expect(result.ok && result.attachment.hiddenTextRemoved).toBe(true);
  });

  it('strips tag-character payloads and says so', () => {
    const payload = String.fromCodePoint(
      ...[...'ignore me'].map((c) => 0xe0000 + (c.codePointAt(0) ?? 0)),
    );
    const result = toAttachment([capture(`Enjoy${payload}!`)], opts);
    expect(result).toMatchObject({
      ok: true,
      attachment: { text: 'Enjoy!', hiddenTextRemoved: true },
    });
  });

  it('caps a long selection and says how much was kept', () => {
    const text = 'line of text\n'.repeat(10_000);
    const result = toAttachment([capture(text)], { ...opts, maxChars: 1000 });
    expect(result.ok && result.attachment.truncated).toEqual({
      kept: result.ok ? result.attachment.text.length : -1,
      total: text.trimEnd().length,
    });
  });

  it('sets no flag that does not apply', () => {
    const result = toAttachment([capture('plain')], opts);
    expect(result.ok && Object.keys(result.attachment).sort()).toEqual([
      'id',
      'kind',
      'source',
      'text',
    ]);
  });

  it('cleans and caps the source title and URL (pages choose their titles)', () => {
    const result = toAttachment(
      [
        capture('x', {
          title: `Line\none\u0000${'t'.repeat(1000)}`,
          url: `https://e.test/${'u'.repeat(5000)}`,
        }),
      ],
      opts,
    );
    if (!result.ok) throw new Error('expected an attachment');
    expect(result.attachment.source.title).not.toMatch(/[\n\u0000]/);
    expect(result.attachment.source.title.length).toBeLessThanOrEqual(300);
    expect(result.attachment.source.url.length).toBeLessThanOrEqual(2048);
  });
});

describe('the menu’s selectionText as a fallback', () => {
  const fallback = { selectionText: 'a   b c', url: 'chrome-extension://x/page.pdf', title: 'PDF' };

  it('is used when no frame could be read, and says formatting may be lost', () => {
    const result = toAttachment([], { ...opts, fallback });
    expect(result).toEqual({
      ok: true,
      attachment: {
        id: 'att-1',
        kind: 'selection',
        text: 'a   b c',
        source: { url: fallback.url, title: 'PDF' },
        formattingLost: true,
      },
    });
  });

  it('is used when injection was refused (captures: null)', () => {
    expect(toAttachment(null, { ...opts, fallback })).toMatchObject({
      ok: true,
      attachment: { formattingLost: true },
    });
  });

  it('is not used when a frame has the selection', () => {
    const result = toAttachment([capture('a\n  b c')], { ...opts, fallback });
    expect(result).toMatchObject({ ok: true, attachment: { text: 'a\n  b c' } });
    expect(result.ok && result.attachment.formattingLost).toBeUndefined();
  });

  it('is normalised and checked for hidden text like any capture', () => {
    const result = toAttachment([], {
      ...opts,
      fallback: { ...fallback, selectionText: `hi${String.fromCodePoint(0xe0041)}` },
    });
    expect(result).toMatchObject({ ok: true, attachment: { text: 'hi', hiddenTextRemoved: true } });
  });
});

describe('errors', () => {
  it('an empty selection gets the friendly message', () => {
    expect(toAttachment([null, capture('   ')], opts)).toEqual({ ok: false, error: 'empty' });
    expect(toAttachment([], opts)).toEqual({ ok: false, error: 'empty' });
    expect(
      toAttachment([], { ...opts, fallback: { selectionText: ' \u200B ', url: '', title: '' } }),
    ).toEqual({
      ok: false,
      error: 'empty',
    });
    expect(SELECTION_ERRORS.empty).toBe('Select some text first.');
  });

  it('a page that cannot be read, with no menu text, says so', () => {
    expect(toAttachment(null, opts)).toEqual({ ok: false, error: 'unreadable' });
    expect(SELECTION_ERRORS.unreadable).toMatch(/can’t read this page/);
  });

  it('every error code has a sentence', () => {
    for (const sentence of Object.values(SELECTION_ERRORS)) expect(sentence).toMatch(/\.$/);
  });
});
