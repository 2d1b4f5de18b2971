/**
 * The import schemas cover the data model: a field added to a message, conversation or
 * attachment type without its schema would be stripped from every import without a word. These
 * are type checks (`npm run typecheck` fails), plus one run so the file is a test.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Attachment, ChatMessage, Conversation, ModerationRecord } from '@/lib/model/types';
import { conversationSchema, messageSchema, moderationSchema } from '@/lib/export/record-schemas';

type MessageOut = z.output<ReturnType<typeof messageSchema>>;
type ConversationOut = z.output<ReturnType<typeof conversationSchema>>;

describe('import schemas cover the data model', () => {
  it('has a schema for every field', () => {
    expectTypeOf<keyof MessageOut>().toEqualTypeOf<keyof ChatMessage>();
    expectTypeOf<keyof MessageOut['attachments'][number]>().toEqualTypeOf<keyof Attachment>();
    expectTypeOf<keyof z.output<typeof moderationSchema>>().toEqualTypeOf<keyof ModerationRecord>();
    // Left out on purpose: a file neither hides a conversation nor schedules its deletion.
    expectTypeOf<keyof ConversationOut | 'hidden' | 'purgeAfter'>().toEqualTypeOf<
      keyof Conversation
    >();
  });
});
