/**
 * "Find local servers" (issue 14, item 2): the usual ports of local model servers on this
 * machine, asked for their models in parallel with a short deadline each. Runs in the worker
 * only after the user's click (the panel asks for loopback host permission from that click);
 * pure over the fetch it is given.
 */
import type { LocalServer, LocalServerKind } from '../model/local-servers';
import {
  kindFromServerHeader,
  probeGet,
  readModelList,
  type ProbeAnswer,
  type ProbeFetch,
} from './server-probe';

/** A port to look at and the server that usually listens there. */
export interface ProbeTarget {
  port: number;
  kind: LocalServerKind;
  /** Who else shares the port: the guess when the model list lacks `kind`'s own markers. */
  otherwise?: LocalServerKind;
}

/**
 * Where local servers listen by default. LocalAI shares llama.cpp's 8080 (one probe: the answer's
 * shape tells them apart); text-generation-webui's API is on 5000, KoboldCpp's on 5001.
 */
export const LOCAL_PROBE_TARGETS: readonly ProbeTarget[] = [
  { port: 11434, kind: 'ollama' },
  { port: 1234, kind: 'lmstudio' },
  // llama.cpp marks its list (`owned_by: "llamacpp"`, `meta`); LocalAI's plain list does not.
  { port: 8080, kind: 'llamacpp', otherwise: 'localai' },
  { port: 8000, kind: 'vllm' },
  { port: 1337, kind: 'jan' },
  { port: 5000, kind: 'textgen' },
  { port: 5001, kind: 'koboldcpp' },
];

/**
 * The hosts asked, in order of preference. `localhost` as well as 127.0.0.1: a server bound to
 * ::1 only answers there. Both are what the loopback host permission covers.
 */
export const LOCAL_PROBE_HOSTS: readonly string[] = ['127.0.0.1', 'localhost'];

/** A loopback GET answers in milliseconds; a port nobody listens on is refused at once. */
export const LOCAL_PROBE_TIMEOUT_MS = 2500;

/** What the search needs: the fetch, and (tests, the E2E hook) other targets, hosts or deadline. */
export interface FindLocalServersOptions {
  fetch: ProbeFetch;
  targets?: readonly ProbeTarget[];
  hosts?: readonly string[];
  timeoutMs?: number;
}

/**
 * Every target on every host at once; for each port the first host (in `hosts` order) that
 * answered like a model server is kept, so a server reachable both ways is listed once.
 */
export async function findLocalServers(options: FindLocalServersOptions): Promise<LocalServer[]> {
  const targets = dedupePorts(options.targets ?? LOCAL_PROBE_TARGETS);
  const hosts = options.hosts ?? LOCAL_PROBE_HOSTS;
  const timeoutMs = options.timeoutMs ?? LOCAL_PROBE_TIMEOUT_MS;
  const found = await Promise.all(
    targets.map(async (target) => {
      const answers = await Promise.all(
        hosts.map((host) =>
          probeOrigin(options.fetch, origin(host, target.port), target, timeoutMs),
        ),
      );
      return answers.find((server) => server !== null) ?? null;
    }),
  );
  return found.filter((server): server is LocalServer => server !== null);
}

function dedupePorts(targets: readonly ProbeTarget[]): ProbeTarget[] {
  const seen = new Set<number>();
  return targets.filter((t) => !seen.has(t.port) && seen.add(t.port));
}

function origin(host: string, port: number): string {
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

/**
 * One origin: `/v1/models` first (every OpenAI-compatible server has it), then Ollama's own
 * `/api/tags` when the first answer was no model list (an Ollama too old for /v1/models).
 * Null when nothing answered or what answered is not a model server.
 */
export async function probeOrigin(
  fetch: ProbeFetch,
  origin: string,
  target: ProbeTarget,
  timeoutMs: number,
): Promise<LocalServer | null> {
  const baseUrl = `${origin}/v1`;
  const first = await probeGet(fetch, `${baseUrl}/models`, { timeoutMs });
  if (first.kind !== 'answer' || isNotAModelServer(first)) return null;
  const guess = (shape: LocalServerKind | null) =>
    shape ?? kindFromServerHeader(first.server) ?? target.kind;
  // A key or an origin check in the way: the server is there, and the user can still pick it.
  if (first.status === 401) return { kind: guess(null), baseUrl, status: 'needs_key', models: [] };
  if (first.status === 403) return { kind: guess(null), baseUrl, status: 'refused', models: [] };
  const list = first.status === 200 ? readModelList(first.json) : null;
  if (list) return fromList(baseUrl, list.models, guess(list.kind ?? target.otherwise ?? null));
  const tags = await probeGet(fetch, `${origin}/api/tags`, { timeoutMs });
  const ollama = tags.kind === 'answer' && tags.status === 200 ? readModelList(tags.json) : null;
  return ollama ? fromList(baseUrl, ollama.models, 'ollama') : null;
}

function fromList(baseUrl: string, models: string[], kind: LocalServerKind): LocalServer {
  return { kind, baseUrl, status: models.length ? 'models' : 'empty', models };
}

/**
 * What answers on these ports without being a model server: macOS's AirPlay receiver on 5000
 * (403 to everything), a web server's HTML error page. A model server's 401 or 403 has a JSON
 * body or none at all.
 */
function isNotAModelServer(answer: Extract<ProbeAnswer, { kind: 'answer' }>): boolean {
  if (answer.server.includes('airtunes')) return true;
  const refusal = answer.status === 401 || answer.status === 403;
  return refusal && !answer.empty && answer.json === undefined;
}
