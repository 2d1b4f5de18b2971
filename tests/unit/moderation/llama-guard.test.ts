import { describe, expect, it } from 'vitest';
import { buildLlamaGuardMessages, parseLlamaGuard } from '@/lib/moderation/llama-guard';

describe('parseLlamaGuard', () => {
  it.each([
    ['safe', { flagged: false, codes: [], categories: [] }],
    ['  Safe\n', { flagged: false, codes: [], categories: [] }],
    ['unsafe\nS1', { flagged: true, codes: ['S1'], categories: ['violence'] }],
    ['unsafe\nS1,S10', { flagged: true, codes: ['S1', 'S10'], categories: ['violence', 'hate'] }],
    [
      'UNSAFE\n s11 ,  s4',
      { flagged: true, codes: ['S11', 'S4'], categories: ['self-harm', 'sexual/minors'] },
    ],
    ['unsafe\nS3\nS12', { flagged: true, codes: ['S3', 'S12'], categories: ['sexual'] }],
    ['unsafe', { flagged: true, codes: [], categories: ['unsafe'] }],
    ['unsafe\nS99', { flagged: true, codes: [], categories: ['unsafe'] }],
  ])('%j', (answer, expected) => {
    expect(parseLlamaGuard(answer)).toEqual(expected);
  });
  it.each(['', 'I cannot help with that.', 'The text is safe to share', 'maybe'])(
    'refuses %j',
    (answer) => {
      expect(parseLlamaGuard(answer)).toBeNull();
    },
  );
});

describe('buildLlamaGuardMessages', () => {
  it('puts a reply after a user turn so the guard classifies the last turn', () => {
    expect(buildLlamaGuardMessages('hi', 'user')).toEqual([{ role: 'user', content: 'hi' }]);
    expect(buildLlamaGuardMessages('reply', 'assistant').at(-1)).toEqual({
      role: 'assistant',
      content: 'reply',
    });
  });
});
