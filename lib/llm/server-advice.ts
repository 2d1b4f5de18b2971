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

/** How to give a server with no models one: its own command or menu, named exactly. */
export const NO_MODEL_HINTS: Record<LocalServerKind, string> = {
  ollama: 'Get one in a terminal: ollama pull llama3.2 (or any model from ollama.com/library).',
  lmstudio: 'Load a model in LM Studio (the model picker at the top, or: lms load <model>).',
  llamacpp: 'Start llama-server with a model: llama-server -m path/to/model.gguf.',
  vllm: 'Start vLLM with a model: vllm serve <model>.',
  jan: 'Download a model in Jan’s Hub and start it.',
  localai: 'Install a model from LocalAI’s gallery: local-ai run <model>.',
  textgen: 'Load a model in text-generation-webui’s Model tab.',
  koboldcpp: 'Start KoboldCpp with a model: koboldcpp --model path/to/model.gguf.',
  'openai-compatible': 'Load or download a model on the server, then look again.',
};

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
export function refusedFix(extensionOrigin: string): string {
  return (
    'Ollama accepts only the origins in OLLAMA_ORIGINS. Set ' +
    `OLLAMA_ORIGINS=${allowListEntry(extensionOrigin)} where Ollama runs, restart it, and look again.`
  );
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
        text: `Reachable · ${key(verdict.keySent)} · no models. ${NO_MODEL_HINTS[verdict.server]}`,
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
          ? `Reachable, but it refuses Parley’s requests (403). ${refusedFix(extensionOrigin)}`
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
