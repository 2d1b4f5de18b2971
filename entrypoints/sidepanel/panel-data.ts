/**
 * The panel's only way into IndexedDB: every read and write the panel makes, as one interface
 * injected like the transport (createChatStore(transport, data)), and the lazy wrapper main.tsx
 * puts around the Dexie-backed implementation (dexie-panel-data.ts). Components never import
 * lib/db; they get these operations through props.
 */
import type { Conversation, ChatMessage } from '@/lib/model/types';
import type { Comparison, ModerationReport, Rating } from '@/lib/model/feedback';
import type { ConversationBundle } from '@/lib/export/conversation';
import type { DrawerData } from '@/components/drawer/conversation-drawer';
import type { ConversationFilesData } from '@/components/drawer/conversation-files';
import type { FeedbackDataSource } from '@/components/settings/feedback-data';
/** What the panel reads and writes in browser storage. */
export interface PanelData extends DrawerData, ConversationFilesData, FeedbackDataSource {
  /** Tries a database that failed to open before again (it may work now). */
  reopenIfClosed(): Promise<void>;
  getConversation(id: string): Promise<Conversation | undefined>;
  latestConversation(): Promise<Conversation | undefined>;
  getMessages(conversationId: string): Promise<ChatMessage[]>;
  setCurrentLeaf(conversationId: string, leafId: string): Promise<void>;
  updateConversation(id: string, patch: { model: string; systemPrompt: string }): Promise<void>;
  loadBundles(ids?: readonly string[]): Promise<ConversationBundle[]>;
  softDeleteConversation(
    id: string,
    options: { keepFeedback: boolean; purgeAfter: number },
  ): Promise<void>;
  restoreConversation(id: string): Promise<void>;
  purgeDeletedConversations(now: number): Promise<number>;
  feedbackCountFor(conversationId: string): Promise<number>;
  saveRating(rating: Rating): Promise<void>;
  deleteRating(id: string): Promise<void>;
  ratingsForConversation(conversationId: string): Promise<Rating[]>;
  reportsForConversation(conversationId: string): Promise<ModerationReport[]>;
  saveComparison(comparison: Comparison): Promise<void>;
  saveModerationReport(report: ModerationReport): Promise<void>;
}

// Every operation, once: the compiler rejects a key missing here or not in PanelData.
const OPERATIONS: Record<keyof PanelData, true> = {
  reopenIfClosed: true,
  getConversation: true,
  latestConversation: true,
  getMessages: true,
  setCurrentLeaf: true,
  updateConversation: true,
  list: true,
  messages: true,
  rename: true,
  pin: true,
  loadBundles: true,
  importBundles: true,
  softDeleteConversation: true,
  restoreConversation: true,
  purgeDeletedConversations: true,
  feedbackCountFor: true,
  saveRating: true,
  deleteRating: true,
  ratingsForConversation: true,
  reportsForConversation: true,
  saveComparison: true,
  saveModerationReport: true,
  feedbackCounts: true,
  loadFeedbackData: true,
  replaceFeedback: true,
};

type Operation = (...args: unknown[]) => Promise<unknown>;

/**
 * PanelData whose operations wait for `load()`'s implementation. `load` starts at once, so the
 * Dexie chunk downloads while React renders the first frame instead of on the first read; calls
 * made before it lands queue on the same promise and run in call order. A failed load rejects
 * the calls waiting on it, as a database that fails to open does, and the next call loads again.
 */
export function createLazyPanelData(load: () => Promise<PanelData>): PanelData {
  let ready: Promise<PanelData> | undefined;
  const start = (): Promise<PanelData> => {
    const attempt = load();
    // Callers see the failure in their own call; the next one starts a fresh load.
    attempt.catch(() => {
      if (ready === attempt) ready = undefined;
    });
    return attempt;
  };
  ready = start();
  const lazy: Record<string, Operation> = {};
  for (const key of Object.keys(OPERATIONS) as (keyof PanelData)[]) {
    lazy[key] = async (...args) => ((await (ready ??= start()))[key] as Operation)(...args);
  }
  return lazy as unknown as PanelData;
}
