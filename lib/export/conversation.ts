/**
 * Conversations as files: Markdown (the visible branch, for reading) and JSON (the whole tree,
 * for backup). Importing JSON merges by id and refuses a malformed file whole.
 */
import { z } from 'zod';
import type { ChatMessage, Conversation } from '../chat/types';
import { pathToLeaf } from '../chat/tree';

export const CONVERSATIONS_FORMAT = 'parley.conversations';

const messageSchema = z
  .object({
    id: z.string().min(1),
    conversationId: z.string().min(1),
    parentId: z.string().nullable(),
    role: z.enum(['system', 'user', 'assistant']),
    content: z.string(),
    attachments: z.array(
      z
        .object({
          id: z.string(),
          kind: z.literal('selection'),
          text: z.string(),
          source: z.object({ url: z.string(), title: z.string() }),
        })
        .passthrough(),
    ),
    state: z
      .object({
        kind: z.enum([
          'pending',
          'streaming',
          'complete',
          'stopped',
          'interrupted',
          'error',
          'blocked',
        ]),
      })
      .passthrough(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .passthrough();

const conversationSchema = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    createdAt: z.number(),
    updatedAt: z.number(),
    model: z.string(),
    systemPrompt: z.string(),
    currentLeafId: z.string().nullable(),
  })
  .passthrough();

const fileSchema = z.object({
  format: z.literal(CONVERSATIONS_FORMAT),
  version: z.literal(1),
  conversations: z.array(
    z.object({ conversation: conversationSchema, messages: z.array(messageSchema) }),
  ),
});

export interface ConversationBundle {
  conversation: Conversation;
  messages: ChatMessage[];
}

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

export function toJsonExport(bundles: readonly ConversationBundle[]): string {
  return JSON.stringify(
    { format: CONVERSATIONS_FORMAT, version: 1, conversations: bundles },
    null,
    2,
  );
}

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

export type ImportParse =
  { ok: true; bundles: ConversationBundle[] } | { ok: false; error: string };

export function parseConversationsFile(text: string): ImportParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'That file is not JSON. Nothing was imported.' };
  }
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      error: 'That file is not a Parley conversations export. Nothing was imported.',
    };
  for (const { conversation, messages } of parsed.data.conversations) {
    if (messages.some((m) => m.conversationId !== conversation.id)) {
      return {
        ok: false,
        error: `“${conversation.title}” has messages from another conversation. Nothing was imported.`,
      };
    }
  }
  return { ok: true, bundles: parsed.data.conversations as unknown as ConversationBundle[] };
}
