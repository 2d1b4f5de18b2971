/**
 * The E2E build's fake `LanguageModel` in the side panel (issue 15): the panel asks it for
 * availability and starts the download from a click. Its controls are the worker's, through
 * storage; a finished download is written back, so the worker's fake finds the model there too.
 */
import { browser } from 'wxt/browser';
import { createFakeLanguageModel, type FakeLmControls } from './fake-language-model';
import { E2E_FAKE_DEFAULTS, FAKE_LM_STORAGE_KEY } from './fake-lm-worker';

let ready: Promise<void> | null = null;

/** Installs the fake as the panel's `LanguageModel` once its controls are read. */
export function installPanelFake(): Promise<void> {
  ready ??= (async () => {
    let controls: FakeLmControls = { ...E2E_FAKE_DEFAULTS };
    const got = await browser.storage.local.get(FAKE_LM_STORAGE_KEY);
    controls = { ...controls, ...(got[FAKE_LM_STORAGE_KEY] as object | undefined) };
    browser.storage.onChanged.addListener((changes, area) => {
      const next = changes[FAKE_LM_STORAGE_KEY]?.newValue;
      if (area === 'local' && next) controls = { ...controls, ...(next as object) };
    });
    const fake = createFakeLanguageModel({
      controls: () => controls,
      hasActivation: () =>
        (navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation
          ?.hasBeenActive ?? false,
      onDownloaded: () => {
        controls = { ...controls, availability: 'available' };
        void browser.storage.local.set({ [FAKE_LM_STORAGE_KEY]: controls });
      },
    });
    Object.defineProperty(globalThis, 'LanguageModel', { configurable: true, value: fake });
  })();
  return ready;
}
