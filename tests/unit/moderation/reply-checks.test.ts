/**
 * Reply moderation for one turn (issue 17): while the reply streams, windows of its new text go to
 * the endpoint and a flag is reported on the way out; the whole reply is checked once at the end.
 */
import { describe, expect, it } from 'vitest';
import { moderateTurn } from '@/lib/moderation/turn';
import { createModerationProvider } from '@/lib/moderation/providers';
import { DEFAULT_MODERATION_SETTINGS } from '@/lib/model/moderation';
import type { ModerationRecord } from '@/lib/model/types';

const tick = () => new Promise((r) => setImmediate(r));

describe('reply checks', () => {
  it('flags a streaming reply from a window, before the end, then checks it whole once', async () => {
    const settings = { ...DEFAULT_MODERATION_SETTINGS, mode: 'block' as const };
    const inputs: string[] = [];
    const records: [string, ModerationRecord][] = [];
    const turn = moderateTurn({
      settings,
      provider: createModerationProvider(settings, {
        moderate: async (input) => {
          inputs.push(input);
          const hit = input.includes('gruesome');
          return {
            flagged: hit,
            categories: { 'violence/graphic': hit },
            category_scores: { 'violence/graphic': hit ? 0.9 : 0.01 },
          };
        },
      }),
      userMessageId: 'u',
      userText: 'tell me a story',
      assistantMessageId: 'a',
      report: (id, r) => records.push([id, r]),
    });
    if (!turn) throw new Error('moderation off');
    await turn.inputGate.verdict;
    let reply = '';
    for (let i = 0; i < 300; i++) {
      reply += i === 150 ? 'a gruesome scene. ' : `calm line ${i}. `;
      turn.onText(reply);
      await tick();
    }
    const flaggedWhileStreaming = records.filter(([id, r]) => id === 'a' && r.flagged);
    expect(flaggedWhileStreaming).toHaveLength(1);
    expect(flaggedWhileStreaming[0]?.[1]).toMatchObject({
      action: 'block',
      categories: ['violence/graphic'],
    });
    await turn.finish(reply, { kind: 'complete' });
    const replyChecks = inputs.slice(1);
    // Windows while streaming (none of them the whole reply), then the whole reply once.
    expect(replyChecks.slice(0, -1).every((t) => t.length < 2_500)).toBe(true);
    expect(replyChecks.filter((t) => t === reply)).toHaveLength(1);
    expect(replyChecks.at(-1)).toBe(reply);
    expect(records.at(-1)?.[1]).toMatchObject({ flagged: true, action: 'block' });
  });
});
