/**
 * The one contract between Parley's contexts (DESIGN §1). The side panel talks to the background
 * worker over a port named "chat" (streams: port.ts) and `runtime.sendMessage` (request/response:
 * rpc.ts). Every message is a discriminated union member and is validated where it is received;
 * every handler first checks the sender (sender.ts).
 */
export * from './port';
export * from './rpc';
export * from './sender';
