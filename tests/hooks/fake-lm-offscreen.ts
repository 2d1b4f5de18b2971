/**
 * The E2E build's fake `LanguageModel` in the offscreen document (issue 15). An offscreen
 * document has no storage API, so its controls come over the worker's port and its log goes back
 * the same way (tests/hooks/fake-lm-worker.ts). Installed only behind the E2E build's branch.
 */
import {
  createFakeLanguageModel,
  DEFAULT_FAKE_CONTROLS,
  newFakeLmLog,
  type FakeLmControls,
} from './fake-language-model';

// Module state built by pure calls, so a production build that imports nothing from here drops it all.
let controls: FakeLmControls = /* @__PURE__ */ Object.assign({}, DEFAULT_FAKE_CONTROLS);
const log = /* @__PURE__ */ newFakeLmLog();
let installed = false;

/** Installs the fake as this document's `LanguageModel`, driven over `port`. */
export function installOffscreenFake(port: {
  postMessage(m: unknown): void;
  onMessage: { addListener(l: (m: unknown) => void): void };
  onDisconnect: { addListener(l: () => void): void };
}): void {
  port.onMessage.addListener((m) => {
    const message = m as { type?: string; controls?: FakeLmControls };
    if (message.type === 'e2e-fake-controls' && message.controls) controls = message.controls;
  });
  const timer = setInterval(() => {
    try {
      port.postMessage({ type: 'e2e-fake-log', log });
    } catch {
      clearInterval(timer);
    }
  }, 50);
  port.onDisconnect.addListener(() => clearInterval(timer));
  if (installed) return;
  installed = true;
  const fake = createFakeLanguageModel({
    controls: () => controls,
    hasActivation: () => false,
    log,
  });
  Object.defineProperty(globalThis, 'LanguageModel', { configurable: true, value: fake });
}
