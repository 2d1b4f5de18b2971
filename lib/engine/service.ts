/**
 * The background's chat service: turns panel requests into stored messages and live generations.
 * Everything it needs from the browser is passed in (lib/engine/deps), so it runs against
 * fake-indexeddb in tests. A turn's records (turn.ts), the shared reply path (reply.ts), reads
 * that fall back to unsaved records (read-through.ts) and the title request (title.ts) live apart.
 */
import type { LiveGeneration, RegenerateRequest, SendRequest } from '../protocol';
import {
  appendMessages,
  createConversation,
  salvageReply,
  sweepOrphanedReplies,
} from '../db/conversations';
import type { ChatServiceDeps } from './deps';
import type { GenerationHandle } from './generation';
import { removeFailedReply } from '../db/failed-reply';
import { createReadThrough } from './read-through';
import { createReplies } from './reply';
import { createSideRequests } from './side-requests';
import { newTurn } from './turn';
import { notice } from '../model/notices';
import { createUnsaved } from './unsaved';

// The dependency types, where callers of createChatService look for them.
export type { ChatConfig, ChatServiceDeps } from './deps';

/** The chat service of one worker: send, regenerate, stop, delete, and what a reload asks. */
export function createChatService(deps: ChatServiceDeps) {
  const live = new Map<string, GenerationHandle>();
  // What storage refused stays here: follow-ups read it, and it is written back when storage works.
  const unsaved = createUnsaved();
  const sides = createSideRequests();
  const records = createReadThrough(deps, unsaved);
  const replies = createReplies({ deps, live, unsaved, sides, records });

  return {
    async send(request: SendRequest): Promise<void> {
      // Everything the request needs is read at once, in parallel.
      const [config, existing, earlier] = await Promise.all([
        deps.loadConfig(),
        request.conversationId ? records.readConversation(request.conversationId) : undefined,
        request.conversationId ? records.readMessages(request.conversationId) : [],
      ]);
      const { settings } = config;
      const now = deps.now();
      const { conversation, user } = newTurn(request, existing, settings, {
        newId: deps.newId,
        now,
      });
      const model = conversation.model || settings.model;
      const assistant = replies.prepareReply(conversation.id, user.id, model, config);
      // A later timestamp keeps tree order stable when both are written in the same millisecond.
      assistant.createdAt = assistant.updatedAt = now + 1;
      const written = (async () => {
        if (!existing) {
          await createConversation(deps.db, {
            id: conversation.id,
            model: conversation.model,
            systemPrompt: conversation.systemPrompt,
            title: conversation.title,
            now,
          });
        }
        await appendMessages(deps.db, conversation.id, [user, assistant], now + 1);
      })();
      await replies.startReply({
        requestId: request.requestId,
        conversation,
        isNew: !existing,
        records: [user, assistant],
        earlier,
        config,
        written,
      });
    },

    /** Another reply to a user message: Regenerate, and Compare (which asks for one too). */
    async regenerate(request: RegenerateRequest): Promise<void> {
      const user = await records.readMessage(request.userMessageId);
      if (!user || user.role !== 'user') throw new Error(notice('messageGone'));
      const [conversation, earlier, config] = await Promise.all([
        records.readConversation(user.conversationId),
        records.readMessages(user.conversationId),
        deps.loadConfig(),
      ]);
      if (!conversation) throw new Error(notice('conversationGone'));
      const model = conversation.model || config.settings.model;
      const assistant = replies.prepareReply(conversation.id, user.id, model, config);
      // Like send: the reply starts while its record is written, and survives a failed write.
      const written = appendMessages(deps.db, conversation.id, [assistant], assistant.createdAt);
      // Retry replaces a failed reply that showed nothing, once its replacement is stored. If
      // storage refuses, the empty failure stays a sibling (it held no text, so nothing is lost)
      // and the reply's own write path reports the storage problem.
      const { replaces } = request;
      if (replaces)
        void written
          .then(() => removeFailedReply(deps.db, replaces, user.id))
          .catch(() => undefined);
      await replies.startReply({
        requestId: request.requestId,
        conversation,
        isNew: false,
        records: [assistant],
        earlier,
        config,
        written,
        ...(request.fix ? { fix: request.fix } : {}),
      });
    },

    /** `shownLength`: how much of the reply the panel had shown (see GenerationHandle.stop). */
    stop(messageId: string, shownLength?: number): void {
      live.get(messageId)?.stop(shownLength);
    },

    /**
     * The user deleted a conversation (the panel says so at once; Undo may still restore what
     * was written): its replies stop, its title and moderation requests are cancelled, and what
     * storage refused for it is never written back.
     */
    conversationDeleted(conversationId: string): void {
      sides.cancel(conversationId);
      for (const g of live.values()) if (g.conversationId === conversationId) g.stop();
      unsaved.forget(conversationId);
    },

    /**
     * The live replies, and finished ones storage has not taken yet: a panel that reloads reads
     * those half-written from the database, and this tells it how they ended.
     */
    liveGenerations(): LiveGeneration[] {
      const kept = unsaved
        .replies()
        .filter((m) => !live.has(m.id))
        .map((m) => ({
          messageId: m.id,
          conversationId: m.conversationId,
          seq: Number.MAX_SAFE_INTEGER,
          content: m.content,
          state: m.state,
        }));
      return [...[...live.values()].map((g) => g.snapshot()), ...kept];
    },

    /** Run once when the worker starts, before answering any panel. */
    async sweep(): Promise<string[]> {
      return sweepOrphanedReplies(deps.db, new Set(live.keys()), deps.now());
    },

    /** Stores what the panel showed of a reply no worker runs any more (unless it is live). */
    async salvage(messageId: string, content: string): Promise<boolean> {
      if (live.has(messageId)) return false;
      return salvageReply(deps.db, messageId, content, deps.now());
    },
  };
}

/** The chat service as the worker's ports and RPC see it. */
export type ChatService = ReturnType<typeof createChatService>;
