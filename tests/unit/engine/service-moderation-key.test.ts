import { describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import { createChatService, type ChatServiceDeps } from '@/lib/engine/service';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { LlmConfig, StreamPart } from '@/lib/llm/client';
import { fakeProvider } from './fake-provider';

let n = 0;
/** Runs one turn and returns the configs the chat and the moderation requests were given. */
async function run(moderationUrl: string, keys: { apiKey: string; moderationApiKey?: string }) {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    baseUrl: 'https://chat.example/v1',
    moderation: { ...DEFAULT_SETTINGS.moderation, mode: 'warn', baseUrl: moderationUrl },
  };
  const seen: { chat?: LlmConfig; moderation?: LlmConfig } = {};
  let id = 0;
  const deps: ChatServiceDeps = {
    db: new ParleyDb(`moderation-key-${++n}`),
    loadConfig: async () => ({ settings, ...keys }),
    provider: (config) =>
      fakeProvider({
        streamChat: () => {
          seen.chat = config;
          return (async function* (): AsyncGenerator<StreamPart> {
            yield { type: 'text', text: 'Hi' };
            yield { type: 'finish', reason: 'stop' };
          })();
        },
        moderate: async () => {
          seen.moderation = config;
          return { flagged: false, categories: {}, category_scores: {} };
        },
      }),
    broadcast: () => undefined,
    newId: () => `id${++id}`,
    now: () => 1000 + id,
    isOnline: () => true,
    onLiveCountChange: () => undefined,
  };
  const service = createChatService(deps);
  await service.send({
    type: 'send',
    requestId: 'r',
    conversationId: null,
    parentId: null,
    text: 'hello',
    attachments: [],
  });
  return seen;
}

describe('the moderation request key (issue 12)', () => {
  it('never falls back to the chat key when moderation is on another origin', async () => {
    const seen = await run('https://moderation.example/v1', { apiKey: 'sk-chat' });
    expect(seen.chat?.apiKey).toBe('sk-chat');
    expect(seen.moderation?.baseUrl).toBe('https://moderation.example/v1');
    expect(seen.moderation?.apiKey).toBe('');
  });

  it('uses the chat key on the chat origin, and the resolved moderation key when given', async () => {
    expect((await run('', { apiKey: 'sk-chat' })).moderation?.apiKey).toBe('sk-chat');
    expect(
      (await run('https://chat.example/other', { apiKey: 'sk-chat' })).moderation?.apiKey,
    ).toBe('sk-chat');
    const own = await run('https://moderation.example/v1', {
      apiKey: 'sk-chat',
      moderationApiKey: 'sk-mod',
    });
    expect(own.moderation?.apiKey).toBe('sk-mod');
    // The worker resolved "no key for that origin": '' stays '', it is not a cue to fall back.
    const none = await run('https://moderation.example/v1', {
      apiKey: 'sk-chat',
      moderationApiKey: '',
    });
    expect(none.moderation?.apiKey).toBe('');
  });
});
