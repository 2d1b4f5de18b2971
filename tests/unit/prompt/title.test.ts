import { describe, expect, it } from 'vitest';
import { buildTitleRequest, cleanTitle } from '@/lib/prompt/title';

describe('conversation titles', () => {
  it('asks for a short title from the first exchange, cheaply', () => {
    const request = buildTitleRequest('What is a Go channel?', 'A typed conduit…'.repeat(500));
    expect(request[0]?.role).toBe('system');
    expect(request[0]?.content).toContain('at most six words');
    expect(request[1]?.content.length).toBeLessThan(3200);
  });
  it.each([
    ['"Go Channels Explained."', 'Go Channels Explained'],
    ['Title: Fermat’s little theorem', 'Fermat’s little theorem'],
    ['**Bold title**\nextra line', 'Bold title'],
    ['<think>hmm</think>Sorting in Rust', 'Sorting in Rust'],
    ['   ', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(cleanTitle(raw)).toBe(expected);
  });
  it('caps a long title', () => {
    expect(cleanTitle('word '.repeat(40))?.length).toBeLessThanOrEqual(60);
  });
});
