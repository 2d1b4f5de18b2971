/**
 * The most text one reply may hold. A model that never stops would otherwise grow a reply until
 * the panel, the port and storage choke on it (issue 12: 6 MB after 11 s of a fast stream).
 */

/**
 * 2 MB of text, counted in characters: the same bound the port puts on text a panel hands back
 * (lib/protocol/index.ts), so a capped reply can still be salvaged after a worker restart.
 */
export const REPLY_CAP_CHARS = 2_000_000;

/**
 * The part of `text` that fits after `length` characters under `cap`, and whether any was left
 * out. Never cuts between the two halves of a surrogate pair (an emoji stays whole or goes).
 */
export function fitToCap(
  length: number,
  text: string,
  cap: number = REPLY_CAP_CHARS,
): { text: string; over: boolean } {
  const room = Math.max(0, cap - length);
  if (text.length <= room) return { text, over: false };
  let end = room;
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), over: true };
}
