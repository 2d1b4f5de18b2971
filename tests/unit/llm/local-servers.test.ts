// "Find local servers" (issue 14, item 2): the probe over a fake fetch. Every usual port, both
// loopback hosts, the shapes servers answer in, and the answers that are not a model server.
import { describe, expect, it } from 'vitest';
import {
  findLocalServers,
  LOCAL_PROBE_TARGETS,
  probeOrigin,
  type ProbeTarget,
} from '@/lib/llm/local-servers';
import { readModelList } from '@/lib/llm/server-probe';
import { fakeFetch, llamaCpp, ollama, openAi } from './fake-servers';

const at = (port: number, path = '/v1/models', host = '127.0.0.1') =>
  `http://${host}:${port}${path}`;
const target = (port: number, kind: ProbeTarget['kind'] = 'openai-compatible'): ProbeTarget => ({
  port,
  kind,
});

describe('findLocalServers', () => {
  it('probes every usual port on both loopback hosts, each port once, and finds nothing', async () => {
    const { fetch, calls } = fakeFetch({});
    expect(await findLocalServers({ fetch })).toEqual([]);
    const ports = LOCAL_PROBE_TARGETS.map((t) => t.port);
    expect(ports).toEqual([11434, 1234, 8080, 8000, 1337, 5000, 5001]);
    const urls = calls.map((c) => c.url).sort();
    const expected = ports.flatMap((p) => [at(p), at(p, '/v1/models', 'localhost')]).sort();
    expect(urls).toEqual(expected);
  });

  it('dedupes a port listed twice (LocalAI and llama.cpp share 8080)', async () => {
    const { fetch, calls } = fakeFetch({});
    await findLocalServers({
      fetch,
      targets: [target(8080, 'llamacpp'), target(8080, 'localai')],
      hosts: ['127.0.0.1'],
    });
    expect(calls).toHaveLength(1);
  });

  it('lists what answered, in port order, with its kind and models', async () => {
    const o = ollama(['llama3.2:latest', 'qwen2.5:0.5b']);
    const { fetch } = fakeFetch({
      [at(11434)]: { status: 200, body: o.v1 },
      [at(1234)]: { status: 200, body: openAi(['qwen2.5-7b-instruct'], 'organization_owner') },
      [at(8080)]: { status: 200, body: llamaCpp('qwen-test') },
      [at(8000)]: {
        status: 200,
        body: { object: 'list', data: [{ id: 'meta-llama/Llama-3.1-8B', max_model_len: 8192 }] },
      },
      [at(5001)]: { status: 200, body: openAi(['koboldcpp/model'], 'koboldcpp') },
    });
    const servers = await findLocalServers({ fetch });
    expect(servers).toEqual([
      {
        kind: 'ollama',
        baseUrl: 'http://127.0.0.1:11434/v1',
        status: 'models',
        models: ['llama3.2:latest', 'qwen2.5:0.5b'],
      },
      {
        kind: 'lmstudio',
        baseUrl: 'http://127.0.0.1:1234/v1',
        status: 'models',
        models: ['qwen2.5-7b-instruct'],
      },
      {
        kind: 'llamacpp',
        baseUrl: 'http://127.0.0.1:8080/v1',
        status: 'models',
        models: ['qwen-test'],
      },
      {
        kind: 'vllm',
        baseUrl: 'http://127.0.0.1:8000/v1',
        status: 'models',
        models: ['meta-llama/Llama-3.1-8B'],
      },
      {
        kind: 'koboldcpp',
        baseUrl: 'http://127.0.0.1:5001/v1',
        status: 'models',
        models: ['koboldcpp/model'],
      },
    ]);
  });

  it('guesses the kind from the port when the shape says nothing', async () => {
    const { fetch } = fakeFetch({
      [at(1337)]: { status: 200, body: openAi(['jan-nano']) },
      [at(5000)]: { status: 200, body: openAi(['TheModel']) },
      [at(4000)]: { status: 200, body: openAi(['gw']) },
    });
    const servers = await findLocalServers({
      fetch,
      targets: [...LOCAL_PROBE_TARGETS, target(4000)],
      hosts: ['127.0.0.1'],
    });
    expect(servers.map((s) => s.kind)).toEqual(['jan', 'textgen', 'openai-compatible']);
  });

  it('tells LocalAI from llama.cpp on their shared 8080 by the list’s markers', async () => {
    const plain = fakeFetch({
      [at(8080)]: {
        status: 200,
        body: { object: 'list', data: [{ id: 'gpt-4', object: 'model' }] },
      },
    });
    const marked = fakeFetch({ [at(8080)]: { status: 200, body: llamaCpp('alias') } });
    const only8080 = LOCAL_PROBE_TARGETS.filter((t) => t.port === 8080);
    const hosts = ['127.0.0.1'];
    expect(
      (await findLocalServers({ fetch: plain.fetch, targets: only8080, hosts }))[0]?.kind,
    ).toBe('localai');
    expect(
      (await findLocalServers({ fetch: marked.fetch, targets: only8080, hosts }))[0]?.kind,
    ).toBe('llamacpp');
  });

  it('uses localhost when only localhost answers (a server bound to ::1), 127.0.0.1 when both do', async () => {
    const { fetch } = fakeFetch({
      [at(1234, '/v1/models', 'localhost')]: { status: 200, body: openAi(['a']) },
      [at(11434)]: { status: 200, body: ollama(['m']).v1 },
      [at(11434, '/v1/models', 'localhost')]: { status: 200, body: ollama(['m']).v1 },
    });
    const servers = await findLocalServers({ fetch });
    expect(servers.map((s) => s.baseUrl)).toEqual([
      'http://127.0.0.1:11434/v1',
      'http://localhost:1234/v1',
    ]);
  });

  it('gives up on a port that never answers after the deadline, and still lists the others', async () => {
    const { fetch } = fakeFetch({
      [at(11434)]: 'hang',
      [at(1234)]: { status: 200, body: openAi(['a']) },
    });
    const started = Date.now();
    const servers = await findLocalServers({ fetch, hosts: ['127.0.0.1'], timeoutMs: 60 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(servers.map((s) => s.kind)).toEqual(['lmstudio']);
  });

  it('a server that lists no models is found, with status empty', async () => {
    const { fetch } = fakeFetch({
      [at(11434)]: { status: 200, body: ollama([]).v1 },
      [at(8080)]: { status: 200, body: { object: 'list', data: [] } },
    });
    const servers = await findLocalServers({ fetch, hosts: ['127.0.0.1'] });
    expect(servers).toEqual([
      { kind: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', status: 'empty', models: [] },
      // An empty plain list on 8080: LocalAI as installed (llama-server always has a model).
      { kind: 'localai', baseUrl: 'http://127.0.0.1:8080/v1', status: 'empty', models: [] },
    ]);
  });
});

describe('probeOrigin', () => {
  const probe = (fetch: ReturnType<typeof fakeFetch>['fetch'], port = 11434) =>
    probeOrigin(
      fetch,
      `http://127.0.0.1:${port}`,
      target(port, port === 11434 ? 'ollama' : 'openai-compatible'),
      100,
    );

  it('a 403 is a server that refuses Parley, not nothing there', async () => {
    const { fetch } = fakeFetch({ [at(11434)]: { status: 403 } });
    expect(await probe(fetch)).toEqual({
      kind: 'ollama',
      baseUrl: 'http://127.0.0.1:11434/v1',
      status: 'refused',
      models: [],
    });
  });

  it('a 401 with a JSON error is a server that wants a key', async () => {
    const { fetch } = fakeFetch({
      [at(8000)]: { status: 401, body: { error: 'Unauthorized' } },
    });
    expect((await probe(fetch, 8000))?.status).toBe('needs_key');
  });

  it('an HTML 403 (a web server) and AirPlay on 5000 are not model servers', async () => {
    const { fetch } = fakeFetch({
      [at(8080)]: { status: 403, text: '<html><body>Forbidden</body></html>' },
      [at(5000)]: { status: 403, headers: { Server: 'AirTunes/860.7.1' } },
    });
    expect(await probe(fetch, 8080)).toBeNull();
    expect(await probe(fetch, 5000)).toBeNull();
  });

  it('falls back to /api/tags when /v1/models is missing (an older Ollama)', async () => {
    const { fetch, calls } = fakeFetch({
      [at(11434)]: { status: 404, text: '404 page not found' },
      [at(11434, '/api/tags')]: { status: 200, body: ollama(['llama3.2:latest']).tags },
    });
    expect(await probe(fetch)).toEqual({
      kind: 'ollama',
      baseUrl: 'http://127.0.0.1:11434/v1',
      status: 'models',
      models: ['llama3.2:latest'],
    });
    expect(calls.map((c) => c.url)).toEqual([at(11434), at(11434, '/api/tags')]);
  });

  it('a non-JSON answer on both paths is not a model server', async () => {
    const { fetch } = fakeFetch({
      [at(8000)]: { status: 200, text: '<!doctype html><title>Dev server</title>' },
      [at(8000, '/api/tags')]: { status: 200, text: '<!doctype html>' },
    });
    expect(await probe(fetch, 8000)).toBeNull();
  });

  it('JSON that is no model list is not a model server', async () => {
    const { fetch } = fakeFetch({
      [at(8000)]: { status: 200, body: { hello: 'world' } },
      [at(8000, '/api/tags')]: { status: 404, body: { detail: 'Not Found' } },
    });
    expect(await probe(fetch, 8000)).toBeNull();
  });

  it('sends no key and no cookies', async () => {
    const seen: RequestInit[] = [];
    const fetch = (_url: string, init: RequestInit) => {
      seen.push(init);
      return Promise.resolve(new Response(JSON.stringify(openAi(['a'])), { status: 200 }));
    };
    await probeOrigin(fetch, 'http://127.0.0.1:1234', target(1234), 100);
    expect(seen[0]?.credentials).toBe('omit');
    expect(JSON.stringify(seen[0]?.headers)).not.toMatch(/authorization/i);
  });
});

describe('readModelList', () => {
  it('reads OpenAI data, Ollama models and llama.cpp both lists', () => {
    expect(readModelList(openAi(['b', 'a']))).toEqual({ models: ['b', 'a'], kind: null });
    expect(readModelList(ollama(['x:latest']).tags)).toEqual({
      models: ['x:latest'],
      kind: 'ollama',
    });
    expect(readModelList(ollama(['x:latest']).v1)).toEqual({
      models: ['x:latest'],
      kind: 'ollama',
    });
    // Both lists name the same model: listed once.
    expect(readModelList(llamaCpp('alias'))).toEqual({ models: ['alias'], kind: 'llamacpp' });
  });

  it('reads a list that has only an Ollama-style `models` (names without digests)', () => {
    expect(readModelList({ models: [{ name: 'n1' }, { model: 'm2', name: 'x' }] })).toEqual({
      models: ['n1', 'm2'],
      kind: null,
    });
  });

  it('both lists, even empty, are llama.cpp’s shape', () => {
    expect(readModelList({ object: 'list', data: [], models: [] })).toEqual({
      models: [],
      kind: 'llamacpp',
    });
  });

  it('Ollama says data: null when it has no model', () => {
    expect(readModelList({ object: 'list', data: null })).toEqual({ models: [], kind: 'ollama' });
  });

  it('skips entries without a usable id and refuses what is no list', () => {
    expect(
      readModelList({ data: [{ id: '' }, { id: 3 }, null, 'x', { id: 'ok' }] })?.models,
    ).toEqual(['ok']);
    expect(readModelList(null)).toBeNull();
    expect(readModelList([])).toBeNull();
    expect(readModelList({ data: 'x' })).toBeNull();
    expect(readModelList({ error: { message: 'nope' } })).toBeNull();
  });
});
