/**
 * What Parley learns about a model server when it looks (issue 14, items 2 and 7): the local
 * servers that answered "Find local servers", and the verdict of "Test connection". Plain data:
 * the probe (lib/llm/local-servers, lib/llm/connection-test) produces it in the worker, the
 * protocol carries it, the settings form shows it.
 */

/** The kinds of local server Parley recognises, and `openai-compatible` for any other. */
export type LocalServerKind =
  | 'ollama'
  | 'lmstudio'
  | 'llamacpp'
  | 'vllm'
  | 'jan'
  | 'localai'
  | 'textgen'
  | 'koboldcpp'
  | 'openai-compatible';

/**
 * A server that answered on a loopback port: it lists models, lists none, asks for a key (401)
 * or refuses Parley's requests (403, Ollama's answer to an origin it does not allow).
 */
export interface LocalServer {
  kind: LocalServerKind;
  /** The OpenAI-compatible base URL to chat with it, e.g. `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  status: 'models' | 'empty' | 'needs_key' | 'refused';
  /** Model ids as its chat endpoint takes them (empty unless `status` is `models`). */
  models: string[];
}

/**
 * What "Test connection" found: reachable? key accepted? models? One case per answer a user
 * needs a different sentence (and a different fix) for.
 */
export type ConnectionVerdict =
  | { kind: 'ok'; models: string[]; keySent: boolean }
  | { kind: 'no_models'; server: LocalServerKind; keySent: boolean }
  | { kind: 'key_rejected'; keySent: boolean }
  | { kind: 'refused'; local: boolean }
  | { kind: 'not_found' }
  | { kind: 'not_a_model_server' }
  | { kind: 'server_error'; status: number }
  | { kind: 'timeout' }
  | { kind: 'unreachable' };
