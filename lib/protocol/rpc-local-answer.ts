/**
 * The panel's checks of the answers to the local-setup requests (rpc-local.ts), loaded with the
 * other answer checks (rpc-answer.ts) on the first call, outside the panel's initial bundle.
 */
import { arrayOf, isBoolean, isCount, isString, oneOf, shape, type Check } from './guards';

const KINDS = [
  'ollama',
  'lmstudio',
  'llamacpp',
  'vllm',
  'jan',
  'localai',
  'textgen',
  'koboldcpp',
  'openai-compatible',
];
const isKind = oneOf(...KINDS);
const models = arrayOf(isString, 10_000);

const isLocalServer: Check = shape({
  kind: isKind,
  baseUrl: isString,
  status: oneOf('models', 'empty', 'needs_key', 'refused'),
  models,
});

const VERDICT_FIELDS: Record<string, Record<string, Check>> = {
  ok: { models, keySent: isBoolean },
  no_models: { server: isKind, keySent: isBoolean },
  key_rejected: { keySent: isBoolean },
  refused: { local: isBoolean },
  not_found: {},
  not_a_model_server: {},
  server_error: { status: isCount },
  timeout: {},
  unreachable: {},
};

const isVerdict: Check = (v) => {
  const kind = (v as { kind?: unknown } | null)?.kind;
  const fields = isString(kind) && Object.hasOwn(VERDICT_FIELDS, kind) && VERDICT_FIELDS[kind];
  return Boolean(fields) && shape({ kind: isString, ...fields })(v);
};

/** The answer checks for `find_local_servers` and `test_connection`, by request name. */
export const localResponseGuards = {
  find_local_servers: shape({
    type: oneOf('local_servers'),
    servers: arrayOf(isLocalServer, 100),
  }),
  test_connection: shape({ type: oneOf('connection'), verdict: isVerdict }),
} satisfies Record<string, Check>;
