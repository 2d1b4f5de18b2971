/**
 * The sentences the worker and the libraries say to the user, as English templates (`$1`…`$9`
 * are the parameters). They cross the port and are stored as text, so the panel recognises them
 * by these templates and shows them in the browser's language (components/notices). Reached
 * through notices.ts.
 */

/** Whole sentences: each may be shown on its own, or several joined with a space. */
export const NOTICE_SENTENCES = {
  // A reply that failed (lib/llm/errors ERROR_MESSAGES, one per ErrorCode).
  errorNoKey: 'Add an API key in Settings to start chatting.',
  errorAuth: 'The API key was rejected. Check it in Settings.',
  errorForbidden:
    'This key is not allowed to use this model or endpoint. Check your account or pick another model in Settings.',
  errorLocalOrigin: 'The local server refused the request.',
  errorModelNotFound:
    'The model or endpoint was not found. Check the model name and base URL in Settings.',
  errorRateLimited: 'The server is rate-limiting requests. Wait a moment, then retry.',
  errorQuota: 'Your account has run out of quota. Check your plan and billing with the provider.',
  errorContextLength:
    'The conversation is too long for this model. Start a new chat or remove attachments.',
  errorBadRequest: 'The server refused the request.',
  errorServer: 'The server had a problem answering. Retry in a moment.',
  errorTimeout: 'The server took too long to respond. Retry, or check that it is running.',
  errorOffline: 'You appear to be offline. Reconnect, then retry.',
  errorUnreachable:
    "Couldn't reach the server. Check the base URL in Settings and that the server is running.",
  errorPermission:
    'Parley needs permission to reach this server. Open Settings and save the endpoint again to grant it.',
  errorStorage:
    'Parley could not save to browser storage. Your reply is kept on screen; copy it before closing.',
  errorModerationUnavailable:
    'Moderation is unavailable, and your settings hold messages until it can check them.',
  errorUnknown: 'Something went wrong. Retry, or check Settings.',

  // Settings that do not validate (lib/settings).
  settingsBaseUrlMissing: 'Enter the base URL of an OpenAI-compatible server.',
  settingsCredentialsInUrl: 'Put credentials in the API key field, not in the URL.',
  settingsFirstTokenRange: 'Wait for the first token must be between $1 and $2 minutes.',

  // A reply that ended early (INTERRUPT_MESSAGES).
  interruptStalled: 'The server stopped sending. The reply so far is kept.',
  interruptFirstToken:
    'Parley waited as long as Settings allows for the first word, and none came. A local server can read a long prompt for minutes: raise “Wait for the first token” in Settings, then Retry.',
  interruptTruncated: 'The reply was cut off before the server finished. The text so far is kept.',
  interruptNetwork: 'The connection dropped. The reply so far is kept.',
  interruptWorkerRestart: 'Parley restarted while answering. The reply so far is kept.',
  interruptTooLong: 'The reply was stopped at 2 MB: that is longer than Parley keeps.',

  // The built-in model's failures, shown as an error's detail (lib/llm/builtin/errors).
  builtinNotReady:
    'The built-in model is not ready: download it in Settings (Chrome needs a click to start the download), or check that Chrome allows it.',
  builtinUnavailable:
    'The built-in model is not available on this device. Settings says why; choose another provider there.',
  builtinLanguage:
    'The built-in model may not support this language or input. It knows English, Spanish and Japanese.',
  builtinFiltered: 'The built-in model withheld its answer (Chrome filtered the output).',
  builtinDownload:
    'The built-in model could not be downloaded. Check the connection (it needs an unmetered network), then retry.',
  builtinFailed: 'The built-in model failed. Retry, or restart Chrome.',
  builtinNoModeration: 'The built-in model has no moderation endpoint.',
  builtinTooLong: 'Too long for the built-in model.',
  builtinLanguageNotice:
    'This conversation seems to be in $1: the built-in model may not support it (it knows English, Spanish and Japanese).',

  // Storage, and requests the background could not start (lib/db/storage-errors, lib/engine).
  storageFullReply:
    "Parley couldn't save this reply: browser storage is full. It stays on screen: copy it or use Export Markdown before closing the panel, and free up some disk space.",
  storageFailedReply:
    "Parley couldn't save this reply to browser storage (is the disk full?). It stays on screen: copy it or use Export Markdown before closing the panel.",
  storageFullChat:
    "Parley couldn't continue this chat: browser storage is full. Free up some disk space, or start a New chat.",
  storageUnreadableChat:
    "Parley couldn't read this chat from browser storage. Start a New chat; your earlier chats come back when storage works again.",
  requestFailed: 'The request failed.',
  messageGone: 'That message no longer exists.',
  conversationGone: 'That conversation no longer exists.',
  replyWithoutRecord: 'A reply needs its assistant record.',

  // The panel and the background (lib/protocol).
  rpcNoAnswer: 'Parley’s background did not answer. Reload the panel.',
  rpcUnreadable: 'Parley’s background sent an answer the panel cannot read. Reload the panel.',

  // Page text (lib/selection/to-attachment).
  selectionEmpty: 'Select some text first.',
  selectionUnreadable:
    'Parley can’t read this page. Select the text, right-click it and choose “Ask Parley about selection”.',
  hiddenRemovedOne: 'Removed $1 hidden passage.',
  hiddenRemovedMany: 'Removed $1 hidden passages.',
  hiddenRemovedOneWhy: 'Removed $1 hidden passage ($2).',
  hiddenRemovedManyWhy: 'Removed $1 hidden passages ($2).',
  hiddenTextRemoved: 'Hidden text was removed.',

  // Custom headers (lib/custom-headers).
  headerNameEmpty: 'Enter a header name.',
  headerNameChars: 'A header name is letters, digits and - _ . only, no spaces.',
  headerAuthorization: 'Put the token in the API key field: Parley sends it as Authorization.',
  headerReserved: 'Parley or the browser sets $1 itself; it cannot be a custom header.',
  headerValueLineBreaks: 'A header value cannot contain line breaks.',
  headerValueTooLong: 'That header value is too long.',
  headerValuePlain: 'A header value must be plain text.',
  headerNeedsBaseUrl: 'Enter a valid base URL first.',
  headerTooMany: 'At most $1 headers per server.',
} as const;
