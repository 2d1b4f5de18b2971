/**
 * A streaming fetch does not keep an MV3 worker alive (killed after 30 s of silence, DESIGN §2),
 * so while any generation runs we call a cheap extension API on a timer.
 */
export function createKeepAlive(ping: () => Promise<unknown>, intervalMs = 20_000) {
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    setLiveCount(count: number) {
      if (count > 0 && !timer) {
        timer = setInterval(() => void ping().catch(() => undefined), intervalMs);
      } else if (count === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    },
  };
}
