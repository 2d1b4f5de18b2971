/**
 * Makes an imported conversation's tree consistent after invalid messages were dropped: only
 * messages connected to a root by valid parents stay (an orphan or a cycle would never show, and a
 * cycle could hang code that walks to the root), and the current leaf points at a kept message.
 */
import type { ChatMessage } from '../model/types';

/**
 * An imported message tree made consistent: what was kept, the leaf to show and what was dropped.
 */
export interface RepairedTree {
  messages: ChatMessage[];
  leafId: string | null;
  /** Messages left out because their parent was missing or they formed a cycle. */
  disconnected: number;
}

/**
 * Keeps the messages reachable from a root (`parentId: null`) through messages of the same list.
 * A leaf that is gone (or null while messages remain) becomes the newest kept message without
 * children: where the conversation last was, as near as can be told.
 */
export function repairTree(messages: readonly ChatMessage[], leafId: string | null): RepairedTree {
  const children = new Map<string | null, ChatMessage[]>();
  for (const m of messages) {
    const list = children.get(m.parentId) ?? [];
    list.push(m);
    children.set(m.parentId, list);
  }
  const kept = new Set<string>();
  const queue = [...(children.get(null) ?? [])];
  // Breadth-first from the roots; a message is visited once, so cycles end the walk.
  for (let i = 0; i < queue.length; i++) {
    const m = queue[i]!;
    if (kept.has(m.id)) continue;
    kept.add(m.id);
    for (const child of children.get(m.id) ?? []) queue.push(child);
  }
  const list = messages.filter((m) => kept.has(m.id));
  return {
    messages: list,
    leafId: leafId !== null && kept.has(leafId) ? leafId : newestLeaf(list),
    disconnected: messages.length - list.length,
  };
}

function newestLeaf(messages: readonly ChatMessage[]): string | null {
  const parents = new Set(messages.map((m) => m.parentId));
  let best: ChatMessage | undefined;
  for (const m of messages) {
    if (parents.has(m.id)) continue;
    if (!best || m.createdAt > best.createdAt || (m.createdAt === best.createdAt && m.id > best.id))
      best = m;
  }
  return best?.id ?? null;
}
