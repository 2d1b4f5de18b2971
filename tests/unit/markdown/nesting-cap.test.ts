/**
 * The nesting cap (issue 12, item 2): deep quotes, lists and emphasis become literal text past
 * the cap, before the parser sees them; everything within the cap, and all code, is untouched.
 */
import { describe, expect, it } from 'vitest';
import { capNesting, MAX_CONTAINER_DEPTH } from '@/lib/markdown/nesting-cap';

const MAX = MAX_CONTAINER_DEPTH;
const unchanged = (text: string) => expect(capNesting(text)).toEqual({ text, capped: false });
/** The text with its escapes removed: what the reader sees, character for character. */
const shown = (text: string) => text.replace(/\\([>*_~.)+-])/g, '$1');

describe('what stays as it is', () => {
  it.each([
    '# Title\n\nSome **bold**, *em*, ~~gone~~ and `code`.',
    '> quote\n> > nested\n\n- a\n  - b\n    - c\n\n1. one\n2. two',
    '* * *\n\n- - -\n\n---',
    'snake_case_name and __init__ and 2*3*4 and a * b',
    '| a | b |\n|---|---|\n| **x** | *y* |',
    '\\*not emphasis\\* and \\> not a quote',
  ])('ordinary markdown: %s', (text) => unchanged(text));

  it('balanced emphasis, however much of it', () => unchanged('**a** _b_ ~c~ '.repeat(500)));

  it('a thematic break of many dashes is not a list', () =>
    unchanged('- '.repeat(MAX + 10).trim()));

  it('nesting exactly at the cap', () => {
    unchanged('>'.repeat(MAX) + ' ok');
    unchanged('- '.repeat(MAX) + 'ok');
    unchanged('*'.repeat(MAX) + 'ok' + '*'.repeat(MAX));
  });

  it('fenced code keeps every byte, at top level and inside a list item or quote', () => {
    unchanged('```\n' + '>'.repeat(100) + '\n' + '*p '.repeat(100) + '\n```\nafter');
    unchanged('- step:\n  ```c\n  ' + 'char **argv; *p = *q; '.repeat(40) + '\n  ```');
    unchanged('> ```\n> ' + '- '.repeat(60) + 'x\n> ```');
    unchanged('$$\n' + '_{a}'.repeat(100) + '\n$$');
  });

  it('indented code is not containers', () => unchanged('    ' + '>'.repeat(100)));
});

describe('what is capped', () => {
  it('3000 quote markers: the first 32 nest, the rest are text, nothing lost', () => {
    const { text, capped } = capNesting('>'.repeat(3000) + ' ok');
    expect(capped).toBe(true);
    expect(text).toBe('>'.repeat(MAX) + '\\' + '>'.repeat(3000 - MAX) + ' ok');
  });

  it('quotes written with spaces, and quotes mixed with lists', () => {
    expect(capNesting('> '.repeat(40) + 'x').text).toBe(
      '> '.repeat(MAX) + '\\' + '> '.repeat(40 - MAX) + 'x',
    );
    const mixed = capNesting('> - '.repeat(20) + 'x').text;
    expect(mixed.startsWith('> - '.repeat(MAX / 2) + '\\>')).toBe(true);
    expect(shown(mixed)).toBe('> - '.repeat(20) + 'x');
  });

  it('bullets and ordered markers on one line', () => {
    expect(capNesting('- '.repeat(50) + 'x').text).toBe(
      '- '.repeat(MAX) + '\\- ' + '- '.repeat(50 - MAX - 1) + 'x',
    );
    expect(capNesting('1. '.repeat(40) + 'x').text).toBe(
      '1. '.repeat(MAX) + '1\\. ' + '1. '.repeat(40 - MAX - 1) + 'x',
    );
  });

  it('lists nested by indentation, line after line', () => {
    const lines = Array.from({ length: 60 }, (_, i) => ' '.repeat(2 * i) + '- x');
    const out = capNesting(lines.join('\n')).text.split('\n');
    expect(out[MAX - 1]).toBe(lines[MAX - 1]);
    expect(out[MAX]).toBe(' '.repeat(2 * MAX) + '\\- x');
    // Deeper lines are paragraph text inside the last item (indented 4 past its content).
    expect(out[MAX + 2]).toBe(lines[MAX + 2]);
  });

  it('an outdent after a blank line closes the items, so the count starts again', () => {
    const deep = Array.from({ length: 20 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n');
    unchanged(`${deep}\n\n${deep}\n\n${deep}`);
  });

  it('a lazy "2." line does not reset the count', () => {
    const lines: string[] = [];
    for (let i = 0; i < 50; i++) lines.push(' '.repeat(2 * i) + '- x', '2. lazy');
    expect(capNesting(lines.join('\n')).capped).toBe(true);
  });

  it('what looks like a fence but is not one hides nothing', () => {
    const deep = '>'.repeat(100);
    expect(capNesting('``` a`b\n' + deep).capped).toBe(true);
    // A quote's fence ends with the quote.
    expect(capNesting('> ```\n' + deep).capped).toBe(true);
    // A list item's fence ends at a line indented less than the item's content.
    expect(capNesting('- a\n  ```\n' + deep).capped).toBe(true);
  });

  it('a run of 6000 stars: 32 open, the rest escaped', () => {
    const { text } = capNesting('*'.repeat(6000) + 'x' + '*'.repeat(6000));
    expect(text.startsWith('*'.repeat(32) + '\\*\\*')).toBe(true);
    expect(text).toContain('x' + '*'.repeat(32) + '\\*');
    expect(shown(text)).toBe('*'.repeat(6000) + 'x' + '*'.repeat(6000));
  });

  it('openers spread over a paragraph, for each delimiter', () => {
    for (const ch of ['*', '_', '~']) {
      const input = `${ch}a `.repeat(3000) + 'x' + ` a${ch}`.repeat(3000);
      const { text, capped } = capNesting(input);
      expect(capped).toBe(true);
      // Openers past the cap, and then the closers left with nothing to close.
      expect(text.split(`\\${ch}`).length - 1).toBe(2 * (3000 - 32));
      expect(shown(text)).toBe(input);
    }
  });

  it('openers across the lines of one paragraph count together; a blank line resets', () => {
    expect(capNesting('*a\n'.repeat(40)).capped).toBe(true);
    unchanged('*a\n\n'.repeat(40));
  });

  it('is linear: 2 MB of hostile nesting in well under a second', () => {
    const inputs = [
      '>'.repeat(2_000_000),
      '- '.repeat(1_000_000),
      '*a '.repeat(700_000),
      Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + '- x').join('\n'),
    ];
    for (const input of inputs) {
      const start = performance.now();
      capNesting(input);
      expect(performance.now() - start).toBeLessThan(1500);
    }
  });
});
