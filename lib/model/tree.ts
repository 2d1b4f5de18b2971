/**
 * The conversation as a tree (DESIGN §3): regenerations are sibling replies, edits are sibling
 * user messages. The visible chat is the path from the root to the current leaf.
 */
import type { ChatMessage } from './types';

const byAge = (a: ChatMessage, b: ChatMessage) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** root → leaf. Stops at a missing parent rather than looping on a broken tree. */
export function pathToLeaf(messages: readonly ChatMessage[], leafId: string): ChatMessage[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const path: ChatMessage[] = [];
  const seen = new Set<string>();
  let current = byId.get(leafId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.push(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path.reverse();
}

/** Messages answering the same parent in the same role, oldest first: the pager's order. */
export function siblingsOf(messages: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  return messages
    .filter(
      (m) =>
        m.parentId === message.parentId &&
        m.role === message.role &&
        m.conversationId === message.conversationId,
    )
    .sort(byAge);
}

/** Follows the newest child at each step: where a switch to another variant lands. */
export function deepestLeaf(messages: readonly ChatMessage[], fromId: string): string {
  const children = new Map<string, ChatMessage[]>();
  for (const m of messages) {
    if (!m.parentId) continue;
    const list = children.get(m.parentId) ?? [];
    list.push(m);
    children.set(m.parentId, list);
  }
  let id = fromId;
  const seen = new Set<string>();
  while (!seen.has(id)) {
    seen.add(id);
    const next = children.get(id)?.sort(byAge).at(-1);
    if (!next) break;
    id = next.id;
  }
  return id;
}

/** Where a message sits among its siblings, for the `< 2/3 >` variant pager. */
export interface PagerInfo {
  index: number;
  total: number;
  prevId?: string;
  nextId?: string;
}

/** The pager position of `message` and the neighbours its arrows switch to. */
export function pagerInfo(messages: readonly ChatMessage[], message: ChatMessage): PagerInfo {
  const siblings = siblingsOf(messages, message);
  const at = siblings.findIndex((m) => m.id === message.id);
  const prev = siblings[at - 1];
  const next = siblings[at + 1];
  return {
    index: at + 1,
    total: siblings.length,
    ...(prev ? { prevId: prev.id } : {}),
    ...(next ? { nextId: next.id } : {}),
  };
}

/** The leaf after moving one variant left (-1) or right (+1) from `message`. */
export function switchVariant(
  messages: readonly ChatMessage[],
  message: ChatMessage,
  direction: -1 | 1,
): string {
  const info = pagerInfo(messages, message);
  const target = direction < 0 ? info.prevId : info.nextId;
  return target ? deepestLeaf(messages, target) : deepestLeaf(messages, message.id);
}
