/**
 * What the probe learned, kept past the worker (issue 17, M1 cold): a restarted worker plans its
 * first request from the cache without waiting for the server, probes as before without it, and
 * a refusal still corrects what the cache said.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createContextWindows,
  type ServerFacts,
  type ServerFactsCache,
} from '@/lib/engine/context-window';
import type { ModelProvider } from '@/lib/llm/provider';

const BASE = 'http://127.0.0.1:8080/v1';
const KEY = `${BASE}\ntiny`;

/** A cache in memory, like `chrome.storage.session` across worker restarts. */
function memoryCache(initial: Record<string, ServerFacts> = {}) {
  let stored = structuredClone(initial);
  const saves: Record<string, ServerFacts>[] = [];
  const cache: ServerFactsCache = {
    load: async () => structuredClone(stored),
    save: async (all) => {
      stored = structuredClone(all);
      saves.push(stored);
    },
  };
  return { cache, saves, stored: () => stored };
}

/** A provider whose probe answers `size` (or, with 'hang', never), counting the calls. */
function provider(size: number | null | 'hang', calls: string[] = []): ModelProvider {
  return {
    streamChat: () => (async function* () {})(),
    complete: async () => '',
    listModels: async () => [],
    moderate: async () => ({ flagged: false, categories: [] }) as never,
    contextSize: (model, signal) => {
      calls.push(model);
      if (size !== 'hang') return Promise.resolve(size);
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason)),
      );
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the cache of what servers said', () => {
  it('a cold worker with the cache plans at once, without asking the server', async () => {
    const { cache } = memoryCache({ [KEY]: { serverTokens: 4096, llamaCpp: false } });
    const calls: string[] = [];
    const learned: number[] = [];
    const windows = createContextWindows((_b, _m, tokens) => learned.push(tokens), cache);
    // The server would never answer: the plan does not wait for it.
    expect(await windows.plan(provider('hang', calls), BASE, 'tiny')).toBe(3150);
    expect(calls).toEqual([]);
    expect(learned).toEqual([]);
  });

  it('without the cache (or an empty one) it probes as before, and keeps the answer', async () => {
    const { cache, stored } = memoryCache();
    const calls: string[] = [];
    const windows = createContextWindows(undefined, cache);
    expect(await windows.plan(provider(4096, calls), BASE, 'tiny')).toBe(3150);
    expect(await windows.plan(provider(4096, calls), BASE, 'tiny')).toBe(3150);
    expect(calls).toEqual(['tiny']);
    await settle();
    expect(stored()).toEqual({ [KEY]: { serverTokens: 4096, llamaCpp: false } });
    // A server that says nothing is kept too: the next worker does not ask it four URLs again.
    expect(await windows.plan(provider(null), 'http://x/v1', 'mystery')).toBe(32_768);
    await settle();
    expect(stored()[`http://x/v1\nmystery`]).toEqual({ serverTokens: null, llamaCpp: false });
  });

  it('OpenAI, never asked, is not written to the cache', async () => {
    const { cache, saves } = memoryCache();
    const windows = createContextWindows(undefined, cache);
    expect(await windows.plan(provider(1), 'https://api.openai.com/v1', 'gpt-4o')).toBe(128_000);
    await settle();
    expect(saves).toEqual([]);
  });

  it('a cache that cannot be read is an empty one', async () => {
    const cache: ServerFactsCache = {
      load: () => Promise.reject(new Error('no session storage')),
      save: () => Promise.reject(new Error('no session storage')),
    };
    const calls: string[] = [];
    const windows = createContextWindows(undefined, cache);
    expect(await windows.plan(provider(8192, calls), BASE, 'tiny')).toBe(6301);
    expect(calls).toEqual(['tiny']);
  });

  it('a server too slow to say is not kept: the next worker asks it again', async () => {
    vi.useFakeTimers();
    const { cache, stored } = memoryCache();
    const windows = createContextWindows(undefined, cache);
    const planned = windows.plan(provider('hang'), BASE, 'tiny');
    await vi.advanceTimersByTimeAsync(1_600);
    expect(await planned).toBe(32_768);
    expect(stored()).toEqual({});
  });

  it('a refusal corrects what the cache said, and the next worker plans with it', async () => {
    const { cache, stored } = memoryCache({ [KEY]: { serverTokens: 32_768, llamaCpp: true } });
    const learned: number[] = [];
    const first = createContextWindows((_b, _m, tokens) => learned.push(tokens), cache);
    expect(await first.plan(provider('hang'), BASE, 'tiny')).toBe(25_206);
    // The server was restarted with a smaller context since the cache learned its size.
    first.learnRefusal(
      BASE,
      'tiny',
      'request (24126 tokens) exceeds the available context size (4096 tokens), try increasing it',
      12_000,
    );
    const corrected = Math.floor(4096 / (24126 / 12_000));
    expect(await first.plan(provider('hang'), BASE, 'tiny')).toBe(corrected);
    expect(learned).toEqual([corrected]);
    await settle();
    expect(stored()[KEY]).toMatchObject({ serverTokens: 4096, llamaCpp: true });
    const restarted = createContextWindows(undefined, cache);
    expect(await restarted.plan(provider('hang'), BASE, 'tiny')).toBe(corrected);
  });

  it('after a reply planned from the cache the server is asked once, off the request path', async () => {
    const { cache, stored } = memoryCache({ [KEY]: { serverTokens: 4096, llamaCpp: false } });
    const calls: string[] = [];
    const learned: number[] = [];
    const windows = createContextWindows((_b, _m, tokens) => learned.push(tokens), cache);
    // The server now has a larger context: the request planned from the cache, the next one not.
    const larger = provider(16_384, calls);
    expect(await windows.plan(larger, BASE, 'tiny')).toBe(3150);
    windows.revalidate(larger, BASE, 'tiny');
    windows.revalidate(larger, BASE, 'tiny');
    await settle();
    expect(calls).toEqual(['tiny']);
    expect(await windows.plan(larger, BASE, 'tiny')).toBe(12_603);
    expect(learned).toEqual([12_603]);
    expect(stored()[KEY]).toEqual({ serverTokens: 16_384, llamaCpp: false });
    // A worker that asked the server itself has nothing to check.
    const fresh = createContextWindows(undefined, memoryCache().cache);
    const own: string[] = [];
    await fresh.plan(provider(4096, own), BASE, 'tiny');
    fresh.revalidate(provider(4096, own), BASE, 'tiny');
    await settle();
    expect(own).toEqual(['tiny']);
  });
});

describe('llama.cpp’s prompt progress across a worker restart', () => {
  const llamaModels = {
    object: 'list',
    data: [{ id: 'tiny', object: 'model', owned_by: 'llamacpp', meta: { n_ctx: 4096 } }],
  };
  /** A fresh worker: its modules (and prompt-progress's record of llama.cpp servers) anew. */
  async function worker(cache: ServerFactsCache) {
    vi.resetModules();
    const windows = await import('@/lib/engine/context-window');
    const { createOpenAiCompatibleProvider } = await import('@/lib/llm/openai-compatible');
    const urls: string[] = [];
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      urls.push(url);
      if (url.endsWith('/models')) return new Response(JSON.stringify(llamaModels));
      bodies.push(JSON.parse(String(init.body)));
      return new Response('data: [DONE]\n\n', { headers: { 'content-type': 'text/event-stream' } });
    });
    const llm = createOpenAiCompatibleProvider({ apiKey: '', baseUrl: BASE, timeoutMs: 1000 });
    const context = windows.createContextWindows(undefined, cache);
    /** Plans and sends one request; the URLs fetched and the chat request's body. */
    const reply = async () => {
      const window = await context.plan(llm, BASE, 'tiny');
      const signal = new AbortController().signal;
      for await (const _ of llm.streamChat({ model: 'tiny', messages: [] }, signal));
      return { window, urls: urls.splice(0), body: bodies.splice(0)[0] };
    };
    return { reply };
  }

  it('a restarted worker still asks llama.cpp for prompt progress, without the probe', async () => {
    const { cache, stored } = memoryCache();
    const first = await (await worker(cache)).reply();
    expect(first.window).toBe(3150);
    expect(first.urls).toEqual([`${BASE}/models`, `${BASE}/chat/completions`]);
    expect(first.body).toMatchObject({ return_progress: true });
    await settle();
    expect(stored()[KEY]).toEqual({ serverTokens: 4096, llamaCpp: true });

    const restarted = await (await worker(cache)).reply();
    expect(restarted.window).toBe(3150);
    expect(restarted.urls).toEqual([`${BASE}/chat/completions`]);
    expect(restarted.body).toMatchObject({ return_progress: true });
  });
});
