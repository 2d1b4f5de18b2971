/**
 * The settings' and imports' sentences, as English templates beside notice-sentences.ts: what a
 * server probe found (lib/llm/server-advice) and what an import did or refused (lib/export).
 */

/** Whole sentences about servers and imports; several may be joined with a space. */
export const NOTICE_ADVICE = {
  // How to get a first model onto each kind of server (NO_MODEL_HINTS); a command may follow.
  hintOllama: 'Get one in a terminal:',
  hintLmStudio: 'Load a model in LM Studio (the picker at the top), or:',
  hintLlamaCpp: 'Start llama-server with a model:',
  hintVllm: 'Start vLLM with a model:',
  hintJan: 'Download a model in Jan’s Hub and start it.',
  hintLocalAi: 'Install one from LocalAI’s gallery:',
  hintTextgen: 'Load a model in text-generation-webui’s Model tab.',
  hintKoboldCpp: 'Start KoboldCpp with a model:',
  hintOpenAiCompatible: 'Load or download a model on the server, then look again.',
  hintOllamaOrigins:
    'Ollama accepts only the origins in OLLAMA_ORIGINS. Set this where Ollama runs, restart it, and look again:',

  // One server in the "Local servers" list: $1 is its name and place (serverAt).
  serverModels: '$1: $2',
  serverEmpty: '$1: no models yet',
  serverNeedsKey: '$1: found, it asks for an API key',
  serverRefused: '$1: found, but it refuses Parley’s requests',

  // "Test connection" (describeVerdict).
  verdictOk: 'Reachable · $1 · $2.',
  verdictNoModels: 'Reachable · $1 · no models. $2',
  verdictKeyRejected: 'Reachable · key rejected (401). Check the API key.',
  verdictNeedsKey: 'Reachable · it needs an API key (401). Enter it under API key.',
  verdictRefusedLocal: 'Reachable, but it refuses Parley’s requests (403). $1',
  verdictRefused: 'Reachable · access refused (403): this key may not be allowed to list models.',
  verdictNotFound:
    'Reachable, but no model list there (404). OpenAI-compatible base URLs usually end in /v1.',
  verdictNotModelServer:
    'Something answered, but not like an OpenAI-compatible server. Check the base URL.',
  verdictServerError:
    'Reachable, but the server answered with an error (HTTP $1). Retry in a moment.',
  verdictTimeout: 'No answer in time. Check the base URL and that the server is running.',
  verdictUnreachable:
    'Not reachable: nothing answered there. Check the base URL and that the server is running.',

  // Imports (lib/export): progress, the summary's sentence (its clauses are parts), refusals.
  importProgress: 'Importing… $1 of $2',
  importSummary: '$1.',
  importSummary2: '$1; $2.',
  importSummary3: '$1; $2; $3.',
  importNotJson: 'That file is not JSON. Nothing was imported.',
  importNotExport: 'That file is not a Parley conversations export. Nothing was imported.',
  importNoneValid:
    'That file is not a Parley conversations export: none of its conversations is valid ($1). Nothing was imported.',
  importForeignMessages: '“$1” has messages from another conversation. Nothing was imported.',
  feedbackImportedOne: 'Imported $1; $2 was already here.',
  feedbackImportedMany: 'Imported $1; $2 were already here.',
  feedbackLineNotJson: 'Line $1 is not valid JSON. Nothing was imported.',
  feedbackLineNotRecord: 'Line $1 is not a Parley feedback record. Nothing was imported.',
  feedbackNoRecords: 'The file has no feedback records.',
} as const;
