import { describe, expect, it } from 'vitest';
import { ParleyDb } from '@/lib/db/schema';
import { loadBundles } from '@/lib/db/conversation-list';
import { importBundles } from '@/lib/db/import';
import {
  parseConversationsFile,
  toJsonExport,
  toMarkdown,
  type ConversationBundle,
} from '@/lib/export/conversation';

const bundle: ConversationBundle = {
  conversation: {
    id: 'c1',
    title: 'Go channels',
    createdAt: 1,
    updatedAt: 2,
    model: 'm',
    systemPrompt: 's',
    currentLeafId: 'a1',
  },
  messages: [
    {
      id: 'u1',
      conversationId: 'c1',
      parentId: null,
      role: 'user',
      content: 'What is a channel?',
      attachments: [
        {
          id: 'at',
          kind: 'selection',
          text: 'ch := make(chan int)',
          language: 'go',
          source: { url: 'https://go.dev', title: 'Go' },
        },
      ],
      state: { kind: 'complete' },
      createdAt: 1,
      updatedAt: 1,
    },
    {
      id: 'a0',
      conversationId: 'c1',
      parentId: 'u1',
      role: 'assistant',
      content: 'Old answer',
      attachments: [],
      state: { kind: 'stopped' },
      createdAt: 2,
      updatedAt: 2,
    },
    {
      id: 'a1',
      conversationId: 'c1',
      parentId: 'u1',
      role: 'assistant',
      content: 'A typed conduit.',
      attachments: [],
      state: { kind: 'complete' },
      createdAt: 3,
      updatedAt: 3,
    },
  ],
};

describe('conversation files', () => {
  it('Markdown shows the visible branch with attachments', () => {
    const md = toMarkdown(bundle);
    expect(md).toContain('# Go channels');
    expect(md).toContain('```go\nch := make(chan int)\n```');
    expect(md).toContain('A typed conduit.');
    expect(md).not.toContain('Old answer');
  });

  it('JSON round-trips the whole tree and imports idempotently', async () => {
    const text = toJsonExport([bundle]);
    const parsed = parseConversationsFile(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const db = new ParleyDb('import-test');
    expect(await importBundles(db, parsed.bundles)).toEqual({ conversations: 1, messages: 3 });
    expect(await importBundles(db, parsed.bundles)).toEqual({ conversations: 0, messages: 0 });
    const [loaded] = await loadBundles(db);
    expect(loaded).toEqual(bundle);
  });

  it.each([
    ['not json', 'not JSON'],
    ['{"format":"other"}', 'not a Parley conversations export'],
    [
      JSON.stringify({
        format: 'parley.conversations',
        version: 1,
        conversations: [{ conversation: { id: 'x' }, messages: [] }],
      }),
      'not a Parley',
    ],
    [
      toJsonExport([
        { ...bundle, messages: [{ ...bundle.messages[0]!, conversationId: 'other' }] },
      ]),
      'another conversation',
    ],
  ])('refuses a malformed file whole: %s', (text, message) => {
    const parsed = parseConversationsFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain(message);
      expect(parsed.error).toContain('Nothing was imported');
    }
  });
});
