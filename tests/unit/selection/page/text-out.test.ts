import { describe, expect, it } from 'vitest';
import { HiddenTally, TextOut } from '@/lib/selection/page/text-out';
import { COLLAPSE, LINES, PRESERVE } from '@/lib/selection/page/types';

const text = (build: (out: TextOut) => void): string => {
  const out = new TextOut(new HiddenTally());
  build(out);
  return out.text();
};

describe('TextOut', () => {
  it('collapses white space as the mode says, with nothing leading or trailing', () => {
    expect(text((o) => o.emitText('  a \n  b  ', { mode: COLLAPSE, code: false }))).toBe('a b');
    expect(text((o) => o.emitText('a  \n  b', { mode: LINES, code: false }))).toBe('a\nb');
    expect(text((o) => o.emitText('  a\n\tb', { mode: PRESERVE, code: true }))).toBe('  a\n\tb');
  });

  it('writes pending breaks and tabs only between pieces, never doubling newlines', () => {
    const out = text((o) => {
      o.breakAtLeast(2);
      o.emitText('one', { mode: COLLAPSE, code: false });
      o.breakAtLeast(2);
      o.emitText('two\n', { mode: PRESERVE, code: false });
      o.breakAtLeast(1);
      o.pendingTab = true;
      o.emitText('three', { mode: COLLAPSE, code: false });
      o.pendingTab = true;
      o.emitText('four', { mode: COLLAPSE, code: false });
    });
    expect(out).toBe('one\n\ntwo\nthree\tfour');
  });

  it('counts code characters for the code verdict', () => {
    const out = new TextOut(new HiddenTally());
    out.emitText('let x', { mode: PRESERVE, code: true });
    out.emitText(' words', { mode: COLLAPSE, code: false });
    expect([out.codeChars, out.chars]).toEqual([5, 11]);
  });
});

describe('HiddenTally', () => {
  it('counts a run of hidden text as one passage until visible text breaks it', () => {
    const tally = new HiddenTally();
    const out = new TextOut(tally);
    tally.note('tiny');
    tally.note('transparent');
    out.emitText('seen', { mode: COLLAPSE, code: false });
    out.emitText('   ', { mode: COLLAPSE, code: false }); // white space does not break a run
    tally.note('tiny');
    expect(tally).toMatchObject({ found: true, count: 2, reasons: ['tiny', 'transparent'] });
  });
});
