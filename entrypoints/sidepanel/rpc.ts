/** Request/response calls to the background (settings, model list). */
import { browser } from 'wxt/browser';
import type { RpcRequest, RpcResponse } from '@/lib/protocol';

export async function callBackground(request: RpcRequest): Promise<RpcResponse> {
  try {
    const response = (await browser.runtime.sendMessage(request)) as RpcResponse | undefined;
    return (
      response ?? {
        type: 'rpc_error',
        message: 'Parley’s background did not answer. Reload the panel.',
      }
    );
  } catch {
    return { type: 'rpc_error', message: 'Parley’s background did not answer. Reload the panel.' };
  }
}
