import { describe, expect, it } from 'vitest';
import { hintsInClass, isGutter, joinHints } from '@/lib/selection/page/code';

const none = { dataLineNumber: false, ariaHidden: false };

describe('code', () => {
  it('knows highlighters’ gutters by class, generic names only when they hold digits', () => {
    const never = () => {
      throw new Error('text read although the class decides');
    };
    expect(isGutter('blob-num js-line-number', none, never)).toBe(true);
    expect(isGutter('gutter', none, () => '1\n2\n3')).toBe(true);
    expect(isGutter('gutter', none, () => 'sidebar text')).toBe(false);
    expect(isGutter('', { dataLineNumber: false, ariaHidden: true }, () => ' 12 ')).toBe(true);
    expect(isGutter('content', none, never)).toBe(false);
  });

  it('reads language names from class lists', () => {
    expect(hintsInClass('language-go hljs')).toEqual(['go']);
    expect(hintsInClass('hljs python')).toEqual(['python']);
    expect(hintsInClass('brush: js')).toEqual(['js']);
    expect(hintsInClass('brush:ruby')).toEqual(['ruby']);
    expect(hintsInClass('sourceCode haskell')).toEqual(['haskell']);
    expect(hintsInClass('plain words')).toEqual([]);
  });

  it('joins hints closest first without repeats', () => {
    expect(joinHints([' go ', 'go', '', 'hljs'])).toBe('go hljs');
    expect(joinHints([])).toBeUndefined();
  });
});
