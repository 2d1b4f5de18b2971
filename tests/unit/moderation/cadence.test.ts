import { describe, expect, it } from 'vitest';
import { createOutputChecker } from '@/lib/moderation/cadence';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createOutputChecker', () => {
  it('checks every few hundred new characters, not every delta, and once more at the end', async () => {
    const checked: number[] = [];
    const checker = createOutputChecker({
      everyChars: 100,
      check: async (t) => void checked.push(t.length),
    });
    let text = '';
    for (let i = 0; i < 50; i++) {
      text += 'abcdefghij';
      checker.onText(text);
      await tick();
    }
    await checker.finish(text + '!');
    expect(checked).toEqual([100, 200, 300, 400, 500, 501]);
  });

  it('never runs two checks at once and catches up with the latest text', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    let release: () => void = () => undefined;
    const checker = createOutputChecker({
      everyChars: 10,
      check: async (t) => {
        running++;
        most = Math.max(most, running);
        seen.push(t.length);
        await new Promise<void>((r) => (release = r));
        running--;
      },
    });
    checker.onText('x'.repeat(10));
    checker.onText('x'.repeat(25));
    checker.onText('x'.repeat(40));
    release();
    await tick();
    await tick();
    const finishing = checker.finish('x'.repeat(40));
    release();
    await finishing;
    expect(most).toBe(1);
    expect(seen).toEqual([10, 40]);
  });

  it('checks a short reply once at the end', async () => {
    const checked: string[] = [];
    const checker = createOutputChecker({
      everyChars: 400,
      check: async (t) => void checked.push(t),
    });
    checker.onText('short');
    await checker.finish('short reply');
    expect(checked).toEqual(['short reply']);
  });

  it('a failing check does not stop later ones', async () => {
    let calls = 0;
    const checker = createOutputChecker({
      everyChars: 5,
      check: async () => {
        calls++;
        if (calls === 1) throw new Error('down');
      },
    });
    checker.onText('12345');
    await tick();
    await checker.finish('1234567890');
    expect(calls).toBe(2);
  });
});
