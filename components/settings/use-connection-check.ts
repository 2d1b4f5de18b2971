/**
 * What the form knows about whether the endpoint answers (issue 14, item 7): the last verdict of
 * "Test connection" (or of Load models, or of a local server just picked), kept for the endpoint
 * and key it was found with. Typing another URL or key makes it stale, so Save tests again.
 */
import { useState } from 'react';
import type { ConnectionVerdict } from '@/lib/model/local-servers';
import type { RpcRequest, RpcResponse } from '@/lib/protocol';

/** Which endpoint and key a verdict is about: the URL, the key field's edits, a reused key. */
export function endpointFingerprint(baseUrl: string, keyEdits: number, reuseFrom?: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}\n${keyEdits}\n${reuseFrom ?? ''}`;
}

/** A test's outcome: the verdict, or the sentence saying why there is none. */
export type CheckOutcome = { verdict: ConnectionVerdict } | { error: string };

/** The verdict for `fingerprint` (null when none or stale), and how to get or record one. */
export function useConnectionCheck(
  call: (request: RpcRequest) => Promise<RpcResponse>,
  fingerprint: string,
) {
  const [known, setKnown] = useState<{ fingerprint: string; outcome: CheckOutcome } | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = known?.fingerprint === fingerprint ? known.outcome : null;
  const record = (outcome: CheckOutcome, forFingerprint = fingerprint) =>
    setKnown({ fingerprint: forFingerprint, outcome });

  /** Tests the endpoint in the worker (the key stays there) and records what it found. */
  const run = async (request: {
    baseUrl: string;
    apiKey?: string;
    reuseKeyFrom?: string;
  }): Promise<CheckOutcome> => {
    setBusy(true);
    const asked = fingerprint;
    try {
      const response = await call({ type: 'test_connection', ...request });
      const result: CheckOutcome =
        response.type === 'connection'
          ? { verdict: response.verdict }
          : { error: response.type === 'rpc_error' ? response.message : 'Could not test.' };
      record(result, asked);
      return result;
    } finally {
      setBusy(false);
    }
  };

  return {
    outcome,
    verdict: outcome && 'verdict' in outcome ? outcome.verdict : null,
    busy,
    run,
    record,
  };
}

/** The hook's result, as the parts of the form take it. */
export type ConnectionCheck = ReturnType<typeof useConnectionCheck>;
