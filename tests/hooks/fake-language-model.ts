/**
 * A fake of Chrome's Prompt API (`LanguageModel`) that follows its Web IDL
 * (webmachinelearning/prompt-api, writing-assistance-apis): availability states, create() with a
 * monitor whose `downloadprogress` events run loaded 0→1, NotAllowedError for a download without
 * user activation, promptStreaming() as a ReadableStream<string>, abort through the signal as an
 * AbortError DOMException, QuotaExceededError with `requested`/`quota`, contextoverflow, destroy(),
 * contextUsage/contextWindow/measureContextUsage (or only the older inputUsage/inputQuota names).
 * Unit tests use it directly; the E2E build installs it where the model runs (fake-lm-install.ts).
 */
import type { Availability } from '@/lib/llm/builtin/prompt-api';

/** Marks the fake in built JS: the production build must not contain it (scaffolding-check). */
export const FAKE_LM_MARKER = 'parley-fake-language-model';

/** How the fake behaves; read on every call, so tests change it between steps. */
export interface FakeLmControls {
  availability: Availability;
  /** The reply, chunk by chunk. */
  chunks: string[];
  chunkDelayMs: number;
  /** Stream the whole text so far per chunk, as the earliest builds did. */
  cumulative?: boolean;
  contextWindow: number;
  /** Only the older names (inputUsage, inputQuota, measureInputUsage, quotaoverflow). */
  legacyNames?: boolean;
  /** More live sessions than this are refused (OperationError), as a browser might. */
  maxSessions?: number;
  /** promptStreaming() fails with a DOMException of this name after the first chunk. */
  failWith?: string;
  downloadDelayMs: number;
}

/** Defaults: available, a short three-chunk reply, a 4,096-token window. */
export const DEFAULT_FAKE_CONTROLS: FakeLmControls = {
  availability: 'available',
  chunks: ['Hello', ' from the', ' built-in model.'],
  chunkDelayMs: 5,
  contextWindow: 4096,
  downloadDelayMs: 20,
};

/** What the fake saw, for assertions: every create() with its options, prompts, destroys. */
export interface FakeLmLog {
  availability: unknown[];
  creates: { initialPrompts?: unknown; expectedInputs?: unknown; expectedOutputs?: unknown }[];
  prompts: string[];
  destroyed: number;
  progress: number[];
}

/** Where the fake gets its controls and activation, and whom it tells about a finished download. */
export interface FakeLmEnvironment {
  controls: () => FakeLmControls;
  /** Sticky user activation of the calling document (a worker has none). */
  hasActivation: () => boolean;
  onDownloaded?: () => void;
  log?: FakeLmLog;
}

/** An empty log. */
export const newFakeLmLog = (): FakeLmLog => ({
  availability: [],
  creates: [],
  prompts: [],
  destroyed: 0,
  progress: [],
});

const SUPPORTED = ['en', 'es', 'ja'];
const tokens = (text: string) => Math.ceil(text.length / 4);

function quotaError(requested: number, quota: number): DOMException {
  return Object.assign(new DOMException('The input is too large.', 'QuotaExceededError'), {
    requested,
    quota,
  });
}

function languagesOk(options: { expectedInputs?: unknown; expectedOutputs?: unknown } = {}) {
  const all = [options.expectedInputs, options.expectedOutputs].flatMap((list) =>
    Array.isArray(list) ? list : [],
  ) as { languages?: string[] }[];
  return all.every((e) => (e.languages ?? []).every((l) => SUPPORTED.includes(l)));
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    });
  });

type Message = { role: string; content: string };

/** Builds the `LanguageModel` interface object over one environment. */
export function createFakeLanguageModel(env: FakeLmEnvironment) {
  const log = env.log ?? newFakeLmLog();
  let live = 0;
  let downloaded = false;
  const availabilityNow = (): Availability => {
    const a = env.controls().availability;
    return downloaded && a !== 'unavailable' ? 'available' : a;
  };

  class FakeSession extends EventTarget {
    #usage = 0;
    #initialUsage = 0;
    #destroyed = false;
    #ops = new Set<AbortController>();
    readonly #legacy = env.controls().legacyNames === true;
    readonly #window = env.controls().contextWindow;

    constructor(initialPrompts: Message[]) {
      super();
      this.#usage = this.#initialUsage = initialPrompts.reduce((n, m) => n + tokens(m.content), 0);
      live += 1;
    }
    get contextUsage() {
      return this.#legacy ? undefined : this.#usage;
    }
    get contextWindow() {
      return this.#legacy ? undefined : this.#window;
    }
    get inputUsage() {
      return this.#usage;
    }
    get inputQuota() {
      return this.#window;
    }
    get measureContextUsage() {
      return this.#legacy ? undefined : (input: string) => this.#measure(input);
    }
    measureInputUsage(input: string) {
      return this.#measure(input);
    }
    #measure(input: string) {
      return this.#destroyed
        ? Promise.reject(new DOMException('Destroyed.', 'InvalidStateError'))
        : Promise.resolve(tokens(input));
    }
    #admit(input: string) {
      if (this.#destroyed)
        throw new DOMException('The session was destroyed.', 'InvalidStateError');
      const needed = tokens(input);
      if (this.#initialUsage + needed > this.#window)
        throw quotaError(this.#usage + needed, this.#window);
      if (this.#usage + needed > this.#window) {
        // The oldest prompt/response pairs give way (the README's eviction), and the page hears.
        this.#usage = this.#initialUsage;
        this.dispatchEvent(new Event(this.#legacy ? 'quotaoverflow' : 'contextoverflow'));
      }
      this.#usage += needed;
      log.prompts.push(input);
    }
    promptStreaming(input: string, options: { signal?: AbortSignal } = {}): ReadableStream<string> {
      const op = new AbortController();
      const signal = options.signal ? AbortSignal.any([options.signal, op.signal]) : op.signal;
      const c = env.controls();
      let i = 0;
      let text = '';
      let started = false;
      this.#ops.add(op);
      const end = () => this.#ops.delete(op);
      return new ReadableStream<string>({
        pull: async (controller) => {
          try {
            if (!started) {
              started = true;
              if (signal.aborted) throw signal.reason;
              this.#admit(input);
            }
            await wait(c.chunkDelayMs, signal);
            if (c.failWith && i === 1) throw new DOMException('Failed.', c.failWith);
            const chunk = c.chunks[i++];
            if (chunk === undefined) {
              end();
              controller.close();
              return;
            }
            text += chunk;
            this.#usage += tokens(chunk);
            controller.enqueue(c.cumulative ? text : chunk);
          } catch (error) {
            end();
            controller.error(error);
          }
        },
        cancel: () => {
          end();
          op.abort();
        },
      });
    }
    async prompt(input: string, options: { signal?: AbortSignal } = {}): Promise<string> {
      const reader = this.promptStreaming(input, options).getReader();
      let text = '';
      for (let r = await reader.read(); !r.done; r = await reader.read()) text = text + r.value;
      return text;
    }
    destroy() {
      if (this.#destroyed) return;
      this.#destroyed = true;
      live -= 1;
      log.destroyed += 1;
      for (const op of this.#ops) op.abort(new DOMException('Destroyed.', 'AbortError'));
    }
  }

  return class FakeLanguageModel {
    static [FAKE_LM_MARKER] = true;

    static async availability(options: object = {}): Promise<Availability> {
      log.availability.push(options);
      return languagesOk(options) ? availabilityNow() : 'unavailable';
    }

    static async create(
      options: {
        initialPrompts?: Message[];
        expectedInputs?: unknown;
        expectedOutputs?: unknown;
        signal?: AbortSignal;
        monitor?: (m: EventTarget) => void;
      } = {},
    ): Promise<FakeSession> {
      const c = env.controls();
      log.creates.push({
        initialPrompts: options.initialPrompts
          ? structuredClone(options.initialPrompts)
          : undefined,
        expectedInputs: options.expectedInputs,
        expectedOutputs: options.expectedOutputs,
      });
      if (options.signal?.aborted) throw options.signal.reason;
      if (!languagesOk(options))
        throw new DOMException(
          'The requested language options are not supported.',
          'NotSupportedError',
        );
      const state = availabilityNow();
      if (state === 'unavailable') throw new DOMException('Unavailable.', 'NotSupportedError');
      if (state === 'downloadable' && !env.hasActivation())
        throw new DOMException('Requires a user gesture to download.', 'NotAllowedError');
      if (c.maxSessions !== undefined && live >= c.maxSessions)
        throw new DOMException('Too many sessions.', 'OperationError');
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      const progress = (loaded: number) => {
        log.progress.push(loaded);
        monitor.dispatchEvent(
          Object.assign(new Event('downloadprogress'), {
            loaded,
            total: 1,
            lengthComputable: true,
          }),
        );
      };
      progress(0);
      if (state !== 'available') {
        for (const step of [0.25, 0.5, 0.75]) {
          await wait(c.downloadDelayMs, options.signal);
          progress(step);
        }
        await wait(c.downloadDelayMs, options.signal);
        downloaded = true;
        env.onDownloaded?.();
      }
      progress(1);
      const history = options.initialPrompts ?? [];
      const used = history.reduce((n, m) => n + tokens(m.content), 0);
      if (used > c.contextWindow) throw quotaError(used, c.contextWindow);
      return new FakeSession(history);
    }
  };
}
