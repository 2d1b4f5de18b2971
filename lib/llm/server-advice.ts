/**
 * The sentences the settings form shows for what a probe found (issue 14, items 2 and 7): each
 * server kind's name, how to get a model onto a server that has none, and one line per "Test
 * connection" verdict that says reachable? key accepted? models? and what to do next.
 */
import type { ConnectionVerdict, LocalServer, LocalServerKind } from '../model/local-servers';
import { countNotice, notice } from '../model/notices';

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
  'openai-compatible': notice('serverOpenAiCompatible'),
};

/** What to do about a server, and the command to type where there is one. */
export interface ServerHint {
  say: string;
  command?: string;
}

/** Each kind's way to a first model, with its own command or menu, named exactly. */
export const NO_MODEL_HINTS: Record<LocalServerKind, ServerHint> = {
  ollama: { say: notice('hintOllama'), command: 'ollama pull llama3.2' },
  lmstudio: { say: notice('hintLmStudio'), command: 'lms load <model>' },
  llamacpp: { say: notice('hintLlamaCpp'), command: 'llama-server -m model.gguf' },
  vllm: { say: notice('hintVllm'), command: 'vllm serve <model>' },
  jan: { say: notice('hintJan') },
  localai: { say: notice('hintLocalAi'), command: 'local-ai run <model>' },
  textgen: { say: notice('hintTextgen') },
  koboldcpp: { say: notice('hintKoboldCpp'), command: 'koboldcpp --model model.gguf' },
  'openai-compatible': { say: notice('hintOpenAiCompatible') },
};

/** A hint as one line of text. */
export function hintText({ say, command }: ServerHint): string {
  return command ? notice('hintCommand', say, command) : say;
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
    say: notice('hintOllamaOrigins'),
    command: `OLLAMA_ORIGINS=${allowListEntry(extensionOrigin)}`,
  };
}

/** One line for a server in the "Local servers" list: what it is and what it has. */
export function describeServer(server: LocalServer): string {
  const where = server.baseUrl.replace(/^http:\/\//, '').replace(/\/v1$/, '');
  const name = notice('serverAt', SERVER_LABELS[server.kind], where);
  switch (server.status) {
    case 'models':
      return notice('serverModels', name, count(server.models.length));
    case 'empty':
      return notice('serverEmpty', name);
    case 'needs_key':
      return notice('serverNeedsKey', name);
    case 'refused':
      return notice('serverRefused', name);
  }
}

const count = (n: number) => countNotice(n, 'countModelOne', 'countModels');

/** The result of "Test connection" as one sentence, and whether it is good news. */
export function describeVerdict(
  verdict: ConnectionVerdict,
  extensionOrigin: string,
): { ok: boolean; text: string } {
  const key = (sent: boolean) => notice(sent ? 'keyAccepted' : 'noKeyNeeded');
  switch (verdict.kind) {
    case 'ok':
      return {
        ok: true,
        text: notice('verdictOk', key(verdict.keySent), count(verdict.models.length)),
      };
    case 'no_models':
      return {
        ok: false,
        text: notice('verdictNoModels', key(verdict.keySent), noModelHintText(verdict.server)),
      };
    case 'key_rejected':
      return {
        ok: false,
        text: verdict.keySent ? notice('verdictKeyRejected') : notice('verdictNeedsKey'),
      };
    case 'refused':
      return {
        ok: false,
        text: verdict.local
          ? notice('verdictRefusedLocal', hintText(refusedHint(extensionOrigin)))
          : notice('verdictRefused'),
      };
    case 'not_found':
      return {
        ok: false,
        text: notice('verdictNotFound'),
      };
    case 'not_a_model_server':
      return {
        ok: false,
        text: notice('verdictNotModelServer'),
      };
    case 'server_error':
      return {
        ok: false,
        text: notice('verdictServerError', verdict.status),
      };
    case 'timeout':
      return {
        ok: false,
        text: notice('verdictTimeout'),
      };
    case 'unreachable':
      return {
        ok: false,
        text: notice('verdictUnreachable'),
      };
  }
}
