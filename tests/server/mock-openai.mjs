// A loopback OpenAI-compatible server for Parley's tests and benchmarks: real SSE
// `chat.completion.chunk` streams, `/v1/models`, `/v1/moderations`, and scripted faults.
// Plain ESM with no dependencies so vitest, Playwright specs and `node bench/*` all use it.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { modelListBody, ollamaRefusesOrigin } from './local-quirks.mjs';

const PAGES_DIR = path.join(import.meta.dirname, 'pages');
const MODERATION_CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
];
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

const CODE_REPLY = [
  'Here is a small Go example:\n\n',
  '```go\npackage main\n\nimport "fmt"\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() {\n\t\tch <- 42\n\t}()\n\tfmt.Println(<-ch)\n}\n```\n\n',
  '| Part | Meaning |\n| --- | --- |\n| `make(chan int)` | an unbuffered channel |\n| `<-ch` | receive |\n',
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {unknown} content */
function textOf(content) {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((p) => (typeof p === 'string' ? p : (p?.text ?? ''))).join('');
  return '';
}

/** The reply when no script is queued: deterministic, derived from the last user message. */
function defaultScript(body) {
  const system = textOf(body?.messages?.find((m) => m.role === 'system')?.content);
  if (system.includes('Write a title')) {
    const question = /Question: (.*)/.exec(textOf(body.messages.at(-1)?.content))?.[1] ?? '';
    return { text: `"${question.split(/\s+/).slice(0, 4).join(' ')} (titled)".` };
  }
  const lastUser = [...(body?.messages ?? [])].reverse().find((m) => m.role === 'user');
  const text = textOf(lastUser?.content);
  if (text.includes('[[code]]'))
    return { chunks: CODE_REPLY.flatMap((part) => part.match(/[\s\S]{1,12}/g) ?? []) };
  if (text.includes('[[slow]]'))
    return { chunks: Array.from({ length: 40 }, (_, i) => `slow${i} `), chunkDelayMs: 50 };
  return { text: `You said: ${text}` };
}

/**
 * A model that obeys a prompt injection (issue 8): every markdown image or link in the request
 * whose URL holds `{conversation}` is echoed back with the user's text in its query; `{canary}`
 * and `{canary-https}` become this server's /canary/ path over http and https.
 */
function obeyInjection(body, url) {
  const messages = body?.messages ?? [];
  const everything = messages.map((m) => textOf(m.content)).join('\n');
  const conversation = messages
    .filter((m) => m.role === 'user')
    .map((m) => textOf(m.content))
    .join(' | ');
  const fill = (template) =>
    template
      .replaceAll('{canary}', `${url}/canary/`)
      .replaceAll('{canary-https}', `${url.replace(/^http:/, 'https:')}/canary/`)
      .replaceAll('{conversation}', encodeURIComponent(conversation.slice(-400)));
  const asked = everything.match(/!?\[[^\]]*\]\([^)\s]*\{conversation\}[^)\s]*\)/g) ?? [];
  return { text: `Sure, here it is: ${asked.map(fill).join(' ')}` };
}

function chunksOf(script) {
  if (script.chunks) return script.chunks;
  return (script.text ?? '').match(/\S+\s*|\s+/g) ?? [];
}

function errorBody(status, code) {
  const messages = {
    invalid_api_key:
      'Incorrect API key provided: sk-tes***key. You can find your API key at https://platform.openai.com/account/api-keys.',
    insufficient_quota:
      'You exceeded your current quota, please check your plan and billing details.',
    rate_limit_exceeded: 'Rate limit reached for requests.',
    model_not_found: 'The model does not exist or you do not have access to it.',
  };
  const type =
    status === 429
      ? code === 'insufficient_quota'
        ? 'insufficient_quota'
        : 'requests'
      : status >= 500
        ? 'server_error'
        : 'invalid_request_error';
  return {
    error: {
      message: messages[code] ?? `Mock error ${status}`,
      type,
      param: null,
      code: code ?? null,
    },
  };
}

export async function startMockServer({ port = 0, host = '127.0.0.1' } = {}) {
  /** @type {import('./mock-openai.d.mts').ReplyScript[]} */
  let queue = [];
  const requests = [];
  const canaryHits = [];
  const waiters = [];
  const sockets = new Set();
  const moderation = { flagWords: {}, delayMs: 0, status: undefined };
  // Local-server behaviour (issue 14): Ollama's Origin check and the model list's shape.
  const local = { originCheck: false, modelsShape: 'openai' };

  // Streaming completions are the chat; non-streaming ones are side requests (titles, guards).
  const isChat = (r) => r.method === 'POST' && r.path === '/v1/chat/completions';
  const streamingChats = () => requests.filter((r) => isChat(r) && r.body?.stream === true);
  const notify = () => {
    const chats = streamingChats();
    for (const w of [...waiters]) {
      if (chats.length >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        w.resolve(chats.slice());
      }
    }
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const raw = await new Promise((resolve) => {
      const parts = [];
      req.on('data', (c) => parts.push(c));
      req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    });
    let body = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // keep the raw text
    }
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();

    const record = {
      method: req.method,
      path: url.pathname,
      headers: req.headers,
      body,
      at: Date.now(),
    };
    if (url.pathname.startsWith('/canary/')) {
      canaryHits.push(record);
      return res.writeHead(204).end();
    }
    if (url.pathname.startsWith('/pages/'))
      return servePage(url.pathname.slice('/pages/'.length), res);
    if (url.pathname.startsWith('/__control/')) return control(url.pathname, body, res);
    if (!url.pathname.startsWith('/v1/')) return res.writeHead(404).end();

    requests.push(record);
    notify();
    // Ollama's refusal: 403, an empty body and no CORS header.
    if (local.originCheck && ollamaRefusesOrigin(req.headers)) {
      res.removeHeader('Access-Control-Allow-Origin');
      return res.writeHead(403, { 'Content-Length': '0' }).end();
    }
    if (req.headers.authorization === 'Bearer bad-key')
      return json(res, 401, errorBody(401, 'invalid_api_key'));
    if (url.pathname === '/v1/models' && req.method === 'GET') {
      const ids = ['parley-test-model', 'parley-test-model-2'];
      return json(res, 200, modelListBody(local.modelsShape, ids));
    }
    if (url.pathname === '/v1/moderations' && req.method === 'POST') return moderate(body, res);
    if (url.pathname === '/v1/chat/completions' && req.method === 'POST') {
      // Queued scripts are for the chat; side requests (titles) get the default answer.
      let script = (body?.stream ? queue.shift() : undefined) ?? defaultScript(body);
      if (script.obeyInjection) script = { ...script, ...obeyInjection(body, api.url) };
      return complete(script, body, req, res, record);
    }
    return json(res, 404, errorBody(404));
  });

  function json(res, status, value, headers = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  }

  async function servePage(name, res) {
    const file = path.join(PAGES_DIR, path.normalize(name).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(PAGES_DIR)) return res.writeHead(403).end();
    try {
      const data = await readFile(file);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      });
      res.end(data);
    } catch {
      res.writeHead(404).end();
    }
  }

  function control(pathname, body, res) {
    if (pathname === '/__control/enqueue') api.enqueue(...(Array.isArray(body) ? body : [body]));
    else if (pathname === '/__control/reset') api.reset();
    else if (pathname === '/__control/moderation') Object.assign(moderation, body);
    else if (pathname === '/__control/local') Object.assign(local, body);
    else if (pathname === '/__control/requests') return json(res, 200, requests);
    else return res.writeHead(404).end();
    return json(res, 200, { ok: true });
  }

  async function moderate(body, res) {
    if (moderation.delayMs) await sleep(moderation.delayMs);
    if (moderation.status && moderation.status !== 200)
      return json(res, moderation.status, errorBody(moderation.status));
    const inputs = Array.isArray(body?.input) ? body.input : [body?.input];
    const results = inputs.map((input) => {
      const text = textOf(
        typeof input === 'object' && input !== null && !Array.isArray(input) ? [input] : input,
      ).toLowerCase();
      const hit = new Set();
      for (const [word, categories] of Object.entries(moderation.flagWords)) {
        if (text.includes(word.toLowerCase())) for (const c of categories) hit.add(c);
      }
      const categories = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, hit.has(c)]));
      const scores = Object.fromEntries(
        MODERATION_CATEGORIES.map((c) => [c, hit.has(c) ? 0.97 : 0.001]),
      );
      const applied = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, ['text']]));
      return {
        flagged: hit.size > 0,
        categories,
        category_scores: scores,
        category_applied_input_types: applied,
      };
    });
    json(res, 200, { id: `modr-${Date.now()}`, model: 'omni-moderation-latest', results });
  }

  async function complete(script, body, req, res, record) {
    let closed = false;
    res.on('close', () => {
      closed = true;
      // When the connection ended, and whether the client went away before the reply was over.
      record.closedAt = Date.now();
      record.closedByClient = !res.writableFinished;
    });
    if (script.headersDelayMs) await sleep(script.headersDelayMs);
    if (closed) return;
    if (script.raw) {
      res.writeHead(
        script.raw.status ?? 200,
        script.raw.headers ?? { 'Content-Type': 'text/html' },
      );
      return res.end(script.raw.body);
    }
    if (script.status && script.status !== 200)
      return json(res, script.status, errorBody(script.status, script.errorCode), script.headers);
    const model = body?.model ?? 'parley-test-model';
    const chunks = chunksOf(script);
    const id = `chatcmpl-${Math.random().toString(36).slice(2)}`;
    const created = Math.floor(Date.now() / 1000);
    if (!body?.stream) {
      return json(
        res,
        200,
        {
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: chunks.join('') },
              finish_reason: 'stop',
            },
          ],
          usage: {
            prompt_tokens: 10,
            completion_tokens: chunks.length,
            total_tokens: 10 + chunks.length,
          },
        },
        script.headers,
      );
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      ...script.headers,
    });
    res.flushHeaders();
    const nl = script.crlf ? '\r\n' : '\n';
    const write = async (data, event) => {
      const text = `${event ? `event: ${event}${nl}` : ''}data: ${data}${nl}${nl}`;
      if (!script.splitBytes) return res.write(text);
      // Split at arbitrary byte offsets, including inside multi-byte characters.
      const bytes = Buffer.from(text, 'utf8');
      for (let i = 0; i < bytes.length; i += 3) {
        res.write(bytes.subarray(i, i + 3));
        await sleep(0);
      }
    };
    const chunk = (delta, finish = null) =>
      JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta, finish_reason: finish }],
      });
    // llama.cpp with return_progress: role-only chunks with prompt_progress while it reads.
    if (script.progress && body?.return_progress === true) {
      const { total, steps, stepMs = 0, cache = 0 } = script.progress;
      for (const [i, processed] of steps.entries()) {
        if (i > 0) await sleep(stepMs);
        if (closed) return;
        const progress = { total, cache, processed, time_ms: i * stepMs + 0.25 };
        const data = JSON.parse(chunk({ role: 'assistant', content: null }));
        await write(JSON.stringify({ ...data, prompt_progress: progress }));
      }
    }
    if (script.ttftMs) await sleep(script.ttftMs);
    for (const extra of script.events ?? []) await write(extra.data, extra.event);
    const faultAt = script.fault ? (script.faultAfterChunks ?? 0) : Infinity;
    const pacedFrom = performance.now();
    if (script.endless) {
      // A model that never stops: the chunks again and again until the client hangs up.
      for (let i = 0; !closed; i++) {
        if (i > 0) await sleep(script.chunkDelayMs ?? 5);
        if (closed) return;
        const content = chunks[i % chunks.length];
        await write(chunk(i === 0 ? { role: 'assistant', content } : { content }));
        record.streamedChars = (record.streamedChars ?? 0) + content.length;
      }
      return;
    }
    for (let i = 0; i < chunks.length && !closed; i++) {
      if (i === faultAt) break;
      if (script.tokensPerSecond) {
        // Paced like a fast provider: chunk i leaves at i/rate seconds; chunks already due go
        // out back to back, so 2,000 tokens/s is not limited by timer resolution.
        const due = pacedFrom + (i * 1000) / script.tokensPerSecond;
        const wait = due - performance.now();
        if (wait > 2) await sleep(wait);
      } else if (i > 0) await sleep(script.chunkDelayMs ?? 5);
      if (closed) return;
      if (script.comments) res.write(`: keep-alive${nl}${nl}`);
      if (script.unknownEvents) res.write(`event: ping${nl}data: not json${nl}${nl}`);
      if (script.badJsonAt === i) res.write(`data: {"broken json${nl}${nl}`);
      // llama.cpp: the first chunk carries only the role, with content null.
      if (i === 0 && script.roleOnlyFirst) await write(chunk({ role: 'assistant', content: null }));
      await write(
        chunk(
          i === 0 && !script.roleOnlyFirst
            ? { role: 'assistant', content: chunks[i] }
            : { content: chunks[i] },
        ),
      );
    }
    if (closed) return;
    if (script.fault === 'drop') {
      // Let the chunks already written reach the client, then cut the socket mid-stream.
      await sleep(50);
      return req.socket.destroy();
    }
    if (script.fault === 'eof') return res.end();
    if (script.fault === 'sse-error' && script.errorEvent) {
      // The server's own error shape (llama.cpp: {"error":{"code":500,…}}; Ollama: a string).
      await write(JSON.stringify(script.errorEvent));
      return res.end();
    }
    if (script.fault === 'sse-error') {
      await write(
        JSON.stringify({
          error: {
            message: 'The server had an error while processing your request.',
            type: 'server_error',
            code: null,
          },
        }),
      );
      return res.end();
    }
    if (script.fault === 'stall') {
      if (script.stallMs) {
        await sleep(script.stallMs);
        if (!closed) res.end();
      }
      return; // left open until the client gives up or the server closes
    }
    await write(chunk({}, 'stop'));
    if (body?.stream_options?.include_usage) {
      await write(
        JSON.stringify({
          id,
          object: 'chat.completion.chunk',
          created,
          model,
          choices: [],
          usage: {
            prompt_tokens: 10,
            completion_tokens: chunks.length,
            total_tokens: 10 + chunks.length,
          },
        }),
      );
    }
    await write('[DONE]');
    res.end();
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;

  const api = {
    url,
    baseURL: `${url}/v1`,
    requests,
    canaryHits,
    moderation,
    local,
    chatRequests: streamingChats,
    sideRequests: () => requests.filter((r) => isChat(r) && r.body?.stream !== true),
    enqueue: (...scripts) => {
      queue.push(...scripts);
    },
    reset: () => {
      queue = [];
      requests.length = 0;
      canaryHits.length = 0;
      Object.assign(moderation, { flagWords: {}, delayMs: 0, status: undefined });
      Object.assign(local, { originCheck: false, modelsShape: 'openai' });
    },
    waitForRequests: (n, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const waiter = {
          n,
          resolve,
          timer: setTimeout(
            () => reject(new Error(`waited ${timeoutMs} ms for ${n} chat requests`)),
            timeoutMs,
          ),
        };
        waiters.push(waiter);
        notify();
      }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return api;
}
