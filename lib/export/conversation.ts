/**
 * Conversations as files: Markdown (the visible branch, for reading) and JSON (the whole tree,
 * for backup). Importing JSON merges by id, keeping the valid records of a file and skipping the
 * rest (conversation-import.ts).
 */
import type { ChatMessage, Conversation } from '../model/types';
import { pathToLeaf } from '../model/tree';
import { CONVERSATIONS_FORMAT, type ConversationBundle } from './conversation-import';

// Importing lives in conversation-import.ts (record by record, strict); these names stay here too.
export {
  CONVERSATIONS_FORMAT,
  parseConversationsFile,
  type ConversationBundle,
  type ImportParse,
} from './conversation-import';

/**
 * The conversation as the panel holds it, plus any stored messages it lacks: what is on screen is
 * exported even when storage refused to save it, or cannot be read at all.
 */
export function bundleFromMemory(
  memory: { conversation: Conversation; messages: readonly ChatMessage[]; leafId: string | null },
  stored?: ConversationBundle,
): ConversationBundle {
  const byId = new Map((stored?.messages ?? []).map((m) => [m.id, m]));
  for (const m of memory.messages) byId.set(m.id, m);
  return {
    conversation: {
      ...memory.conversation,
      currentLeafId: memory.leafId ?? memory.conversation.currentLeafId,
    },
    messages: [...byId.values()].sort((a, b) => a.createdAt - b.createdAt),
  };
}

/** The whole tree of each conversation, in the format the importer reads. */
export function toJsonExport(bundles: readonly ConversationBundle[]): string {
  return JSON.stringify(
    { format: CONVERSATIONS_FORMAT, version: 1, conversations: bundles },
    null,
    2,
  );
}

/** The visible branch as Markdown, for reading. */
export function toMarkdown({ conversation, messages }: ConversationBundle): string {
  const path = conversation.currentLeafId ? pathToLeaf(messages, conversation.currentLeafId) : [];
  const lines = [
    `# ${conversation.title}`,
    '',
    `_${new Date(conversation.createdAt).toISOString()} · ${conversation.model}_`,
    '',
  ];
  for (const m of path) {
    lines.push(`## ${m.role === 'user' ? 'You' : 'Parley'}`, '');
    for (const a of m.attachments)
      lines.push(
        `> Page selection from ${a.source.title || a.source.url} (${a.source.url})`,
        '',
        '```' + (a.language ?? ''),
        a.text,
        '```',
        '',
      );
    lines.push(m.content, '');
  }
  return lines.join('\n');
}
