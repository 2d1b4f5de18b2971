import { describe, expect, it } from 'vitest';
import { safeImageUrl, safeUrl } from '@/lib/markdown/safe-url';
import { referenceDefinitions, splitBlocks, trimUnfinished } from '@/lib/markdown/split-blocks';

describe('safeUrl', () => {
  it.each([
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://localhost:8080/', 'http://localhost:8080/'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['HTTPS://EXAMPLE.COM', 'https://example.com/'],
    [' https://example.com', 'https://example.com/'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['\u0000javascript:alert(1)', null],
    ['&#106;avascript:alert(1)', null],
    ['&#x6A;avascript:alert(1)', null],
    ['javascript&colon;alert(1)', null],
    ['vbscript:msgbox(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['data:image/png;base64,AAAA', null],
    ['blob:https://example.com/uuid', null],
    ['file:///etc/passwd', null],
    ['chrome://settings', null],
    ['//evil.example/x', null],
    ['/relative/path', null],
    ['relative', null],
    ['', null],
    [null, null],
    ['https://', null],
    ['http:/\\evil.example', 'http://evil.example/'],
  ])('%j → %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
  it('loads images only over https', () => {
    expect(safeImageUrl('https://e.test/i.png')).toBe('https://e.test/i.png');
    expect(safeImageUrl('http://e.test/i.png')).toBeNull();
    expect(safeImageUrl('data:image/png;base64,AAAA')).toBeNull();
  });
});

describe('splitBlocks', () => {
  const doc =
    '# Title\n\nA paragraph\nstill it.\n\n```go\nfunc a() {\n\n\treturn\n}\n```\n\n- one\n- two\n\n  continued\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';
  it('joins back to the input exactly', () => {
    expect(splitBlocks(doc).join('')).toBe(doc);
  });
  it('keeps a fenced block with blank lines whole, and an open fence runs to the end', () => {
    const blocks = splitBlocks(doc);
    expect(blocks.find((b) => b.startsWith('```go'))).toContain('\treturn\n}\n```');
    const open = splitBlocks('Intro\n\n```js\nconst a = 1;\n\nconst b = 2;');
    expect(open).toHaveLength(2);
    expect(open[1]).toBe('```js\nconst a = 1;\n\nconst b = 2;');
  });
  it('keeps an indented continuation with its list', () => {
    expect(splitBlocks(doc).find((b) => b.startsWith('- one'))).toContain('continued');
  });
});

describe('streaming helpers', () => {
  it('hides a half-typed link or unmatched emphasis at the very end', () => {
    expect(trimUnfinished('See [the docs](https://exa')).toBe('See ');
    expect(trimUnfinished('This is **bold')).toBe('This is bold');
    expect(trimUnfinished('Call `fn')).toBe('Call fn');
    expect(trimUnfinished('Done **here**.')).toBe('Done **here**.');
  });
  it('collects reference definitions for every block', () => {
    expect(referenceDefinitions('text [a][r]\n\n[r]: https://x.test/\n')).toBe(
      '[r]: https://x.test/',
    );
  });
});
