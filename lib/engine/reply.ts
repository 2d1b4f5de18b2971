/**
 * Starting and running a reply: the one path that send, regenerate and compare share. The
 * reply's record is written while its request starts, the panel hears `started`, and the
 * generation runs with moderation, the context budget and the title side request around it.
 */
import { setDroppedTurns, setModeration } from '../db/conversations';
import { createReplyWriter } from '../db/reply-chunks';
import { storageWarningText } from '../db/storage-errors';
import type { LlmConfig } from '../llm/client';
import { sameOrigin } from '../credentials';
import { requiresKey } from '../settings';
import { BUILTIN_BASE_URL, BUILTIN_MODEL_ID } from '../llm/builtin/prompt-api';
import { languageNotice, unsupportedLanguage } from '../llm/builtin/language';
import { createContextWindows, type ContextFix } from './context-window';
import { requestMessages } from './request-messages';
import { buildUserContent } from '../prompt/page-content';
import { pathToLeaf } from '../model/tree';
import { notice } from '../model/notices';
import type { ChatMessage, Conversation, ModerationRecord } from '../model/types';
import { moderateTurn } from '../moderation/turn';
import { createModerationProvider } from '../moderation/providers';
import type { ChatConfig, ChatServiceDeps } from './deps';
import { startGeneration, type GenerationHandle } from './generation';
import type { ReadThrough } from './read-through';
import { cancellableProvider, type createSideRequests } from './side-requests';
import { titleConversation } from './title';
import type { Unsaved } from './unsaved';

/** The chat service's state a reply works with. */
export interface ReplyContext {
  deps: ChatServiceDeps;
  live: Map<string, GenerationHandle>;
  unsaved: Unsaved;
  sides: ReturnType<typeof createSideRequests>;
  records: ReadThrough;
}

/** One reply to start: the records it writes (the reply last) and the conversation before them. */
export interface ReplyStart {
  requestId: string;
  conversation: Conversation;
  /** The conversation is new: a failed first write keeps it in memory too. */
  isNew: boolean;
  /** The turn's new records, the assistant placeholder last. */
  records: ChatMessage[];
  earlier: ChatMessage[];
  config: ChatConfig;
  /** The records' write, already started: the request does not wait for IndexedDB. */
  written: Promise<void>;
  /** A retry after a refusal for context length: what to leave out (issue 14). */
  fix?: ContextFix;
}

/** The chat and the moderation endpoints, each with the key bound to its origin (issue 12). */
export function endpointsFor({ settings, apiKey, moderationApiKey }: ChatConfig): {
  chat: LlmConfig;
  moderation: LlmConfig;
} {
  const chat: LlmConfig & { kind?: 'builtin' } = {
    apiKey,
    // The built-in model has no endpoint: its own name keeps what is learned per endpoint apart.
    baseUrl: settings.provider === 'builtin' ? BUILTIN_BASE_URL : settings.baseUrl,
    timeoutMs: settings.requestTimeoutMs,
    // The built-in model (issue 15) answers chat and titles; moderation keeps its own endpoint.
    ...(settings.provider === 'builtin' ? { kind: 'builtin' as const } : {}),
  };
  // Moderation may use its own endpoint and key (say, OpenAI's while chatting with Ollama).
  const baseUrl = settings.moderation.baseUrl || chat.baseUrl;
  return {
    chat,
    // Keys are bound to origins (issue 12): the chat key only if moderation is on its origin.
    moderation: {
      ...chat,
      // Without an endpoint of its own it asks the built-in model, which has none: "not checked".
      ...(settings.provider === 'builtin' && settings.moderation.baseUrl
        ? { kind: undefined }
        : {}),
      baseUrl,
      apiKey: moderationApiKey ?? (sameOrigin(baseUrl, chat.baseUrl) ? apiKey : ''),
    },
  };
}

/** Starting and running replies for one chat service. */
export function createReplies(ctx: ReplyContext) {
  const { deps, live, unsaved, sides, records } = ctx;
  // What each server said of its context, shared by this service's replies.
  const windows = createContextWindows(deps.onContextSize, deps.serverFacts);

  /**
   * Runs a reply. `preloaded` lets `send` start the request while its own writes are still in
   * flight: first-token latency should not wait for IndexedDB.
   */
  const generate = async (
    conversation: Conversation,
    assistant: ChatMessage,
    preloaded: {
      config: ChatConfig;
      messages: ChatMessage[];
      written: Promise<void>;
      fix?: ContextFix;
    },
  ) => {
    const { settings } = preloaded.config;
    const { messages, written } = preloaded;
    const deleted = sides.signalFor(conversation.id);
    const path = pathToLeaf(messages, assistant.id);
    const model = assistant.model ?? settings.model;
    const endpoints = endpointsFor(preloaded.config);
    const provider = deps.provider(endpoints.chat);
    // The oldest turns give way when the conversation outgrows the server's context.
    const window = await windows.plan(provider, endpoints.chat.baseUrl, model);
    const {
      messages: request,
      dropped,
      estimate,
    } = requestMessages(path, conversation.systemPrompt, window, preloaded.fix);
    if (dropped > 0) {
      deps.broadcast({ type: 'context_trimmed', messageId: assistant.id, dropped });
      void setDroppedTurns(deps.db, assistant.id, dropped).catch(() => undefined);
    }
    const user = path.at(-2);
    // The built-in model knows three languages; the panel's notice says when it may not cope.
    const language =
      settings.provider === 'builtin' && user ? unsupportedLanguage(user.content) : null;
    if (language) deps.broadcast({ type: 'storage_warning', message: languageNotice(language) });
    const report = (messageId: string, moderation: ModerationRecord) => {
      deps.broadcast({ type: 'moderation', messageId, moderation });
      void setModeration(deps.db, messageId, moderation).catch(() => undefined);
    };
    const moderation = user
      ? moderateTurn({
          settings: settings.moderation,
          provider: cancellableProvider(
            createModerationProvider(settings.moderation, deps.provider(endpoints.moderation)),
            deleted,
          ),
          onUnsupported: () => deps.onModerationUnsupported?.(endpoints.moderation.baseUrl),
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
        openStream: (signal) => provider.streamChat({ model, messages: request }, signal),
        // The reply's own record must exist before it is updated.
        persist: async (update) => {
          const now = deps.now();
          try {
            await written;
            await writer.save(update, now);
            unsaved.saved(assistant.id);
          } catch (error) {
            unsaved.keepMessage({ ...assistant, ...update, updatedAt: now });
            records.scheduleWriteBack();
            throw error;
          }
        },
        emit: deps.broadcast,
        // Once per reply whose writes fail: the reply itself goes on, in memory.
        onStorageError: (error) => {
          deps.broadcast({ type: 'storage_warning', message: storageWarningText(error) });
        },
        isOnline: deps.isOnline,
        timing: {
          stallMs: settings.stallTimeoutMs,
          firstTokenMs: settings.firstTokenTimeoutMs,
          ...deps.timing,
        },
        headersTimeoutMs: settings.requestTimeoutMs,
        ...(moderation ? { inputGate: moderation.inputGate, onText: moderation.onText } : {}),
      },
    );
    live.set(assistant.id, handle);
    deps.onLiveCountChange(live.size);
    const terminal = await handle.done;
    // A refusal that names the sizes corrects what the next request plans with.
    if (terminal.kind === 'error')
      windows.learnRefusal(endpoints.chat.baseUrl, model, terminal.detail, estimate);
    // Planned from what an earlier worker learned: the server is asked now, after the reply.
    windows.revalidate(provider, endpoints.chat.baseUrl, model);
    // The first answer of a conversation earns it a model-written title (fire and forget).
    if (
      terminal.kind === 'complete' &&
      user &&
      path.length === 2 &&
      !conversation.titledByModel &&
      !deleted.aborted
    ) {
      const answer = handle.snapshot().content;
      void titleConversation(
        { db: deps.db, broadcast: deps.broadcast, readConversation: records.readConversation },
        provider,
        { conversation, question: user.content, answer, model },
        deleted,
      );
    }
    await moderation?.finish(handle.snapshot().content, terminal).catch(() => undefined);
    live.delete(assistant.id);
    deps.onLiveCountChange(live.size);
  };

  return {
    /** The assistant placeholder; a missing key ends it at once with a helpful error. */
    prepareReply(
      conversationId: string,
      parentId: string,
      model: string,
      { settings, apiKey }: ChatConfig,
    ): ChatMessage {
      const now = deps.now();
      const builtin = settings.provider === 'builtin';
      const missingKey = !builtin && !apiKey && requiresKey(settings.baseUrl);
      return {
        id: deps.newId(),
        conversationId,
        parentId,
        role: 'assistant',
        content: '',
        attachments: [],
        state: missingKey ? { kind: 'error', code: 'no_key' } : { kind: 'pending' },
        // Each message records who wrote it: the built-in model's id, or the server's model.
        model: builtin ? BUILTIN_MODEL_ID : model,
        createdAt: now,
        updatedAt: now,
      };
    },

    /**
     * Tells the panel the reply started and runs it while its records are written; a failed
     * write keeps them in memory (the reply goes on), and is not a failed request.
     */
    async startReply(start: ReplyStart): Promise<void> {
      const { conversation, records: added, written } = start;
      const assistant = added[added.length - 1];
      if (!assistant) throw new Error(notice('replyWithoutRecord'));
      written.catch(() => records.keepUnwritten(start.isNew ? conversation : null, added));
      deps.broadcast({
        type: 'started',
        requestId: start.requestId,
        conversationId: conversation.id,
        messages: added,
        assistantMessageId: assistant.id,
      });
      if (assistant.state.kind !== 'pending') {
        await written.catch(() => undefined);
        return;
      }
      await generate(conversation, assistant, {
        config: start.config,
        messages: [...start.earlier, ...added],
        written,
        ...(start.fix ? { fix: start.fix } : {}),
      });
    },
  };
}
