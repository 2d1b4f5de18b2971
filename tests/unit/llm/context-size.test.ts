/** Reading a server's context size where it says it, and refusals for context length (issue 14). */
import { describe, expect, it } from 'vitest';
import {
  fromLlamaProps,
  fromLmStudioModels,
  fromOllamaShow,
  fromOpenAiModels,
  parseContextRefusal,
  plannedWindow,
  readContextSize,
  type JsonFetch,
} from '@/lib/llm/context-size';

// What llama-server 80fb11a answers (measured), trimmed.
const LLAMA_MODELS = {
  models: [{ name: 'tiny', model: 'tiny' }],
  object: 'list',
  data: [
    { id: 'tiny', object: 'model', owned_by: 'llamacpp', meta: { n_ctx: 4096, n_ctx_train: 4096 } },
  ],
};

describe('reading the context size', () => {
  it('llama.cpp: /v1/models meta.n_ctx, for the model or the only one served', () => {
    expect(fromOpenAiModels(LLAMA_MODELS, 'tiny')).toBe(4096);
    expect(fromOpenAiModels(LLAMA_MODELS, 'anything')).toBe(4096);
    expect(fromOpenAiModels({ data: [{ id: 'gpt-4o' }] }, 'gpt-4o')).toBeNull();
    expect(fromLlamaProps({ default_generation_settings: { n_ctx: 8192 } })).toBe(8192);
  });

  it('Ollama: num_ctx from the parameters first, else <arch>.context_length', () => {
    const info = { 'general.architecture': 'llama', 'llama.context_length': 131072 };
    expect(fromOllamaShow({ model_info: info, parameters: 'num_ctx 8192\nstop "<|eot|>"' })).toBe(
      8192,
    );
    expect(fromOllamaShow({ model_info: info })).toBe(131072);
    expect(fromOllamaShow({ model_info: { 'llama.context_length': 4096 } })).toBeNull();
  });

  it('LM Studio: the loaded context, else the most the model can load', () => {
    const body = {
      data: [
        { id: 'qwen', loaded_context_length: 4096, max_context_length: 32768 },
        { id: 'other', max_context_length: 8192 },
      ],
    };
    expect(fromLmStudioModels(body, 'qwen')).toBe(4096);
    expect(fromLmStudioModels(body, 'other')).toBe(8192);
    expect(fromLmStudioModels(body, 'missing')).toBeNull();
  });

  it('rejects sizes that are not sizes', () => {
    expect(fromLlamaProps({ default_generation_settings: { n_ctx: -1 } })).toBeNull();
    expect(fromLlamaProps({ default_generation_settings: { n_ctx: '4096' } })).toBeNull();
    expect(fromLlamaProps(null)).toBeNull();
  });

  it('tries each server kind in turn with the key, and stops at the first answer', async () => {
    const asked: string[] = [];
    const fetch: JsonFetch = async (url, init) => {
      asked.push(`${init.method} ${url} ${init.headers.Authorization ?? ''}`.trim());
      if (url.endsWith('/api/show'))
        return { ok: true, json: async () => ({ parameters: 'num_ctx 2048' }) };
      return { ok: false, json: async () => ({}) };
    };
    const size = await readContextSize(
      fetch,
      { baseUrl: 'http://localhost:11434/v1/', apiKey: 'k' },
      'llama3',
      new AbortController().signal,
    );
    expect(size).toBe(2048);
    expect(asked).toEqual([
      'GET http://localhost:11434/v1/models Bearer k',
      'GET http://localhost:11434/props Bearer k',
      'POST http://localhost:11434/api/show Bearer k',
    ]);
  });

  it('is null when nothing says, and when the server cannot be reached', async () => {
    const down: JsonFetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const signal = new AbortController().signal;
    expect(
      await readContextSize(down, { baseUrl: 'http://x/v1', apiKey: '' }, 'm', signal),
    ).toBeNull();
  });
});

describe('planning with a margin and reading refusals', () => {
  it('keeps ~30% for the tokenizer difference on servers that are not OpenAI', () => {
    expect(plannedWindow(4096, false)).toBe(3150);
    expect(plannedWindow(128_000, true)).toBe(128_000);
    // The measured case: o200k counted 18,782 where the server counted 24,126 (x1.28).
    expect(18_782 * 1.3).toBeGreaterThan(24_126);
  });

  it("reads llama.cpp's and OpenAI's refusals, and nothing from other errors", () => {
    expect(
      parseContextRefusal(
        '400 request (24126 tokens) exceeds the available context size (4096 tokens), try increasing it',
      ),
    ).toEqual({ requestTokens: 24126, contextTokens: 4096 });
    expect(
      parseContextRefusal(
        "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens.",
      ),
    ).toEqual({ contextTokens: 8192, requestTokens: 9000 });
    expect(parseContextRefusal('the context window is full')).toEqual({});
    expect(parseContextRefusal('model not found')).toBeNull();
    expect(parseContextRefusal(undefined)).toBeNull();
  });
});
