/**
 * Reading a conversations file record by record: what validates is kept, what does not is
 * skipped and counted, and the tree of each kept conversation is made consistent. One bad record
 * never costs the valid ones beside it, and nothing unchecked reaches the database.
 */
import { z } from 'zod';
import type { ChatMessage, Conversation } from '../model/types';
import { notice } from '../model/notices';
import { conversationSchema, describeIssue, messageSchema } from './record-schemas';
import { repairTree } from './tree-repair';

/** The `format` tag of a conversations file; an import refuses any other. */
export const CONVERSATIONS_FORMAT = 'parley.conversations';

/** One conversation with its messages, the unit that is exported, imported and written together. */
export interface ConversationBundle {
  conversation: Conversation;
  messages: ChatMessage[];
}

/** What was left out, and the first problem found, as a hint for the user. */
export interface ImportSkips {
  conversations: number;
  /** Invalid messages (and the ones only they connected to the root) in kept conversations. */
  messages: number;
  hint?: string;
}

/**
 * A parsed conversations file: the bundles and what was skipped, or why the whole file was refused.
 */
export type ImportParse =
  { ok: true; bundles: ConversationBundle[]; skipped: ImportSkips } | { ok: false; error: string };

const envelopeSchema = z.object({
  format: z.literal(CONVERSATIONS_FORMAT),
  version: z.literal(1),
  conversations: z.array(z.unknown()).max(500_000),
});
const entrySchema = z.object({
  conversation: z.unknown(),
  messages: z.array(z.unknown()).max(100_000),
});

/** The checks for one file, fed an entry at a time so a caller may yield between entries. */
export interface ImportValidator {
  add(entry: unknown): void;
  finish(): ImportParse;
}

/** Validates entries against dates bounded by `now`; ids must be unique across the whole file. */
export function createImportValidator(now: number): ImportValidator {
  const conversationCheck = conversationSchema(now);
  const messageCheck = messageSchema(now);
  const bundles: ConversationBundle[] = [];
  const conversationIds = new Set<string>();
  const messageIds = new Set<string>();
  const skipped: ImportSkips = { conversations: 0, messages: 0 };
  // Said when nothing at all could be imported: the first reason a whole conversation was refused.
  let refusal: string | undefined;

  const skipConversation = (problem: string, whyNothing?: string) => {
    skipped.conversations++;
    skipped.hint ??= problem;
    refusal ??= whyNothing;
  };

  const add = (value: unknown) => {
    const entry = entrySchema.safeParse(value);
    if (!entry.success) return skipConversation(describeIssue(entry.error, 'entry'));
    const parsed = conversationCheck.safeParse(entry.data.conversation);
    if (!parsed.success) return skipConversation(describeIssue(parsed.error, 'conversation'));
    const conversation = parsed.data;
    if (conversationIds.has(conversation.id))
      return skipConversation(notice('issueConversationTwice', conversation.id));
    const messages: ChatMessage[] = [];
    // Ids join the file-wide set only once the conversation is kept with them.
    const ids = new Set<string>();
    let invalid = 0;
    for (const raw of entry.data.messages) {
      const message = messageCheck.safeParse(raw);
      if (!message.success) {
        invalid++;
        skipped.hint ??= notice(
          'issueIn',
          describeIssue(message.error, 'message'),
          short(conversation.title),
        );
        continue;
      }
      // A message claiming another conversation would be merged into that one (maybe one of the
      // user's own): the bundle is not what it says it is, so none of it is taken.
      if (message.data.conversationId !== conversation.id)
        return skipConversation(
          notice('issueForeignMessages', short(conversation.title)),
          notice('importForeignMessages', conversation.title),
        );
      if (messageIds.has(message.data.id) || ids.has(message.data.id)) {
        invalid++;
        skipped.hint ??= notice('issueMessageTwice', message.data.id);
        continue;
      }
      ids.add(message.data.id);
      messages.push(message.data);
    }
    const tree = repairTree(messages, conversation.currentLeafId);
    for (const m of tree.messages) messageIds.add(m.id);
    conversationIds.add(conversation.id);
    skipped.messages += invalid + tree.disconnected;
    bundles.push({
      conversation: { ...conversation, currentLeafId: tree.leafId },
      messages: tree.messages,
    });
  };

  const finish = (): ImportParse => {
    if (bundles.length === 0 && skipped.conversations > 0)
      return {
        ok: false,
        error: refusal ?? notice('importNoneValid', String(skipped.hint)),
      };
    return { ok: true, bundles, skipped };
  };

  return { add, finish };
}

const short = (title: string) => (title.length > 60 ? `${title.slice(0, 59)}…` : title);

/** The file's entries, or the sentence saying why it is not a conversations file at all. */
export function readEnvelope(
  text: string,
): { ok: true; entries: unknown[] } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: notice('importNotJson') };
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      error: notice('importNotExport'),
    };
  return { ok: true, entries: parsed.data.conversations };
}

/** Parses a whole file at once (tests, small files); `now` bounds the dates it accepts. */
export function parseConversationsFile(text: string, now = Date.now()): ImportParse {
  const envelope = readEnvelope(text);
  if (!envelope.ok) return envelope;
  const validator = createImportValidator(now);
  for (const entry of envelope.entries) validator.add(entry);
  return validator.finish();
}

/**
 * The same, yielding to the event loop every `step` entries so the panel can paint progress
 * while a large file is checked; `onProgress` gets the entries checked so far.
 */
export async function parseConversationsFileInSteps(
  text: string,
  options: { now?: number; step?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportParse> {
  const envelope = readEnvelope(text);
  if (!envelope.ok) return envelope;
  const { entries } = envelope;
  const validator = createImportValidator(options.now ?? Date.now());
  const step = options.step ?? 1_000;
  for (let i = 0; i < entries.length; i++) {
    validator.add(entries[i]);
    if ((i + 1) % step === 0 && i + 1 < entries.length) {
      options.onProgress?.(i + 1, entries.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  return validator.finish();
}
