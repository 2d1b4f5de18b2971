/** Request/response calls to the background (settings, model list), the answer checked on receipt. */
import { browser } from 'wxt/browser';
import {
  NO_ANSWER,
  parseRpcResponse,
  type RpcName,
  type RpcRequestOf,
  type RpcResult,
} from '@/lib/protocol';

/** Sends `request` and resolves to its checked answer: an invalid or missing one is an error. */
export async function callBackground<K extends RpcName>(
  request: RpcRequestOf<K>,
): Promise<RpcResult<K>> {
  try {
    return parseRpcResponse(request.type, await browser.runtime.sendMessage(request));
  } catch {
    return { type: 'rpc_error', message: NO_ANSWER };
  }
}
