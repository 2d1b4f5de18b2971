/**
 * The E2E build's fake `LanguageModel` in the worker, and the tests' handle on it (issue 15):
 * `globalThis.parleyFakeLanguageModel.configure({...})` sets the fake's behaviour everywhere it
 * runs (the worker, the offscreen document over its port, the panel through storage), and
 * `.log()` says what each saw. `workerHasModel: false` hides the worker's `LanguageModel`, so
 * the offscreen document hosts the model. Installed only behind `import.meta.env.MODE === 'e2e'`.
 */
import { browser } from 'wxt/browser';
import {
  createFakeLanguageModel,
  DEFAULT_FAKE_CONTROLS,
  newFakeLmLog,
  type FakeLmControls,
  type FakeLmLog,
} from './fake-language-model';

/** The storage key the panel's fake reads its controls from. */
export const FAKE_LM_STORAGE_KEY = 'e2eFakeLanguageModel';

/** The fake's controls, plus where the model lives. */
export type E2EFakeControls = FakeLmControls & { workerHasModel: boolean };

// Unavailable until a test says otherwise, as on these machines: the other specs set up a server.
export const E2E_FAKE_DEFAULTS: E2EFakeControls = /* @__PURE__ */ Object.assign(
  {},
  DEFAULT_FAKE_CONTROLS,
  { availability: 'unavailable', workerHasModel: true } as const,
);
// Module state built by pure calls, so a production build that imports nothing from here drops it all.
let controls: E2EFakeControls = /* @__PURE__ */ Object.assign({}, E2E_FAKE_DEFAULTS);
const workerLog = /* @__PURE__ */ newFakeLmLog();
let offscreenLog: FakeLmLog = /* @__PURE__ */ newFakeLmLog();
const ports = new Set<{ postMessage(m: unknown): void }>();

const push = () => {
  for (const port of ports) {
    try {
      port.postMessage({ type: 'e2e-fake-controls', controls });
    } catch {
      ports.delete(port);
    }
  }
};

/** Installs the fake as the worker's `LanguageModel` and the tests' handle. */
export function installWorkerFake(): void {
  const fake = createFakeLanguageModel({
    controls: () => controls,
    hasActivation: () => false,
    log: workerLog,
  });
  Object.defineProperty(globalThis, 'LanguageModel', {
    configurable: true,
    get: () => (controls.workerHasModel ? fake : undefined),
  });
  const apply = (value: unknown) => {
    if (value && typeof value === 'object') controls = { ...controls, ...value };
    push();
  };
  void browser.storage.local
    .get(FAKE_LM_STORAGE_KEY)
    .then((got) => apply(got[FAKE_LM_STORAGE_KEY]));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[FAKE_LM_STORAGE_KEY])
      apply(changes[FAKE_LM_STORAGE_KEY].newValue);
  });
  (globalThis as { parleyFakeLanguageModel?: unknown }).parleyFakeLanguageModel = {
    async configure(next: Partial<E2EFakeControls>) {
      controls = { ...controls, ...next };
      await browser.storage.local.set({ [FAKE_LM_STORAGE_KEY]: controls });
      push();
    },
    log: () => ({ worker: workerLog, offscreen: offscreenLog }),
    resetLog() {
      Object.assign(workerLog, newFakeLmLog());
      offscreenLog = newFakeLmLog();
    },
  };
}

/** Gives the offscreen document's fake its controls over the worker's port, and takes its log. */
export function linkFakeLanguageModel(port: {
  postMessage(m: unknown): void;
  onMessage: { addListener(l: (m: unknown) => void): void };
  onDisconnect: { addListener(l: () => void): void };
}): void {
  ports.add(port);
  port.onDisconnect.addListener(() => ports.delete(port));
  port.onMessage.addListener((m) => {
    const message = m as { type?: string; log?: FakeLmLog };
    if (message.type === 'e2e-fake-log' && message.log) offscreenLog = message.log;
  });
  port.postMessage({ type: 'e2e-fake-controls', controls });
}
