/** The M5 comparison stream (issue 17): the same tail content as the end of the full stream. */
import { openFence } from '../../lib/markdown/split-blocks';

/** The stream's last ~`count` tokens, starting where a block starts (outside any fence). */
export function tailAtBlock(tokens: string[], count: number): string[] {
  let prefix = tokens.slice(0, tokens.length - count).join('');
  for (let i = tokens.length - count; i > 0; i--) {
    if (prefix.endsWith('\n\n') && openFence(prefix) === null) return tokens.slice(i);
    prefix = prefix.slice(0, prefix.length - (tokens[i - 1] ?? '').length);
  }
  return tokens;
}
