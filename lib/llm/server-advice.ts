/**
 * The sentences the settings form shows for what a probe found (issue 14, items 2 and 7): each
 * server kind's name, how to get a model onto a server that has none, and one line per "Test
 * connection" verdict that says reachable? key accepted? models? and what to do next.
 */
import type { ConnectionVerdict, LocalServer, LocalServerKind } from '../model/local-servers';

/** Each kind's name as its users know it. */
export const SERVER_LABELS: Record<LocalServerKind, string> = {
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
  llamacpp: 'llama.cpp',
  vllm: 'vLLM',
  jan: 'Jan',
  localai: 'LocalAI',
  textgen: 'text-generation-webui',
  koboldcpp: 'KoboldCpp',
  'openai-compatible': 'OpenAI-compatible server',
};

/** What to do about a server, and the command to type where there is one. */
export interface ServerHint {
  say: string;
  command?: string;
}

/** Each kind's way to a first model, with its own command or menu, named exactly. */
export const NO_MODEL_HINTS: Record<LocalServerKind, ServerHint> = {
  ollama: { say: 'Get one in a terminal:', command: 'ollama pull llama3.2' },
  lmstudio: {
    say: 'Load a model in LM Studio (the picker at the top), or:',
    command: 'lms load <model>',
  },
  llamacpp: { say: 'Start llama-server with a model:', command: 'llama-server -m model.gguf' },
  vllm: { say: 'Start vLLM with a model:', command: 'vllm serve <model>' },
  jan: { say: 'Download a model in Jan’s Hub and start it.' },
  localai: { say: 'Install one from LocalAI’s gallery:', command: 'local-ai run <model>' },
  textgen: { say: 'Load a model in text-generation-webui’s Model tab.' },
  koboldcpp: { say: 'Start KoboldCpp with a model:', command: 'koboldcpp --model model.gguf' },
  'openai-compatible': { say: 'Load or download a model on the server, then look again.' },
};

/** A hint as one line of text. */
export function hintText({ say, command }: ServerHint): string {
  return command ? `${say} ${command}` : say;
}

/** The no-models hint for a kind of server, as one line. */
export function noModelHintText(kind: LocalServerKind): string {
  return hintText(NO_MODEL_HINTS[kind]);
}

/** The origin a browser sends for this extension, as a server's allow-list needs it. */
export function allowListEntry(extensionOrigin: string): string {
  // Firefox gives each install its own moz-extension UUID: the wildcard survives a reinstall.
  return extensionOrigin.startsWith('moz-extension:')
    ? 'moz-extension://*'
    : extensionOrigin.replace(/\/+$/, '');
}

/**
 * The fix for a local server that refuses Parley (403): Ollama checks the request's Origin
 * against OLLAMA_ORIGINS, and a browser extension's origin is not on it by default.
 */
export function refusedHint(extensionOrigin: string): ServerHint {
  return {
    say: 'Ollama accepts only the origins in OLLAMA_ORIGINS. Set this where Ollama runs, restart it, and look again:',
    command: `OLLAMA_ORIGINS=${allowListEntry(extensionOrigin)}`,
  };
}

/** One line for a server in the "Local servers" list: what it is and what it has. */
export function describeServer(server: LocalServer): string {
  const where = server.baseUrl.replace(/^http:\/\//, '').replace(/\/v1$/, '');
  const name = `${SERVER_LABELS[server.kind]} at ${where}`;
  switch (server.status) {
    case 'models':
      return `${name}: ${count(server.models.length)}`;
    case 'empty':
      return `${name}: no models yet`;
    case 'needs_key':
      return `${name}: found, it asks for an API key`;
    case 'refused':
      return `${name}: found, but it refuses Parley’s requests`;
  }
}

const count = (n: number) => `${n} ${n === 1 ? 'model' : 'models'}`;

/** The result of "Test connection" as one sentence, and whether it is good news. */
export function describeVerdict(
  verdict: ConnectionVerdict,
  extensionOrigin: string,
): { ok: boolean; text: string } {
  const key = (sent: boolean) => (sent ? 'key accepted' : 'no key needed');
  switch (verdict.kind) {
    case 'ok':
      return {
        ok: true,
        text: `Reachable · ${key(verdict.keySent)} · ${count(verdict.models.length)}.`,
      };
    case 'no_models':
      return {
        ok: false,
        text: `Reachable · ${key(verdict.keySent)} · no models. ${noModelHintText(verdict.server)}`,
      };
    case 'key_rejected':
      return {
        ok: false,
        text: verdict.keySent
          ? 'Reachable · key rejected (401). Check the API key.'
          : 'Reachable · it needs an API key (401). Enter it under API key.',
      };
    case 'refused':
      return {
        ok: false,
        text: verdict.local
          ? `Reachable, but it refuses Parley’s requests (403). ${hintText(refusedHint(extensionOrigin))}`
          : 'Reachable · access refused (403): this key may not be allowed to list models.',
      };
    case 'not_found':
      return {
        ok: false,
        text: 'Reachable, but no model list there (404). OpenAI-compatible base URLs usually end in /v1.',
      };
    case 'not_a_model_server':
      return {
        ok: false,
        text: 'Something answered, but not like an OpenAI-compatible server. Check the base URL.',
      };
    case 'server_error':
      return {
        ok: false,
        text: `Reachable, but the server answered with an error (HTTP ${verdict.status}). Retry in a moment.`,
      };
    case 'timeout':
      return {
        ok: false,
        text: 'No answer in time. Check the base URL and that the server is running.',
      };
    case 'unreachable':
      return {
        ok: false,
        text: 'Not reachable: nothing answered there. Check the base URL and that the server is running.',
      };
  }
}
