/**
 * The messages a request sends: the system prompt, then the visible branch as the user saw it.
 */
import type { ChatMessage } from '../model/types';

/** One message of a chat request, in the roles every OpenAI-compatible server knows. */
export interface ModelMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * The request's messages from the visible branch, so the worker and the exports send the same
 * thing.
 */
export function buildModelMessages(
  path: readonly ChatMessage[],
  systemPrompt: string,
  formatUser: (m: ChatMessage) => string,
): ModelMessage[] {
  const messages: ModelMessage[] = systemPrompt.trim()
    ? [{ role: 'system', content: systemPrompt }]
    : [];
  for (const m of path) {
    if (m.role === 'user') {
      messages.push({ role: 'user', content: formatUser(m) });
    } else if (m.role === 'assistant') {
      // The reply being generated is not part of the request yet; a failed one with no text says nothing.
      if (m.state.kind === 'pending' || m.state.kind === 'streaming') continue;
      if (!m.content && (m.state.kind === 'error' || m.state.kind === 'blocked')) continue;
      // Stopped and interrupted replies stay: the model should see what the user saw.
      messages.push({ role: 'assistant', content: m.content });
    }
  }
  return messages;
}
