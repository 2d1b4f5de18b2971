/**
 * Runs llama.cpp's own `llama-server` for the real-server tier: built (and cached in
 * ~/.cache/parley-llama) by ../shared/tools/llama-server/build.sh, started on a free loopback
 * port, ready once /health answers 200; stop, kill (mid-reply) and restart on the same port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The build script, beside the repository in CI (../shared) and on the agents' machines. */
export const BUILD_SCRIPT = path.resolve(
  import.meta.dirname,
  '../../../../shared/tools/llama-server/build.sh',
);

/** Paths build.sh printed: the server binary and the random-weight models. */
export interface LlamaBuild {
  server: string;
  tiny: string;
  half?: string;
}

let cached: LlamaBuild | null = null;

/** Runs build.sh (instant once cached) and reads the paths from its last lines. */
export function llamaBuild(): LlamaBuild {
  if (cached) return cached;
  if (!existsSync(BUILD_SCRIPT)) throw new Error(`No llama-server build script at ${BUILD_SCRIPT}`);
  const out = spawnSync('bash', [BUILD_SCRIPT, '--with-0.5b'], { encoding: 'utf8' });
  if (out.status !== 0)
    throw new Error(`build.sh failed (${out.status}): ${out.stderr.slice(-2000)}`);
  const value = (key: string) => out.stdout.match(new RegExp(`^${key}=(.+)$`, 'm'))?.[1];
  const server = value('server');
  const tiny = value('model-tiny');
  if (!server || !tiny) throw new Error(`build.sh printed no paths: ${out.stdout}`);
  cached = { server, tiny, ...(value('model-0.5b') ? { half: value('model-0.5b') } : {}) };
  return cached;
}

/** A free loopback port (asked of the OS, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** How to start one server. */
export interface LlamaOptions {
  model?: 'tiny' | '0.5b';
  alias?: string;
  /** The server's context size (-c). */
  ctx?: number;
  threads?: number;
  apiKey?: string;
  /** More llama-server flags (e.g. `--ignore-eos` for replies long enough to stop). */
  extraArgs?: string[];
}

/** One running llama-server. */
export interface Llama {
  port: number;
  url: string;
  /** The OpenAI-compatible base URL Parley is configured with. */
  baseURL: string;
  /** Everything the server wrote (its log is on stderr). */
  log(): string;
  /** GET /slots: each slot's state, prompt (after the chat template) and what it generated. */
  slots(): Promise<Slot[]>;
  /** SIGKILL, as a crash would: open streams end without [DONE]. */
  kill(): Promise<void>;
  /** Starts the same server again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** What /slots reports per slot (the fields the tests read). */
export interface Slot {
  id: number;
  n_ctx: number;
  is_processing: boolean;
  prompt?: string;
  generated?: string;
  n_prompt_tokens?: number;
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`llama-server exited: ${log().slice(-2000)}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`llama-server not healthy after 60 s: ${log().slice(-2000)}`);
}

/** Starts llama-server on a free port and resolves once it is ready to answer. */
export async function startLlama(options: LlamaOptions = {}): Promise<Llama> {
  const build = llamaBuild();
  const model = options.model === '0.5b' ? build.half : build.tiny;
  if (!model) throw new Error('The 0.5B model is not built (build.sh --with-0.5b).');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    ...['-m', model, '-a', options.alias ?? 'tiny', '--host', '127.0.0.1', '--port', String(port)],
    ...['-t', String(options.threads ?? 1), '-c', String(options.ctx ?? 4096), '-np', '1'],
    '--slots',
    ...(options.apiKey ? ['--api-key', options.apiKey] : []),
    ...(options.extraArgs ?? []),
  ];
  let output = '';
  let child: ChildProcess;
  const launch = async () => {
    // Slots debug: /slots also shows each slot's prompt as the chat template rendered it.
    child = spawn(build.server, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LLAMA_SERVER_SLOTS_DEBUG: '1' },
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-200_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await waitForHealth(url, child, () => output);
  };
  const exited = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
  await launch();
  const headers: Record<string, string> = options.apiKey
    ? { Authorization: `Bearer ${options.apiKey}` }
    : {};
  return {
    port,
    url,
    baseURL: `${url}/v1`,
    log: () => output,
    slots: async () => (await (await fetch(`${url}/slots`, { headers })).json()) as Slot[],
    kill: async () => {
      child.kill('SIGKILL');
      await exited();
    },
    restart: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited();
      }
      await launch();
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited();
      clearTimeout(timer);
    },
  };
}
