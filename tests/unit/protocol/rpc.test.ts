// RPC, both ways: the background keeps a request only when every field has its type
// (parseRpcRequest), and the panel takes an answer only in the shape its request promises
// (parseRpcResponse), turning anything else into an error that says so.
import { describe, expect, it } from 'vitest';
import { NO_ANSWER, parseRpcRequest, type RpcName } from '@/lib/protocol';
import { parseRpcResponse, UNREADABLE_ANSWER } from '@/lib/protocol/rpc-answer';
import { edit, fieldPaths, named, wrongType } from './fields';

const requests: Record<RpcName, { sample: Record<string, unknown>; optional: string[] }> = {
  get_settings: { sample: { type: 'get_settings' }, optional: [] },
  get_header_names: {
    sample: { type: 'get_header_names', baseUrl: 'https://b.example/v1' },
    optional: [],
  },
  save_header: {
    sample: { type: 'save_header', baseUrl: 'https://b.example/v1', name: 'X-Title', value: 'v' },
    optional: [],
  },
  save_settings: {
    sample: {
      type: 'save_settings',
      apiKey: 'sk-1',
      moderationApiKey: 'sk-2',
      reuseKeyFrom: 'https://a.example',
      baseUrl: 'https://b.example/v1',
      model: 'm',
      systemPrompt: 'Be brief.',
      // Its range is checked by the handler, with a sentence (lib/settings checkFirstTokenMs).
      firstTokenTimeoutMs: 90_000,
      // Its fields are repaired by normalizeSettings in the background, not refused here.
      moderation: {},
    },
    optional: ['apiKey', 'moderationApiKey', 'reuseKeyFrom', 'firstTokenTimeoutMs', 'moderation'],
  },
  list_models: {
    sample: {
      type: 'list_models',
      baseUrl: 'https://b.example/v1',
      apiKey: 'sk-1',
      reuseKeyFrom: 'https://a.example',
    },
    optional: ['apiKey', 'reuseKeyFrom'],
  },
  find_local_servers: { sample: { type: 'find_local_servers' }, optional: [] },
  set_provider: { sample: { type: 'set_provider', provider: 'builtin' }, optional: [] },
  measure_context: {
    sample: { type: 'measure_context', texts: [] },
    optional: [],
  },
  test_connection: {
    sample: {
      type: 'test_connection',
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: 'sk-1',
      reuseKeyFrom: 'https://a.example',
    },
    optional: ['apiKey', 'reuseKeyFrom'],
  },
};

describe.each(Object.entries(requests))('parseRpcRequest: %s', (_name, { sample, optional }) => {
  it('accepts a valid sample', () => {
    expect(parseRpcRequest(sample)).toEqual(sample);
  });
  it.each(optional)('accepts it without the optional %s', (field) => {
    const { [field]: _left, ...rest } = sample;
    expect(parseRpcRequest(rest)).toEqual(rest);
  });
  const required = fieldPaths(sample).filter((path) => !optional.includes(named(path)));
  it.each(required.map((path) => [named(path), edit(sample, path, () => undefined)]))(
    'refuses it without %s',
    (_field, value) => {
      expect(parseRpcRequest(value)).toBeNull();
    },
  );
  it.each(fieldPaths(sample).map((path) => [named(path), edit(sample, path, wrongType)]))(
    'refuses it with %s of a wrong type',
    (_field, value) => {
      expect(parseRpcRequest(value)).toBeNull();
    },
  );
});

const settings = {
  type: 'settings',
  settings: {
    baseUrl: 'https://b.example/v1',
    model: 'm',
    systemPrompt: '',
    firstTokenTimeoutMs: 600_000,
    moderation: {
      mode: 'warn',
      provider: 'openai',
      categoryOverrides: {},
      failMode: 'allow',
      checkReplies: true,
      llamaGuardModel: 'llama-guard3',
      baseUrl: '',
    },
    hasApiKey: true,
    hasModerationKey: false,
    keyOrigins: ['https://b.example'],
    moderationKeyOrigins: [],
    moderationUnsupported: false,
  },
};
const responses: [RpcName, Record<string, unknown>][] = [
  ['get_header_names', { type: 'header_names', origin: 'https://b.example', names: ['X-Title'] }],
  ['save_header', { type: 'header_names', origin: 'https://b.example', names: [] }],
  ['get_settings', settings],
  ['save_settings', settings],
  ['list_models', { type: 'models', models: ['gpt-a', 'gpt-b'] }],
  ['set_provider', { type: 'provider', provider: 'builtin' }],
  ['measure_context', { type: 'context_measure', tokens: 12, window: 4096 }],
  [
    'find_local_servers',
    {
      type: 'local_servers',
      servers: [
        { kind: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', status: 'models', models: ['a'] },
      ],
    },
  ],
  [
    'test_connection',
    { type: 'connection', verdict: { kind: 'ok', models: ['a'], keySent: true } },
  ],
  ['test_connection', { type: 'connection', verdict: { kind: 'server_error', status: 502 } }],
];
const unreadable = { type: 'rpc_error', message: UNREADABLE_ANSWER };

describe.each(responses)('parseRpcResponse: %s', (name, sample) => {
  it('accepts a valid answer and an error as sent', () => {
    expect(parseRpcResponse(name, sample)).toBe(sample);
    const error = { type: 'rpc_error', message: 'Choose or type a model name.' };
    expect(parseRpcResponse(name, error)).toBe(error);
  });
  const variants = fieldPaths(sample).flatMap((path) => [
    [`${named(path)} left out`, edit(sample, path, () => undefined)],
    [`${named(path)} of a wrong type`, edit(sample, path, wrongType)],
  ]);
  // An empty list of origins is fine; an item of the list being wrong is not (wrong type only).
  const relevant = variants.filter(([label]) => !/\.0 left out$/.test(label as string));
  it.each(relevant)('turns an answer with %s into an error that says so', (_label, value) => {
    expect(parseRpcResponse(name, value)).toEqual(unreadable);
  });
  it('turns a missing answer into "did not answer"', () => {
    expect(parseRpcResponse(name, undefined)).toEqual({ type: 'rpc_error', message: NO_ANSWER });
  });
  it('refuses another request’s answer, and an error without its message', () => {
    const other = sample.type === 'models' ? settings : { type: 'models', models: [] };
    expect(parseRpcResponse(name, other)).toEqual(unreadable);
    expect(parseRpcResponse(name, { type: 'rpc_error' })).toEqual(unreadable);
    expect(parseRpcResponse(name, 'settings')).toEqual(unreadable);
  });
});
