import { describe, expect, it } from 'vitest';
import { createOutputChecker } from '@/lib/moderation/cadence';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createOutputChecker', () => {
  it('checks windows of new text with an overlap, not every delta, and the whole reply at the end', async () => {
    const checked: string[] = [];
    const checker = createOutputChecker({
      everyChars: 100,
      overlapChars: 30,
      check: async (t) => void checked.push(t),
    });
    let text = '';
    for (let i = 0; i < 50; i++) {
      text += String(i % 10).repeat(10);
      checker.onText(text);
      await tick();
    }
    await checker.finish(text + '!');
    // Each window starts 30 characters before the end of the last one (issue 17).
    expect(checked.map((t) => t.length)).toEqual([100, 130, 130, 130, 130, 501]);
    expect(checked[1]).toBe(text.slice(70, 200));
    expect(checked.at(-1)).toBe(text + '!');
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

  it('sends O(n) characters for a long reply: windows plus one whole check', async () => {
    let sent = 0;
    const checker = createOutputChecker({ check: async (t) => void (sent += t.length) });
    const next = (() => {
      let s = 7;
      return () => (s = (s * 48271) % 2147483647) / 2147483647;
    })();
    let text = '';
    while (text.length < 200_000) {
      text += 'word '.repeat(1 + Math.floor(next() * 8));
      checker.onText(text);
      if (next() < 0.3) await new Promise((r) => setImmediate(r));
    }
    await checker.finish(text);
    const n = text.length;
    expect(sent).toBeGreaterThan(2 * n);
    expect(sent).toBeLessThanOrEqual(1.2 * n + n);
  });

  it('catches a phrase split across two windows while the reply streams', async () => {
    const windows = (overlapChars: number) => {
      const seen: string[] = [];
      const checker = createOutputChecker({
        everyChars: 2_000,
        overlapChars,
        check: async (t) => void seen.push(t),
      });
      // The first window ends in the middle of the phrase.
      let text = `${'a'.repeat(1_998)}grue`;
      checker.onText(text);
      text += `some${'b'.repeat(2_000)}`;
      checker.onText(text);
      return { seen, finish: () => checker.finish(text) };
    };
    const overlapped = windows(200);
    await tick();
    expect(overlapped.seen).toHaveLength(2);
    expect(overlapped.seen[0]).not.toContain('gruesome');
    expect(overlapped.seen[1]).toContain('gruesome');
    await overlapped.finish();
    // Without the overlap neither streaming window holds it: only the check at the end would.
    const bare = windows(0);
    await tick();
    expect(bare.seen.some((t) => t.includes('gruesome'))).toBe(false);
  });
});
