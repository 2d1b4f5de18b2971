// "Test connection" and Save's check (issue 14, item 7): one verdict per answer, one sentence per
// verdict, and when Save asks "Save anyway?".
import { describe, expect, it } from 'vitest';
import { nextSaveStep, shouldAskBeforeSave, testConnection } from '@/lib/llm/connection-test';
import {
  allowListEntry,
  describeServer,
  describeVerdict,
  NO_MODEL_HINTS,
  noModelHintText,
  SERVER_LABELS,
} from '@/lib/llm/server-advice';
import type { ConnectionVerdict } from '@/lib/model/local-servers';
import { fakeFetch, llamaCpp, ollama, openAi, type Behaviour } from './fake-servers';

const BASE = 'http://127.0.0.1:11434/v1';
const test = (behaviour: Behaviour, apiKey = '', baseUrl = BASE) => {
  const { fetch, calls } = fakeFetch({ [`${baseUrl}/models`]: behaviour });
  return { verdict: testConnection({ fetch, baseUrl, apiKey, timeoutMs: 80 }), calls };
};

describe('testConnection', () => {
  it('reachable, key accepted, models: ok with the ids, the key sent as a bearer', async () => {
    const { verdict, calls } = test(
      { status: 200, body: openAi(['gpt-a', 'gpt-b']) },
      'sk-x',
      'https://api.example/v1',
    );
    expect(await verdict).toEqual({ kind: 'ok', models: ['gpt-a', 'gpt-b'], keySent: true });
    expect(calls[0]?.headers.Authorization).toBe('Bearer sk-x');
  });

  it('sends the custom headers saved for the endpoint, and the key as its Authorization', async () => {
    const { fetch, calls } = fakeFetch({
      'https://gw.example/v1/models': { status: 200, body: openAi(['m']) },
    });
    await testConnection({
      fetch,
      baseUrl: 'https://gw.example/v1',
      apiKey: 'sk-x',
      headers: { 'api-key': 'azure-secret', Authorization: 'Bearer not-this' },
    });
    expect(calls[0]?.headers).toMatchObject({
      'api-key': 'azure-secret',
      Authorization: 'Bearer sk-x',
    });
  });

  it('no key typed or saved: no Authorization header at all', async () => {
    const { verdict, calls } = test({ status: 200, body: ollama(['m']).v1 });
    expect(await verdict).toEqual({ kind: 'ok', models: ['m'], keySent: false });
    expect(calls[0]?.headers).not.toHaveProperty('Authorization');
  });

  it('no models: names the server so the hint can say how to get one', async () => {
    expect(await test({ status: 200, body: ollama([]).v1 }).verdict).toEqual({
      kind: 'no_models',
      server: 'ollama',
      keySent: false,
    });
    const cpp = { object: 'list', data: [], models: [] };
    expect(await test({ status: 200, body: cpp }, '', 'http://127.0.0.1:8080/v1').verdict).toEqual({
      kind: 'no_models',
      server: 'llamacpp',
      keySent: false,
    });
    // A plain empty list on 8080: LocalAI as installed, not llama.cpp (which marks its list).
    expect(
      await test({ status: 200, body: openAi([]) }, '', 'http://127.0.0.1:8080/v1').verdict,
    ).toEqual({ kind: 'no_models', server: 'localai', keySent: false });
    expect(
      await test({ status: 200, body: openAi([]) }, '', 'https://gw.example/v1').verdict,
    ).toEqual({ kind: 'no_models', server: 'openai-compatible', keySent: false });
  });

  it('reads llama.cpp both lists', async () => {
    const { verdict } = test(
      { status: 200, body: llamaCpp('qwen') },
      '',
      'http://127.0.0.1:8080/v1',
    );
    expect(await verdict).toEqual({ kind: 'ok', models: ['qwen'], keySent: false });
  });

  it('401: key rejected, or needed when none was sent', async () => {
    const body = { error: { message: 'Incorrect API key provided', code: 'invalid_api_key' } };
    expect(await test({ status: 401, body }, 'sk-bad').verdict).toEqual({
      kind: 'key_rejected',
      keySent: true,
    });
    expect(await test({ status: 401, body }).verdict).toEqual({
      kind: 'key_rejected',
      keySent: false,
    });
  });

  it('403: a local server refusing Parley, or a remote key without access', async () => {
    expect(await test({ status: 403 }).verdict).toEqual({ kind: 'refused', local: true });
    expect(await test({ status: 403 }, 'sk-x', 'https://api.example/v1').verdict).toEqual({
      kind: 'refused',
      local: false,
    });
  });

  it('404, other statuses, non-JSON and JSON that is no list', async () => {
    expect(await test({ status: 404, text: 'not found' }).verdict).toEqual({ kind: 'not_found' });
    expect(await test({ status: 503, body: { error: 'Loading model' } }).verdict).toEqual({
      kind: 'server_error',
      status: 503,
    });
    expect(await test({ status: 200, text: '<html>router login</html>' }).verdict).toEqual({
      kind: 'not_a_model_server',
    });
    expect(await test({ status: 200, body: { ok: true } }).verdict).toEqual({
      kind: 'not_a_model_server',
    });
  });

  it('nothing listening: unreachable; no answer in time: timeout', async () => {
    expect(await test('refused').verdict).toEqual({ kind: 'unreachable' });
    const started = Date.now();
    expect(await test('hang').verdict).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const every: ConnectionVerdict[] = [
  { kind: 'ok', models: ['a'], keySent: true },
  { kind: 'no_models', server: 'ollama', keySent: false },
  { kind: 'key_rejected', keySent: true },
  { kind: 'key_rejected', keySent: false },
  { kind: 'refused', local: true },
  { kind: 'refused', local: false },
  { kind: 'not_found' },
  { kind: 'not_a_model_server' },
  { kind: 'server_error', status: 500 },
  { kind: 'timeout' },
  { kind: 'unreachable' },
];

describe('describeVerdict', () => {
  it('says reachable? key accepted? models? in one line', () => {
    expect(describeVerdict({ kind: 'ok', models: ['a', 'b'], keySent: true }, ORIGIN).text).toBe(
      'Reachable · key accepted · 2 models.',
    );
    expect(describeVerdict({ kind: 'ok', models: ['a'], keySent: false }, ORIGIN).text).toBe(
      'Reachable · no key needed · 1 model.',
    );
    expect(describeVerdict({ kind: 'key_rejected', keySent: true }, ORIGIN).text).toMatch(
      /^Reachable · key rejected/,
    );
    expect(describeVerdict({ kind: 'unreachable' }, ORIGIN).text).toMatch(/^Not reachable/);
  });

  it('no models: how to get one, for the server it is', () => {
    const text = describeVerdict(
      { kind: 'no_models', server: 'ollama', keySent: false },
      ORIGIN,
    ).text;
    expect(text).toContain('no models');
    expect(text).toContain('ollama pull');
    expect(NO_MODEL_HINTS.ollama.command).toBe('ollama pull llama3.2');
    expect(NO_MODEL_HINTS.lmstudio.say).toMatch(/Load a model/);
    expect(NO_MODEL_HINTS.llamacpp.command).toMatch(/-m /);
    expect(noModelHintText('jan')).toBe(NO_MODEL_HINTS.jan.say);
  });

  it('a local 403 names the exact OLLAMA_ORIGINS fix for this browser', () => {
    const chrome = describeVerdict({ kind: 'refused', local: true }, `${ORIGIN}/`).text;
    expect(chrome).toContain('refuses Parley’s requests');
    expect(chrome).toMatch(new RegExp(`OLLAMA_ORIGINS=${ORIGIN}$`));
    const firefox = describeVerdict(
      { kind: 'refused', local: true },
      'moz-extension://1-2-3/',
    ).text;
    expect(firefox).toMatch(/ OLLAMA_ORIGINS=moz-extension:\/\/\*$/);
    expect(allowListEntry('moz-extension://uuid/')).toBe('moz-extension://*');
  });

  it.each(every)('only ok is good news, and every verdict has its sentence: %o', (verdict) => {
    const { ok, text } = describeVerdict(verdict, ORIGIN);
    expect(ok).toBe(verdict.kind === 'ok');
    expect(text.length).toBeGreaterThan(20);
  });
});

describe('describeServer', () => {
  it('names the kind, host and port, and what it has', () => {
    const base = { kind: 'ollama' as const, baseUrl: 'http://127.0.0.1:11434/v1' };
    expect(describeServer({ ...base, status: 'models', models: ['a', 'b'] })).toBe(
      'Ollama at 127.0.0.1:11434: 2 models',
    );
    expect(describeServer({ ...base, status: 'empty', models: [] })).toMatch(/no models yet$/);
    expect(describeServer({ ...base, status: 'refused', models: [] })).toMatch(
      /found, but it refuses Parley’s requests$/,
    );
    expect(describeServer({ ...base, status: 'needs_key', models: [] })).toMatch(/API key$/);
    expect(Object.keys(SERVER_LABELS)).toHaveLength(9);
  });
});

describe('Save asks first', () => {
  it('asks after every verdict that is not an answer from a model server', () => {
    const asks = every.filter(shouldAskBeforeSave).map((v) => v.kind);
    expect(asks).not.toContain('ok');
    expect(asks).not.toContain('no_models');
    expect(new Set(asks)).toEqual(
      new Set([
        'key_rejected',
        'refused',
        'not_found',
        'not_a_model_server',
        'server_error',
        'timeout',
        'unreachable',
      ]),
    );
  });

  it('saves an unchanged endpoint at once, tests a new one, asks after a failure, saves when insisted', () => {
    const ok: ConnectionVerdict = { kind: 'ok', models: ['a'], keySent: false };
    const down: ConnectionVerdict = { kind: 'unreachable' };
    const step = (endpointChanged: boolean, verdict: ConnectionVerdict | null, insisted = false) =>
      nextSaveStep({ endpointChanged, verdict, insisted });
    expect(step(false, null)).toBe('save');
    expect(step(false, down)).toBe('save');
    expect(step(true, null)).toBe('test');
    expect(step(true, ok)).toBe('save');
    expect(step(true, { kind: 'no_models', server: 'ollama', keySent: false })).toBe('save');
    expect(step(true, down)).toBe('ask');
    expect(step(true, down, true)).toBe('save');
    expect(step(true, null, true)).toBe('save');
  });
});
