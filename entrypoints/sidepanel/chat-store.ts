/**
 * The panel's zustand store: the open conversation, folded from background events once per
 * animation frame, and the actions the UI calls. Never holds the API key.
 */
import { create } from 'zustand';
import type { BackgroundToPanel, PublicSettings } from '@/lib/protocol';
import type { Attachment } from '@/lib/model/types';
import {
  applyEvent,
  EMPTY_CHAT,
  markDisconnected,
  mergeLoaded,
  type PanelChat,
} from '@/lib/panel/panel-state';
import type { ChatTransport } from './transport';
import type { PanelData } from './panel-data';
import { loadDraft, saveDraft } from './draft';
import { deepestLeaf, pathToLeaf } from '@/lib/model/tree';
import { isTerminal } from '@/lib/model/types';
import { createFeedbackSlice, type FeedbackSlice } from './feedback-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { benchProbe as installedBenchProbe } from '@/bench/panel/bench-probe';
import { createFoldQueue } from './fold-queue';

// The bench's probe (bench/panel) is E2E-build scaffolding: behind this compile-time branch the
// production build drops it.
const benchProbe = import.meta.env.MODE === 'e2e' ? installedBenchProbe : undefined;

export type HistoryStatus = 'loading' | 'ready' | 'unavailable';

export interface ChatStore extends FeedbackSlice, HistorySlice {
  chat: PanelChat;
  history: HistoryStatus;
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

/** The store over a transport to the worker and the panel's storage (both injected: tests fake them). */
export function createChatStore(transport: ChatTransport, data: PanelData) {
  const useStore = create<ChatStore>((set, get) => {
    const feedback = createFeedbackSlice(set, get, transport, data);
    const queue = createFoldQueue((events) => {
      let chat = get().chat;
      let needsSync = false;
      let historyChanged = false;
      for (const event of events) {
        if (event.type === 'started') feedback.onStarted(event);
        if (event.type === 'started' || (event.type === 'state' && event.content !== undefined))
          historyChanged = true;
        const result = applyEvent(chat, event);
        chat = result.chat;
        needsSync ||= result.needsSync;
      }
      if (chat !== get().chat) set({ chat });
      if (historyChanged) get().bumpHistory();
      if (needsSync) transport.post({ type: 'sync' });
    });

    const enqueue = (event: BackgroundToPanel) => {
      if (event.type === 'attachments') {
        const { attachments, draft } = get();
        set({
          attachments: [...attachments, ...event.attachments],
          draft: draft.trim() ? draft : (event.suggestedText ?? draft),
          chat: { ...get().chat, notice: null },
        });
        return;
      }
      if (event.type === 'capture_failed') {
        set({ chat: { ...get().chat, notice: event.message } });
        return;
      }
      if (!queue.push(event)) return;
      if (benchProbe && event.type === 'delta') {
        benchProbe.received(event.offset + event.text.length);
        // The baseline renders every delta as it arrives, as many chat UIs do.
        if (benchProbe.naive) return queue.flush();
      }
      // A reply's first words skip the wait for the next frame (up to 16 ms of the time to first
      // token, bench M1). Later deltas batch per frame.
      if (event.type === 'delta' && event.offset === 0) return queue.flush();
      queue.schedule();
    };

    const loadConversation = async (id?: string) => {
      try {
        await data.reopenIfClosed();
        const conversation = id ? await data.getConversation(id) : await data.latestConversation();
        if (!conversation) {
          set({ history: 'ready' });
          return;
        }
        const messages = await data.getMessages(conversation.id);
        set({ chat: mergeLoaded(get().chat, conversation, messages), history: 'ready' });
        // A reply stored half-written may be live, or finished but not saved: ask the worker.
        if (messages.some((m) => !isTerminal(m.state))) transport.post({ type: 'sync' });
        await get().loadRatings(conversation.id);
      } catch {
        // The chat still works from memory; only history is missing.
        set({ history: 'unavailable' });
      }
    };

    transport.start({
      onEvent: enqueue,
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
      chat: EMPTY_CHAT,
      history: 'loading',
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
        const { chat, attachments, editingId } = get();
        saveDraft('');
        if (editingId) {
          set({ editingId: null, draft: '' });
          get().editAndResend(editingId, text);
          return;
        }
        const requestId = crypto.randomUUID();
        set({
          chat: { ...chat, ownRequests: [...chat.ownRequests, requestId], notice: null },
          attachments: [],
          draft: '',
        });
        transport.post({
          type: 'send',
          requestId,
          conversationId: chat.conversation?.id ?? null,
          parentId: chat.leafId,
          text,
          attachments,
        });
      },
      stop: (messageId) => {
        const message = get().chat.messages[messageId];
        const live = message !== undefined && !isTerminal(message.state);
        // The reply ends where the user saw it stop: text queued but not shown yet goes.
        if (live) queue.stop(messageId);
        const shown = live ? { shownLength: message.content.length } : {};
        transport.post({ type: 'stop', messageId, ...shown });
      },
      regenerate: (userMessageId) => {
        const requestId = crypto.randomUUID();
        const chat = get().chat;
        set({ chat: { ...chat, ownRequests: [...chat.ownRequests, requestId], notice: null } });
        transport.post({ type: 'regenerate', requestId, userMessageId });
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
      ...createHistorySlice(set, get, data, (conversationId) =>
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
      editLastMessage: () => {
        const { chat } = get();
        const path = chat.leafId ? pathToLeaf(Object.values(chat.messages), chat.leafId) : [];
        const last = [...path].reverse().find((m) => m.role === 'user');
        if (!last) return false;
        set({ editingId: last.id, draft: last.content });
        return true;
      },
      cancelEditing: () => set({ editingId: null, draft: '' }),
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
