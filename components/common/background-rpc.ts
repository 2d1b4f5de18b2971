/**
 * Request/response calls to the background (settings, model list), the answer checked on receipt.
 * Shared by the side panel and the options page, so neither imports the other's files.
 */
import { browser } from 'wxt/browser';
import { NO_ANSWER, type RpcName, type RpcRequestOf, type RpcResult } from '@/lib/protocol/rpc';

/** Sends `request` and resolves to its checked answer: an invalid or missing one is an error. */
export async function callBackground<K extends RpcName>(
  request: RpcRequestOf<K>,
): Promise<RpcResult<K>> {
  try {
    // Loaded on the first call, beside the request in flight: the checks stay out of the
    // initial bundle (DESIGN §8).
    const [answer, { parseRpcResponse }] = await Promise.all([
      browser.runtime.sendMessage(request),
      import('@/lib/protocol/rpc-answer'),
    ]);
    return parseRpcResponse(request.type, answer);
  } catch {
    return { type: 'rpc_error', message: NO_ANSWER };
  }
}
