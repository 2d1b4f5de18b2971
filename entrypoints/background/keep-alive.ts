/**
 * A streaming fetch does not keep an MV3 worker alive (killed after 30 s of silence, DESIGN §2),
 * so while any generation runs we call a cheap extension API on a timer.
 */
import { browser } from 'wxt/browser';

/**
 * E2E builds only: storage.local `e2eDisableKeepAlive: true` turns the keep-alive off, so the
 * real-lifetime tier (tests/lifetime) can show the worker dies without it. Read once at start and
 * on change (never on a timer: reading storage is itself an extension API call, a keep-alive).
 */
const E2E_DISABLE_KEY = 'e2eDisableKeepAlive';
let disabledForTest = false;
if (import.meta.env.MODE === 'e2e') {
  void browser.storage.local
    .get(E2E_DISABLE_KEY)
    .then((stored) => (disabledForTest = stored[E2E_DISABLE_KEY] === true))
    .catch(() => undefined);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && E2E_DISABLE_KEY in changes)
      disabledForTest = changes[E2E_DISABLE_KEY]?.newValue === true;
  });
}

export function createKeepAlive(ping: () => Promise<unknown>, intervalMs = 20_000) {
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    if (import.meta.env.MODE === 'e2e' && disabledForTest) return;
    void ping().catch(() => undefined);
  };
  return {
    setLiveCount(count: number) {
      if (count > 0 && !timer) {
        timer = setInterval(tick, intervalMs);
      } else if (count === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    },
  };
}
