/**
 * Where the built-in model runs (issue 15). Sources disagree on whether an extension service
 * worker has `LanguageModel` (the spec says Window only; Chrome 156 exposes it here), so it is
 * detected at each request: in the worker when present, otherwise in an offscreen document
 * (reason WORKERS: there is no reason for on-device AI, and this is the closest), reached over
 * one port. Either way the worker owns the generation and its persistence.
 */
import { browser } from 'wxt/browser';
import type { ModelProvider } from '@/lib/llm/provider';
import { createBuiltinProvider, type BuiltinProvider } from '@/lib/llm/builtin/provider';
import type { LanguageModelStatic } from '@/lib/llm/builtin/prompt-api';
import {
  BUILTIN_PORT_NAME,
  remoteBuiltinProvider,
  type HostRequest,
  type MiniPort,
} from '@/lib/llm/builtin/remote';
import { linkFakeLanguageModel } from '@/tests/hooks/fake-lm-worker';

type Port = MiniPort<HostRequest, unknown> & { disconnect(): void };

interface OffscreenApi {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

/** The worker's own `LanguageModel`, if this browser exposes one to service workers. */
export function workerLanguageModel(): LanguageModelStatic | undefined {
  return (globalThis as { LanguageModel?: LanguageModelStatic }).LanguageModel;
}

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

let port: Promise<Port> | null = null;

// One document per extension (an offscreen rule): created on first use, reused after.
async function connectOffscreen(): Promise<Port> {
  const api = offscreenApi();
  if (!api) throw new DOMException('No offscreen documents here.', 'NotSupportedError');
  const exists = (await api.hasDocument?.().catch(() => false)) ?? false;
  if (!exists) {
    await api
      .createDocument({
        url: browser.runtime.getURL('/offscreen.html'),
        reasons: ['WORKERS'],
        justification: "Runs the browser's built-in language model, which this worker lacks.",
      })
      .catch((error: unknown) => {
        // Two first requests at once: the other one created it.
        if (!String((error as Error)?.message).includes('single offscreen')) throw error;
      });
  }
  const opened = browser.runtime.connect({ name: BUILTIN_PORT_NAME }) as unknown as Port;
  opened.onDisconnect.addListener(() => {
    port = null;
  });
  if (import.meta.env.MODE === 'e2e') linkFakeLanguageModel(opened);
  return opened;
}

let inWorker: { lm: LanguageModelStatic; provider: BuiltinProvider } | null = null;
const inOffscreen = remoteBuiltinProvider(() => (port ??= connectOffscreen()));

/** The built-in provider for this request: the worker's own model, or the offscreen one. */
export function builtinProvider(): ModelProvider {
  const lm = workerLanguageModel();
  if (!lm) return inOffscreen;
  if (inWorker?.lm !== lm) {
    // Another LanguageModel object (the tests swap it): the old sessions are freed.
    inWorker?.provider.dispose();
    inWorker = { lm, provider: createBuiltinProvider({ languageModel: lm }) };
  }
  return inWorker.provider;
}

/** Which context runs the model now (for the tests and the settings' reason). */
export function builtinHostKind(): 'worker' | 'offscreen' {
  return workerLanguageModel() ? 'worker' : 'offscreen';
}
