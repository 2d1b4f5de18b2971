/**
 * Issue 12 item 9: which frame's selection becomes the attachment when an ad frame keeps
 * focusing itself and re-selecting its own text, and what the attachment says about its source.
 */
import { describe, expect, it } from 'vitest';
import type { CapturedSelection } from '@/lib/selection/capture';
import {
  describeHidden,
  describeSource,
  toAttachment,
  type ToAttachmentOptions,
} from '@/lib/selection/to-attachment';

const TOP = 'https://news.example/story/2026/11/a-long-article-slug?ref=home';
const AD = 'https://ads.example/serve/banner.html?slot=42';

/** The page the user reads: the selection they made by hand. */
const top = (patch: Partial<CapturedSelection> = {}): CapturedSelection => ({
  text: 'The user’s paragraph.',
  url: TOP,
  title: 'A story',
  isCode: false,
  hiddenTextFound: false,
  frameDepth: 0,
  frameId: 0,
  hasFocus: false,
  userActivation: { hasBeenActive: true, isActive: true },
  ...patch,
});
/** A cross-origin ad frame that calls focus() and selects its own (longer) text every 50 ms. */
const ad = (patch: Partial<CapturedSelection> = {}): CapturedSelection => ({
  text: 'BUY NOW — the ad frame’s own text, longer than the user’s selection.',
  url: AD,
  title: 'ad',
  isCode: false,
  hiddenTextFound: false,
  frameDepth: 1,
  frameId: 7,
  hasFocus: true,
  crossOrigin: true,
  userActivation: { hasBeenActive: false, isActive: false },
  ...patch,
});

const opts: ToAttachmentOptions = { maxChars: 1000, id: 'a', pageUrl: TOP };
const chosen = (
  captures: (CapturedSelection | null)[],
  extra: Partial<ToAttachmentOptions> = {},
): string | false => {
  const result = toAttachment(captures, { ...opts, ...extra });
  return result.ok && result.attachment.text;
};

describe('which frame the user selected in', () => {
  it.each<[string, (CapturedSelection | null)[], Partial<ToAttachmentOptions>, 'top' | 'ad']>([
    ['ad frame focused, never touched by the user; the keyboard command', [top(), ad()], {}, 'top'],
    ['the same, frames in the other order', [ad(), top()], {}, 'top'],
    [
      'ad frame the user clicked long ago, focused now; the keyboard command',
      [top(), ad({ userActivation: { hasBeenActive: true, isActive: false } })],
      {},
      'top',
    ],
    [
      'the context menu was clicked in the top frame (frameId 0)',
      [ad(), top()],
      { frameId: 0 },
      'top',
    ],
    [
      'the context menu was clicked in the ad frame: the user meant it',
      [top({ hasFocus: true }), ad({ userActivation: { hasBeenActive: true, isActive: true } })],
      { frameId: 7 },
      'ad',
    ],
    [
      'the menu’s frame beats a frame whose text matches the menu text',
      [top({ text: 'BUY NOW — the ad frame’s own text' }), ad()],
      { frameId: 7, selectionText: 'BUY NOW — the ad frame’s own text' },
      'ad',
    ],
    ['only the subframe has a selection', [null, ad()], {}, 'ad'],
    [
      'only the subframe has user activation (the top frame’s selection was made by script)',
      [
        top({ userActivation: { hasBeenActive: false, isActive: false } }),
        ad({ userActivation: { hasBeenActive: true, isActive: false }, hasFocus: false }),
      ],
      {},
      'ad',
    ],
    [
      'the user just selected in a cross-origin frame (active and focused) over a stale top selection',
      [top(), ad({ userActivation: { hasBeenActive: true, isActive: true } })],
      {},
      'ad',
    ],
    [
      'the menu’s frame has nothing readable: the best other frame',
      [top(), ad({ frameId: 3 })],
      { frameId: 9 },
      'top',
    ],
  ])('%s', (_name, captures, extra, expected) => {
    expect(chosen(captures, extra)).toBe(expected === 'top' ? top().text : ad().text);
  });
});

describe('what the attachment says about its source', () => {
  it('a subframe’s text names the page it is in', () => {
    const result = toAttachment(
      [null, ad({ userActivation: undefined, crossOrigin: undefined })],
      opts,
    );
    expect(result.ok && result.attachment.source).toEqual({ url: AD, title: 'ad', topUrl: TOP });
  });

  it('the top frame’s text has no topUrl', () => {
    const result = toAttachment([top()], opts);
    expect(result.ok && result.attachment.source).toEqual({ url: TOP, title: 'A story' });
  });

  it.each([
    [
      { url: TOP, title: 't' },
      { host: 'news.example', path: '/story/2026/11/a-long-article-slug?ref=home' },
    ],
    [
      { url: AD, title: 'ad', topUrl: TOP },
      { host: 'ads.example', path: '/serve/banner.html?slot=42', frameIn: 'news.example' },
    ],
    [
      { url: 'http://127.0.0.1:4123/pages/x.html', title: '', topUrl: 'http://127.0.0.1:4123/' },
      { host: '127.0.0.1:4123', path: '/pages/x.html' },
    ],
    [
      { url: 'https://user:pw@evil.example/p', title: '' },
      { host: 'evil.example', path: '/p' },
    ],
    [
      { url: 'https://xn--80ak6aa92e.com/\u202Egpj.exe', title: '' },
      { host: 'xn--80ak6aa92e.com', path: '/%E2%80%AEgpj.exe' },
    ],
    [
      { url: 'about:srcdoc', title: '' },
      { host: 'about:srcdoc', path: '' },
    ],
  ])('describeSource(%j)', (source, expected) => {
    expect(describeSource(source)).toEqual(expected);
  });
});

describe('what the chip says about hidden text', () => {
  it('counts the passages and names the reasons', () => {
    const result = toAttachment(
      [
        top({
          hiddenTextFound: true,
          hidden: { count: 3, reasons: ['same-colour', 'off-screen'] },
        }),
      ],
      opts,
    );
    if (!result.ok) throw new Error('expected an attachment');
    expect(result.attachment.hiddenTextRemoved).toBe(true);
    expect(result.attachment.hiddenPassages).toEqual({
      count: 3,
      reasons: ['same-colour', 'off-screen'],
    });
    expect(describeHidden(result.attachment)).toBe(
      'Removed 3 hidden passages (same colour as background, off-screen).',
    );
  });

  it('invisible characters the normaliser took out count as one more passage', () => {
    const result = toAttachment(
      [top({ text: 'a\u202Eb', hiddenTextFound: true, hidden: { count: 1, reasons: ['tiny'] } })],
      opts,
    );
    if (!result.ok) throw new Error('expected an attachment');
    expect(describeHidden(result.attachment)).toBe(
      'Removed 2 hidden passages (too small to read, invisible characters).',
    );
  });

  it('one passage is singular; an old attachment with only the flag still gets a sentence', () => {
    expect(
      describeHidden({
        hiddenTextRemoved: true,
        hiddenPassages: { count: 1, reasons: ['covered'] },
      }),
    ).toBe('Removed 1 hidden passage (covered by another element).');
    expect(describeHidden({ hiddenTextRemoved: true })).toBe('Hidden text was removed.');
    expect(describeHidden({})).toBeUndefined();
  });

  it('reasons it does not know (a tampered or newer record) are not shown', () => {
    expect(
      describeHidden({
        hiddenTextRemoved: true,
        hiddenPassages: { count: 2, reasons: ['<img src=x>', 'clipped'] },
      }),
    ).toBe('Removed 2 hidden passages (clipped).');
  });
});
