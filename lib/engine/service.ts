/**
 * The background's chat service: turns panel requests into stored messages and live generations.
 * Everything it needs from the browser is passed in, so it runs against fake-indexeddb in tests.
 */
import type {
  BackgroundToPanel,
  LiveGeneration,
  RegenerateRequest,
  SendRequest,
} from '../protocol';
import type { ParleyDb } from '../db/schema';
import {
  appendMessages,
  createConversation,
  getConversation,
  getMessage,
  getMessages,
  salvageReply,
  sweepOrphanedReplies,
} from '../db/conversations';
import { createReplyWriter } from '../db/reply-chunks';
import type { LlmConfig, StreamPart } from '../llm/client';
import { requiresKey, type Settings } from '../settings';
import { sameOrigin } from '../credentials';
import { buildModelMessages, type HistoryMessage } from '../prompt/messages';
import { buildTitleRequest, cleanTitle } from '../prompt/title';
import { contextWindowFor, REPLY_RESERVE, trimToBudget } from '../prompt/budget';
import { buildUserContent } from '../prompt/page-content';
import { pathToLeaf } from '../model/tree';
import { startGeneration, type GenerationHandle, type GenerationTiming } from './generation';
import type { ChatMessage, Conversation, ModerationRecord } from '../model/types';
import { moderateTurn } from '../moderation/turn';
import type { ModerationProvider } from '../moderation/providers';
import type { ModerationSettings } from '../model/moderation';
import { setModeration } from '../db/conversations';
import { storageWarningText } from '../db/storage-errors';
import { createUnsaved } from './unsaved';
import { cancellableProvider, createSideRequests } from './side-requests';

export type OpenStream = (
  config: LlmConfig,
  request: {
    model: string;
    messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  },
  signal: AbortSignal,
) => AsyncIterable<StreamPart>;

export interface ChatServiceDeps {
  db: ParleyDb;
  loadConfig: () => Promise<{ settings: Settings; apiKey: string; moderationApiKey?: string }>;
  openStream: OpenStream;
  broadcast: (event: BackgroundToPanel) => void;
  newId: () => string;
  now: () => number;
  isOnline: () => boolean;
  /** Called whenever the number of live generations changes (drives the keep-alive). */
  onLiveCountChange: (count: number) => void;
  timing?: Partial<GenerationTiming>;
  /** Builds the moderation provider for the current endpoint; absent means no moderation. */
  moderationProvider?: (config: LlmConfig, settings: ModerationSettings) => ModerationProvider;
  /** One short non-streaming completion (for the conversation's title); `signal` aborts it. */
  complete?: (
    config: LlmConfig,
    request: { model: string; messages: HistoryMessage[]; maxTokens: number },
    signal?: AbortSignal,
  ) => Promise<string>;
  /** Remembers that this endpoint has no moderation, for the settings page. */
  onModerationUnsupported?: (baseUrl: string) => void;
  /** How long to wait before writing back what storage refused (default 3 s). */
  storageRetryMs?: number;
}

const TITLE_LENGTH = 60;

function titleFrom(text: string, attachments: SendRequest['attachments']): string {
  const source = text.trim() || attachments[0]?.source.title || 'New chat';
  const line = source.split('\n')[0] ?? source;
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
}

export function createChatService(deps: ChatServiceDeps) {
  const live = new Map<string, GenerationHandle>();
  // What storage refused stays here: follow-ups read it, and it is written back when storage works.
  const unsaved = createUnsaved();
  const sides = createSideRequests();
  let writeBackTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleWriteBack = () => {
    if (writeBackTimer || unsaved.size === 0) return;
    writeBackTimer = setTimeout(() => {
      void unsaved
        .writeBack(deps.db, deps.now())
        .catch(() => undefined)
        .finally(() => {
          writeBackTimer = undefined;
          scheduleWriteBack();
        });
    }, deps.storageRetryMs ?? 3000);
  };
  /** Keeps the turn's records when their first write failed (unless a newer version is kept). */
  const keepUnwritten = (conversation: Conversation | null, messages: ChatMessage[]) => {
    if (conversation && !unsaved.conversation(conversation.id))
      unsaved.keepConversation(conversation);
    for (const m of messages) if (!unsaved.message(m.id)) unsaved.keepMessage(m);
    scheduleWriteBack();
  };
  const readConversation = async (id: string): Promise<Conversation | undefined> => {
    try {
      return (await getConversation(deps.db, id)) ?? unsaved.conversation(id);
    } catch (error) {
      const kept = unsaved.conversation(id);
      if (kept) return kept;
      throw error;
    }
  };
  const readMessages = async (conversationId: string): Promise<ChatMessage[]> => {
    try {
      return unsaved.overlay(conversationId, await getMessages(deps.db, conversationId));
    } catch (error) {
      const kept = unsaved.overlay(conversationId, []);
      if (kept.length) return kept;
      throw error;
    }
  };
  const readMessage = async (id: string): Promise<ChatMessage | undefined> => {
    try {
      return unsaved.message(id) ?? (await getMessage(deps.db, id));
    } catch (error) {
      const kept = unsaved.message(id);
      if (kept) return kept;
      throw error;
    }
  };

  type Config = Awaited<ReturnType<ChatServiceDeps['loadConfig']>>;

  /**
   * Runs a reply. `preloaded` lets `send` start the request while its own writes are still in
   * flight: first-token latency should not wait for IndexedDB.
   */
  const generate = async (
    conversation: Conversation,
    assistant: ChatMessage,
    preloaded?: { config: Config; messages: ChatMessage[]; written: Promise<void> },
  ) => {
    const { settings, apiKey, moderationApiKey } = preloaded?.config ?? (await deps.loadConfig());
    const messages = preloaded?.messages ?? (await readMessages(conversation.id));
    const written = preloaded?.written ?? Promise.resolve();
    const deleted = sides.signalFor(conversation.id);
    const path = pathToLeaf(messages, assistant.id);
    const model = assistant.model ?? settings.model;
    // The oldest turns give way when the conversation outgrows the model's context.
    const { messages: history, dropped } = trimToBudget(
      buildModelMessages(path, conversation.systemPrompt, (m) =>
        buildUserContent(m.content, m.attachments),
      ),
      contextWindowFor(model) - REPLY_RESERVE,
    );
    if (dropped > 0) {
      deps.broadcast({ type: 'context_trimmed', messageId: assistant.id, dropped });
      void deps.db.messages.update(assistant.id, { droppedTurns: dropped }).catch(() => undefined);
    }
    const config: LlmConfig = {
      apiKey,
      baseUrl: settings.baseUrl,
      timeoutMs: settings.requestTimeoutMs,
    };
    const user = path.at(-2);
    // Moderation may use its own endpoint and key (say, OpenAI's while chatting with Ollama).
    const moderationConfig: LlmConfig = {
      ...config,
      baseUrl: settings.moderation.baseUrl || config.baseUrl,
      // Keys are bound to origins (issue 12): the chat key only if moderation is on its origin.
      apiKey:
        moderationApiKey ??
        (sameOrigin(settings.moderation.baseUrl || config.baseUrl, config.baseUrl) ? apiKey : ''),
    };
    const report = (messageId: string, moderation: ModerationRecord) => {
      deps.broadcast({ type: 'moderation', messageId, moderation });
      void setModeration(deps.db, messageId, moderation).catch(() => undefined);
    };
    const moderation =
      user && deps.moderationProvider
        ? moderateTurn({
            settings: settings.moderation,
            provider: cancellableProvider(
              deps.moderationProvider(moderationConfig, settings.moderation),
              deleted,
            ),
            onUnsupported: () => deps.onModerationUnsupported?.(moderationConfig.baseUrl),
            userMessageId: user.id,
            userText: buildUserContent(user.content, user.attachments),
            assistantMessageId: assistant.id,
            report,
          })
        : null;
    // Past a few KB the reply grows by appended chunks, not whole rewrites (lib/db/reply-chunks).
    const writer = createReplyWriter(deps.db, {
      messageId: assistant.id,
      conversationId: conversation.id,
    });
    const handle = startGeneration(
      { messageId: assistant.id, conversationId: conversation.id },
      {
        openStream: (signal) => deps.openStream(config, { model, messages: history }, signal),
        // The reply's own record must exist before it is updated.
        persist: async (update) => {
          const now = deps.now();
          try {
            await written;
            await writer.save(update, now);
            unsaved.saved(assistant.id);
          } catch (error) {
            unsaved.keepMessage({ ...assistant, ...update, updatedAt: now });
            scheduleWriteBack();
            throw error;
          }
        },
        emit: deps.broadcast,
        // Once per reply whose writes fail: the reply itself goes on, in memory.
        onStorageError: (error) => {
          deps.broadcast({ type: 'storage_warning', message: storageWarningText(error) });
        },
        isOnline: deps.isOnline,
        timing: { stallMs: settings.stallTimeoutMs, ...deps.timing },
        headersTimeoutMs: settings.requestTimeoutMs,
        ...(moderation ? { inputGate: moderation.inputGate, onText: moderation.onText } : {}),
      },
    );
    live.set(assistant.id, handle);
    deps.onLiveCountChange(live.size);
    const terminal = await handle.done;
    // The first answer of a conversation earns it a model-written title (fire and forget).
    if (
      terminal.kind === 'complete' &&
      user &&
      path.length === 2 &&
      !conversation.titledByModel &&
      deps.complete &&
      !deleted.aborted
    ) {
      const answer = handle.snapshot().content;
      void titleConversation(conversation, user.content, answer, config, model, deleted);
    }
    await moderation?.finish(handle.snapshot().content, terminal).catch(() => undefined);
    live.delete(assistant.id);
    deps.onLiveCountChange(live.size);
  };

  const titleConversation = async (
    conversation: Conversation,
    question: string,
    answer: string,
    config: LlmConfig,
    model: string,
    deleted: AbortSignal,
  ) => {
    try {
      const request = { model, messages: buildTitleRequest(question, answer), maxTokens: 16 };
      const raw = await deps.complete?.(config, request, deleted);
      const title = raw && !deleted.aborted ? cleanTitle(raw) : null;
      if (!title) return;
      const current = await readConversation(conversation.id);
      // A title the user gave is never overwritten.
      if (!current || current.title !== conversation.title) return;
      await deps.db.conversations.update(conversation.id, { title, titledByModel: true });
      deps.broadcast({ type: 'title', conversationId: conversation.id, title });
    } catch {
      // The text-derived title stays.
    }
  };

  /** Writes the assistant placeholder; a missing key ends it at once with a helpful error. */
  const prepareReply = async (
    conversationId: string,
    parentId: string,
    model: string,
    config?: Config,
  ): Promise<ChatMessage> => {
    const { settings, apiKey } = config ?? (await deps.loadConfig());
    const now = deps.now();
    const missingKey = !apiKey && requiresKey(settings.baseUrl);
    return {
      id: deps.newId(),
      conversationId,
      parentId,
      role: 'assistant',
      content: '',
      attachments: [],
      state: missingKey ? { kind: 'error', code: 'no_key' } : { kind: 'pending' },
      model,
      createdAt: now,
      updatedAt: now,
    };
  };

  return {
    async send(request: SendRequest): Promise<void> {
      // Everything the request needs is read at once, in parallel.
      const [config, existing, earlier] = await Promise.all([
        deps.loadConfig(),
        request.conversationId ? readConversation(request.conversationId) : undefined,
        request.conversationId ? readMessages(request.conversationId) : [],
      ]);
      const { settings } = config;
      const now = deps.now();
      const conversation: Conversation = existing ?? {
        id: deps.newId(),
        title: titleFrom(request.text, request.attachments),
        createdAt: now,
        updatedAt: now,
        model: settings.model,
        systemPrompt: settings.systemPrompt,
        currentLeafId: null,
      };
      const user: ChatMessage = {
        id: deps.newId(),
        conversationId: conversation.id,
        parentId: request.parentId,
        role: 'user',
        content: request.text,
        attachments: request.attachments,
        state: { kind: 'complete' },
        createdAt: now,
        updatedAt: now,
      };
      const assistant = await prepareReply(
        conversation.id,
        user.id,
        conversation.model || settings.model,
        config,
      );
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
      written.catch(() => keepUnwritten(existing ? null : conversation, [user, assistant]));
      deps.broadcast({
        type: 'started',
        requestId: request.requestId,
        conversationId: conversation.id,
        messages: [user, assistant],
        assistantMessageId: assistant.id,
      });
      if (assistant.state.kind !== 'pending') {
        // A failed write is already kept in memory (keepUnwritten): not a failed request.
        await written.catch(() => undefined);
        return;
      }
      await generate(conversation, assistant, {
        config,
        messages: [...earlier, user, assistant],
        written,
      });
    },

    async regenerate(request: RegenerateRequest): Promise<void> {
      const user = await readMessage(request.userMessageId);
      if (!user || user.role !== 'user') throw new Error('That message no longer exists.');
      const [conversation, earlier, config] = await Promise.all([
        readConversation(user.conversationId),
        readMessages(user.conversationId),
        deps.loadConfig(),
      ]);
      if (!conversation) throw new Error('That conversation no longer exists.');
      const assistant = await prepareReply(
        conversation.id,
        user.id,
        conversation.model || config.settings.model,
        config,
      );
      // Like send: the reply starts while its record is written, and survives a failed write.
      const written = appendMessages(deps.db, conversation.id, [assistant], assistant.createdAt);
      written.catch(() => keepUnwritten(null, [assistant]));
      deps.broadcast({
        type: 'started',
        requestId: request.requestId,
        conversationId: conversation.id,
        messages: [assistant],
        assistantMessageId: assistant.id,
      });
      if (assistant.state.kind !== 'pending') {
        // A failed write is already kept in memory (keepUnwritten): not a failed request.
        await written.catch(() => undefined);
        return;
      }
      await generate(conversation, assistant, {
        config,
        messages: [...earlier, assistant],
        written,
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

    async salvage(messageId: string, content: string): Promise<boolean> {
      if (live.has(messageId)) return false;
      return salvageReply(deps.db, messageId, content, deps.now());
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
