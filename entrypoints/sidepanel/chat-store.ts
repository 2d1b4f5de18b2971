/**
 * The panel's zustand store: wiring only. The open conversation is folded from background events
 * once per animation frame (lib/panel/fold-queue, routed by lib/panel/router), the chat actions
 * are lib/panel/controller's, and the status is kept beside the chat. Never holds the API key.
 */
import { create } from 'zustand';
import type { BackgroundToPanel, PublicSettings } from '@/lib/protocol';
import type { Attachment } from '@/lib/model/types';
import { EMPTY_CHAT, markDisconnected, type PanelChat } from '@/lib/panel/panel-state';
import { createChatController } from '@/lib/panel/controller';
import { createFoldQueue, type FrameScheduler } from '@/lib/panel/fold-queue';
import { foldBatch, receiveAttachments, routeEvent } from '@/lib/panel/router';
import { IDLE, nextStatus, type ChatStatus } from '@/lib/panel/status';
import type { ChatTransport } from './transport';
import type { PanelData } from './panel-data';
import { loadDraft, saveDraft } from './draft';
import { deepestLeaf } from '@/lib/model/tree';
import { isTerminal } from '@/lib/model/types';
import { createFeedbackSlice, type FeedbackSlice } from './feedback-slice';
import { createConversationsSlice, type ConversationsSlice } from './conversations-slice';
import { benchProbe as installedBenchProbe } from '@/bench/panel/bench-probe';

// The bench's probe (bench/panel) is E2E-build scaffolding: behind this compile-time branch the
// production build drops it.
const benchProbe = import.meta.env.MODE === 'e2e' ? installedBenchProbe : undefined;

/** Whether stored conversations could be read: `unavailable` means the chat runs from memory. */
export type StorageStatus = 'loading' | 'ready' | 'unavailable';

export interface ChatStore extends FeedbackSlice, ConversationsSlice {
  chat: PanelChat;
  /** The chat's status, recomputed whenever `chat` changes (lib/panel/status). */
  status: ChatStatus;
  storage: StorageStatus;
  settings: PublicSettings | null;
  view: 'chat' | 'settings';
  attachments: Attachment[];
  draft: string;
  setDraft(text: string): void;
  captureSelection(): void;
  setAttachmentLanguage(id: string, language: string | undefined): void;
  setSettings(settings: PublicSettings): void;
  setView(view: 'chat' | 'settings'): void;
  send(text: string): void;
  stop(messageId: string): void;
  regenerate(userMessageId: string): void;
  newChat(): void;
  selectLeaf(leafId: string): void;
  /** Shows another variant (sibling) and the newest branch below it. */
  selectVariant(messageId: string): void;
  dismissNotice(): void;
  openConversation(id: string): Promise<void>;
  updateConversation(patch: { model: string; systemPrompt: string }): void;
  /** The user message being edited from the composer (Up in an empty composer). */
  editingId: string | null;
  editLastMessage(): boolean;
  cancelEditing(): void;
  addAttachment(attachment: Attachment): void;
  removeAttachment(id: string): void;
}

/** What the panel takes from the browser; tests pass a manual frame clock and counted ids. */
export interface StoreEnv {
  frames: FrameScheduler;
  newId(): string;
}

type Patch = Partial<ChatStore> | ((s: ChatStore) => Partial<ChatStore>);

/** The store over a transport to the worker and the panel's storage (both injected: tests fake them). */
export function createChatStore(
  transport: ChatTransport,
  data: PanelData,
  env: StoreEnv = {
    frames: {
      // One React commit per frame while streaming; a hidden page gets no frames, so use a task.
      request: (run) =>
        document.visibilityState === 'visible' ? requestAnimationFrame(run) : setTimeout(run, 16),
      now: () => performance.now(),
    },
    newId: () => crypto.randomUUID(),
  },
) {
  const useStore = create<ChatStore>((rawSet, get) => {
    // Every write that changes the chat recomputes its status here, so no component scans.
    const set = (patch: Patch) => {
      const partial = typeof patch === 'function' ? patch(get()) : patch;
      const chat = partial.chat;
      rawSet(
        chat && chat !== get().chat
          ? { ...partial, status: nextStatus(get().status, chat) }
          : partial,
      );
    };
    const queue = createFoldQueue(
      (events) => {
        const result = foldBatch(get().chat, events);
        if (result.chat !== get().chat) set({ chat: result.chat });
        // After the fold: a retry's started reply removes the failure it replaces from the chat.
        for (const event of result.started) onStarted(event);
        if (result.listChanged) get().bumpList();
        if (result.needsSync) transport.post({ type: 'sync' });
      },
      env.frames,
      benchProbe?.foldStart,
    );
    const feedback = createFeedbackSlice(set, get, data, env.newId);
    const { onStarted, ...actions } = createChatController({
      host: { get, set },
      post: (message) => transport.post(message),
      newId: env.newId,
      stopQueued: (messageId) => queue.stop(messageId),
      selectLeaf: (leafId) => get().selectLeaf(leafId),
      saveComparison: feedback.saveComparison,
    });

    const enqueue = (event: BackgroundToPanel) => {
      if (!queue.push(event)) return;
      if (benchProbe && event.type === 'delta') {
        benchProbe.received(event.offset + event.text.length);
        // The baseline renders every delta as it arrives, as many chat UIs do.
        if (benchProbe.naive) return queue.flush();
      }
      // A reply's first words skip the wait for the next frame (up to 16 ms of the time to first
      // token, bench M1). Later deltas batch per frame.
      if (event.type === 'delta' && event.offset === 0) return queue.flush();
      // A reply's end (Stop's answer above all) shows at once, not at the next frame: Stop is
      // shown within one frame of the click (bench "Stop shown").
      if (event.type === 'state' && isTerminal(event.state)) return queue.flush();
      queue.schedule();
    };

    // Needed only once the first read is back: it loads beside it, outside the initial bundle.
    const merge = import('@/lib/panel/merge-loaded');
    const loadConversation = async (id?: string) => {
      try {
        await data.reopenIfClosed();
        const conversation = id ? await data.getConversation(id) : await data.latestConversation();
        if (!conversation) {
          set({ storage: 'ready' });
          return;
        }
        const messages = await data.getMessages(conversation.id);
        const { mergeLoaded } = await merge;
        set({ chat: mergeLoaded(get().chat, conversation, messages), storage: 'ready' });
        // A reply stored half-written may be live, or finished but not saved: ask the worker.
        if (messages.some((m) => !isTerminal(m.state))) transport.post({ type: 'sync' });
        await get().loadRatings(conversation.id);
      } catch {
        // The chat still works from memory; only stored conversations are missing.
        set({ storage: 'unavailable' });
      }
    };

    transport.start({
      onEvent: (event) =>
        routeEvent(event, {
          attachments: (e) => set(receiveAttachments(get(), e)),
          notice: (notice) => set({ chat: { ...get().chat, notice } }),
          fold: enqueue,
        }),
      onDisconnect: () => {
        queue.disconnected();
        const { chat, salvage } = markDisconnected(get().chat);
        set({ chat });
        for (const s of salvage) transport.post({ type: 'salvage', ...s });
      },
      onConnect: (reconnected) => {
        transport.post({ type: 'sync' });
        if (reconnected) {
          const id = get().chat.conversation?.id;
          // Give the restarted worker's sweep and the salvage a moment, then read what was kept.
          setTimeout(() => void loadConversation(id), 300);
        }
      },
    });
    void loadConversation();
    void loadDraft().then((draft) => {
      if (draft && !get().draft) set({ draft });
    });

    return {
      ...feedback.slice,
      ...actions,
      chat: EMPTY_CHAT,
      status: IDLE,
      storage: 'loading',
      settings: null,
      view: 'chat',
      attachments: [],
      draft: '',
      setDraft: (draft) => {
        set({ draft });
        saveDraft(draft);
      },
      captureSelection: () => transport.post({ type: 'capture_selection' }),
      setAttachmentLanguage: (id, language) =>
        set({
          attachments: get().attachments.map((a) => {
            if (a.id !== id) return a;
            const { language: _old, ...rest } = a;
            return language ? { ...rest, language } : rest;
          }),
        }),
      setSettings: (settings) => set({ settings }),
      setView: (view) => set({ view }),
      send: (text) => {
        saveDraft('');
        actions.send(text);
      },
      newChat: () =>
        set({
          chat: EMPTY_CHAT,
          attachments: [],
          ratings: {},
          reports: {},
          comparePrompt: null,
          compareSession: null,
        }),
      selectLeaf: (leafId) => {
        const chat = get().chat;
        if (!chat.conversation) return;
        set({
          chat: { ...chat, leafId, conversation: { ...chat.conversation, currentLeafId: leafId } },
        });
        void data.setCurrentLeaf(chat.conversation.id, leafId).catch(() =>
          set({
            chat: {
              ...get().chat,
              notice: 'Your choice of reply could not be saved; it shows until the panel closes.',
            },
          }),
        );
      },
      selectVariant: (messageId) =>
        get().selectLeaf(deepestLeaf(Object.values(get().chat.messages), messageId)),
      ...createConversationsSlice(set, get, data, (conversationId) =>
        transport.post({ type: 'conversation_deleted', conversationId }),
      ),
      updateConversation: (patch) => {
        const { chat } = get();
        if (!chat.conversation) return;
        set({ chat: { ...chat, conversation: { ...chat.conversation, ...patch } } });
        void data
          .updateConversation(chat.conversation.id, patch)
          .catch(() =>
            set({ chat: { ...get().chat, notice: 'The chat settings could not be saved.' } }),
          );
      },
      editingId: null,
      openConversation: async (id) => {
        set({
          chat: EMPTY_CHAT,
          attachments: [],
          comparePrompt: null,
          compareSession: null,
          drawerOpen: false,
        });
        await loadConversation(id);
      },
      dismissNotice: () => set({ chat: { ...get().chat, notice: null }, feedbackError: null }),
      addAttachment: (attachment) => set({ attachments: [...get().attachments, attachment] }),
      removeAttachment: (id) => set({ attachments: get().attachments.filter((a) => a.id !== id) }),
    };
  });
  return useStore;
}

export type UseChatStore = ReturnType<typeof createChatStore>;
