/**
 * The conversation a piece of feedback refers to, built the same way a request is, so
 * exported examples match what the model actually saw.
 */
import type { ChatMessage, Conversation } from '../model/types';
import { buildModelMessages, type ModelMessage } from '../prompt/messages';
import { pathToLeaf } from '../model/tree';
import { buildUserContent } from '../prompt/page-content';
import { REDACTED_PAGE_TEXT, type ExportOptions } from './options';
import type { Comparison, ModerationReport, Rating } from '../model/feedback';

/** Everything an export reads, loaded once, so the builders stay pure and testable. */
export interface FeedbackData {
  conversations: readonly Conversation[];
  messages: readonly ChatMessage[];
  ratings: readonly Rating[];
  comparisons: readonly Comparison[];
  reports: readonly ModerationReport[];
}

/** Lookups the export builders share: messages by id and the request as the model saw it. */
export function createExportContext(data: FeedbackData, options: ExportOptions) {
  const byId = new Map(data.messages.map((m) => [m.id, m]));
  const conversations = new Map(data.conversations.map((c) => [c.id, c]));
  const formatUser = (m: ChatMessage) =>
    options.redactAttachments
      ? buildUserContent(
          m.content,
          m.attachments.map((a) => ({ ...a, text: REDACTED_PAGE_TEXT })),
        )
      : buildUserContent(m.content, m.attachments);

  return {
    message: (id: string) => byId.get(id),
    /** Messages up to and including `messageId` (a user message), as sent to the model. */
    messagesThrough(messageId: string): ModelMessage[] | null {
      const last = byId.get(messageId);
      if (!last) return null;
      const conversation = conversations.get(last.conversationId);
      const path = pathToLeaf(data.messages, messageId);
      const system = options.includeSystemPrompt ? (conversation?.systemPrompt ?? '') : '';
      return buildModelMessages(path, system, formatUser);
    },
  };
}
