/** The title side request (lib/engine/title). */
import { describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import { createConversation, getConversation } from '@/lib/db/conversations';
import { titleConversation } from '@/lib/engine/title';
import type { BackgroundToPanel } from '@/lib/protocol';
import { fakeProvider } from './fake-provider';

let n = 0;
async function setup(answer: string) {
  const db = new ParleyDb(`title-${++n}`);
  await createConversation(db, { id: 'c', model: 'm', systemPrompt: '', title: 'Hi', now: 1 });
  const conversation = await getConversation(db, 'c');
  if (!conversation) throw new Error('not stored');
  const events: BackgroundToPanel[] = [];
  const signals: AbortSignal[] = [];
  const provider = fakeProvider({
    complete: async (_request, signal) => {
      signals.push(signal);
      return answer;
    },
  });
  const deps = {
    db,
    broadcast: (e: BackgroundToPanel) => events.push(e),
    readConversation: (id: string) => getConversation(db, id),
  };
  const turn = { conversation, question: 'Hi', answer: 'Hello!', model: 'm' };
  return { db, events, signals, provider, deps, turn };
}

describe('titleConversation', () => {
  it('stores the model’s title, marked, and tells the panel', async () => {
    const t = await setup('"Greetings"');
    await titleConversation(t.deps, t.provider, t.turn, new AbortController().signal);
    expect(await getConversation(t.db, 'c')).toMatchObject({ titledByModel: true });
    const stored = (await getConversation(t.db, 'c'))?.title;
    expect(t.events).toEqual([{ type: 'title', conversationId: 'c', title: stored }]);
    expect(t.signals[0]?.aborted).toBe(false);
  });

  it('never overwrites a title the user gave meanwhile', async () => {
    const t = await setup('Greetings');
    await t.db.conversations.update('c', { title: 'Mine' });
    await titleConversation(t.deps, t.provider, t.turn, new AbortController().signal);
    expect((await getConversation(t.db, 'c'))?.title).toBe('Mine');
    expect(t.events).toEqual([]);
  });

  it('ignores the answer once the conversation is deleted', async () => {
    const t = await setup('Greetings');
    const deleted = new AbortController();
    deleted.abort();
    await titleConversation(t.deps, t.provider, t.turn, deleted.signal);
    expect(t.signals[0]?.aborted).toBe(true);
    expect((await getConversation(t.db, 'c'))?.title).toBe('Hi');
  });
});
