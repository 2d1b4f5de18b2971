import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import {
  openFence,
  splitBlocks,
  trimUnfinished,
  unfinishedMathStart,
} from '@/lib/markdown/split-blocks';
import { isClosedMathBlock, isInlineMath, remarkMathGuard } from '@/lib/markdown/math-guard';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  data?: { hChildren?: { properties?: { className?: string[] } }[] };
}

function parse(text: string): Node[] {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkMathGuard);
  return (processor.runSync(processor.parse(text), text) as Node).children ?? [];
}

function flat(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);
}

const maths = (text: string) =>
  flat(parse(text))
    .filter((n) => n.type === 'inlineMath' || n.type === 'math')
    .map((n) => `${n.type}:${n.value}`);

describe('splitBlocks with $$ math', () => {
  it('keeps a display block whole across blank lines, and gives back the input', () => {
    const doc = 'Intro\n\n$$\na = 1\n\nb = 2\n$$\n\nAfter';
    const blocks = splitBlocks(doc);
    expect(blocks.join('')).toBe(doc);
    expect(blocks).toContain('$$\na = 1\n\nb = 2\n$$\n\n');
    expect(blocks[blocks.length - 1]).toBe('After');
  });

  it('runs an unclosed $$ block to the end, as it streams', () => {
    const blocks = splitBlocks('Intro\n\n$$\na = 1\n\nb');
    expect(blocks).toEqual(['Intro\n\n', '$$\na = 1\n\nb']);
  });

  it('needs as many dollars to close as opened', () => {
    const doc = '$$$\n$$\n\nx\n$$$\n\nnext';
    expect(splitBlocks(doc)).toEqual(['$$$\n$$\n\nx\n$$$\n\n', 'next']);
  });

  it('does not take inline $$…$$ on one line for a fence', () => {
    expect(splitBlocks('$$x$$\n\ny')).toEqual(['$$x$$\n\n', 'y']);
    expect(openFence('$$x$$')).toBeNull();
  });

  it('says which fence is open at the end', () => {
    expect(openFence('a\n$$\nx')).toBe('$$');
    expect(openFence('a\n$$\nx\n$$')).toBeNull();
    expect(openFence('```js\n$$\n')).toBe('```');
  });

  it('trimUnfinished leaves the TeX of an open math block alone', () => {
    const open = '$$\n\\left[ x **';
    expect(trimUnfinished(open)).toBe(open);
    expect(trimUnfinished('Call `fn')).toBe('Call fn');
  });
});

describe('remarkMathGuard', () => {
  it('keeps prices as prose: no space inside the dollars, no digit after', () => {
    expect(maths('costs $5 and $10')).toEqual([]);
    expect(maths('between $5 and $10 each')).toEqual([]);
    expect(maths('$ x $')).toEqual([]);
    expect(maths('from $a$5')).toEqual([]);
  });

  it('reads $x$ and $$x$$ inline as math', () => {
    expect(maths('Let $x^2$ and $$y$$ be')).toEqual(['inlineMath:x^2', 'inlineMath:y']);
    expect(maths('so $a + b$.')).toEqual(['inlineMath:a + b']);
  });

  it('keeps the prose of a reverted span exactly', () => {
    const text = flat(parse('costs $5 and $10'))
      .filter((n) => n.type === 'text')
      .map((n) => n.value)
      .join('');
    expect(text).toBe('costs $5 and $10');
  });

  it('makes a paragraph of only $$…$$ display math', () => {
    expect(maths('$$E = mc^2$$')).toEqual(['math:E = mc^2']);
    expect(maths('see $$E$$ here')).toEqual(['inlineMath:E']);
  });

  it('keeps content written on the opening $$ line', () => {
    expect(maths('$$ x = 1\n+ 2\n$$')).toEqual(['math:x = 1\n+ 2']);
  });

  it('marks a $$ block without its closing fence as open', () => {
    const classes = (text: string) =>
      flat(parse(text)).find((n) => n.type === 'math')?.data?.hChildren?.[0]?.properties?.className;
    expect(classes('$$\nx = ')).toContain('math-open');
    expect(classes('$$')).toContain('math-open');
    expect(classes('$$\nx\n$$')).not.toContain('math-open');
    expect(classes('> $$\n> x\n> $$')).not.toContain('math-open');
  });

  it('decides inline spans and closed blocks from the source', () => {
    expect(isInlineMath('$x$', ' ')).toBe(true);
    expect(isInlineMath('$x$', '1')).toBe(false);
    expect(isInlineMath('$ x$', undefined)).toBe(false);
    expect(isInlineMath('$$ x $$', '1')).toBe(true);
    expect(isClosedMathBlock('$$\nx\n$$')).toBe(true);
    expect(isClosedMathBlock('$$$\nx\n$$')).toBe(false);
  });
});

describe('inline math still streaming', () => {
  it('finds an unclosed $ or $$ that opens TeX on the last line', () => {
    expect(unfinishedMathStart('Let $\\frac{a')).toBe(4);
    expect(unfinishedMathStart('so $$x^')).toBe(3);
    expect(unfinishedMathStart('Done $x^2$ here')).toBe(-1);
    expect(unfinishedMathStart('costs $5 and')).toBe(-1);
    expect(unfinishedMathStart('costs $ \\alpha')).toBe(-1);
    expect(unfinishedMathStart('escaped \\$\\alpha')).toBe(-1);
    expect(unfinishedMathStart('code `$\\alpha')).toBe(-1);
    expect(unfinishedMathStart('$a$ then $b_')).toBe(9);
  });

  it('shows it as code without the dollar, and keeps the TeX whole', () => {
    expect(trimUnfinished('Let $\\left[ x^')).toBe('Let `\\left[ x^`');
    expect(trimUnfinished('**Bold** and $$a_')).toBe('**Bold** and `a_`');
    expect(trimUnfinished('Call **x and $\\beta')).toBe('Call x and `\\beta`');
    expect(trimUnfinished('tick $a`b\\')).toBe('tick ``a`b\\``');
    expect(trimUnfinished('costs $5 and')).toBe('costs $5 and');
  });
});
