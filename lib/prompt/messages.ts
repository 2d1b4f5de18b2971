/**
 * The messages a request sends: the system prompt, then the visible branch as the user saw it.
 */
import type { ChatMessage } from '../model/types';

export interface HistoryMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export function buildModelMessages(
  path: readonly ChatMessage[],
  systemPrompt: string,
  formatUser: (m: ChatMessage) => string,
): HistoryMessage[] {
  const history: HistoryMessage[] = systemPrompt.trim()
    ? [{ role: 'system', content: systemPrompt }]
    : [];
  for (const m of path) {
    if (m.role === 'user') {
      history.push({ role: 'user', content: formatUser(m) });
    } else if (m.role === 'assistant') {
      // The reply being generated is not history yet; a failed one with no text says nothing.
      if (m.state.kind === 'pending' || m.state.kind === 'streaming') continue;
      if (!m.content && (m.state.kind === 'error' || m.state.kind === 'blocked')) continue;
      // Stopped and interrupted replies stay: the model should see what the user saw.
      history.push({ role: 'assistant', content: m.content });
    }
  }
  return history;
}
