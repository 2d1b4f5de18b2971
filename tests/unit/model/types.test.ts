import { describe, expect, it } from 'vitest';
import { isTerminal } from '@/lib/model/types';

describe('isTerminal', () => {
  it('treats streaming and pending as live, everything else as final', () => {
    expect(isTerminal({ kind: 'pending' })).toBe(false);
    expect(isTerminal({ kind: 'streaming' })).toBe(false);
    expect(isTerminal({ kind: 'stopped' })).toBe(true);
    expect(isTerminal({ kind: 'interrupted', reason: 'network' })).toBe(true);
  });
});
