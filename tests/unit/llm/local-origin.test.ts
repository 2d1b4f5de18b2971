/**
 * A local server's 403 (Ollama's Origin check, issue 14) gets its own message and the exact
 * OLLAMA_ORIGINS fix; a remote 403 stays a key problem.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeFailure, listModels, streamChat, type LlmConfig } from '@/lib/llm/client';
import { ERROR_MESSAGES, failureToState } from '@/lib/llm/errors';
import { ollamaOriginsFix } from '@/lib/llm/ollama-origins';

const never = new AbortController().signal;
const context = { receivedText: false, online: true };

async function stateFor(baseUrl: string, response: () => Response) {
  vi.stubGlobal('fetch', async () => response());
  const config: LlmConfig = { apiKey: '', baseUrl, timeoutMs: 1000 };
  try {
    const stream = streamChat(config, { model: 'm', messages: [] }, never);
    for await (const _ of stream) void _;
  } catch (error) {
    return failureToState(describeFailure(error), context);
  }
  throw new Error('did not fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a 403 from a local server', () => {
  it('Ollama’s empty 403 is local_origin, not a key problem', async () => {
    const state = await stateFor(
      'http://127.0.0.1:11434/v1',
      () => new Response('', { status: 403 }),
    );
    expect(state).toEqual({ kind: 'error', code: 'local_origin' });
    expect(ERROR_MESSAGES.local_origin).toBe('The local server refused the request.');
  });

  it('any local host, with or without a body', async () => {
    expect(
      await stateFor(
        'http://localhost:1234/v1',
        () => new Response('{"error":"forbidden"}', { status: 403 }),
      ),
    ).toEqual({ kind: 'error', code: 'local_origin' });
  });

  it('a remote 403 stays forbidden', async () => {
    const state = await stateFor(
      'https://api.example.com/v1',
      () => new Response('', { status: 403 }),
    );
    expect(state).toEqual({ kind: 'error', code: 'forbidden' });
  });

  it('the model list of a refusing local server says so too', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 403 }));
    const config = { apiKey: '', baseUrl: 'http://localhost:11434/v1', timeoutMs: 1000 };
    const error = await listModels(config, never).catch((e: unknown) => e);
    expect(failureToState(describeFailure(error), context)).toEqual({
      kind: 'error',
      code: 'local_origin',
    });
  });
});

describe('ollamaOriginsFix', () => {
  it('names this Chrome extension exactly', () => {
    expect(ollamaOriginsFix('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBe(
      'OLLAMA_ORIGINS=chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    expect(ollamaOriginsFix('chrome-extension://abc/')).toBe(
      'OLLAMA_ORIGINS=chrome-extension://abc',
    );
  });

  it('uses the wildcard in Firefox, whose UUID differs per install', () => {
    expect(ollamaOriginsFix('moz-extension://1234-5678')).toBe('OLLAMA_ORIGINS=moz-extension://*');
  });

  it('has no space anywhere (Ollama matches wildcards on the raw text)', () => {
    expect(ollamaOriginsFix('moz-extension://x')).not.toMatch(/\s/);
  });
});
