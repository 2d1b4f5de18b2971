/**
 * The one contract between Parley's contexts (DESIGN §1). The side panel talks to the background
 * worker over a port named "chat" (streams: port.ts) and `runtime.sendMessage` (request/response:
 * rpc.ts). Every message is a discriminated union member, checked where it is received: panel
 * messages by the background (requests.ts), events by the panel (events.ts), RPC requests by the
 * background (rpc-request.ts) and answers by the panel (rpc-answer.ts); every handler first checks
 * the sender (sender.ts). The side panel imports port.ts and rpc.ts themselves, not this index, and
 * loads its checks when it connects or calls, so they stay out of its initial bundle (DESIGN §8).
 */
export * from './port';
export * from './requests';
export * from './events';
export * from './rpc';
export * from './rpc-request';
export * from './sender';
