/**
 * The title side request: the first answer of a conversation earns it a model-written title in
 * place of the one taken from the question's text. Fire and forget; any failure keeps that title.
 */
import { setModelTitle } from '../db/conversations';
import type { ParleyDb } from '../db/schema';
import type { ModelProvider } from '../llm/provider';
import type { Conversation } from '../model/types';
import { buildTitleRequest, cleanTitle } from '../prompt/title';
import type { BackgroundToPanel } from '../protocol';

/** How long the title request may take in all. */
const TITLE_TIMEOUT_MS = 20_000;

/** What the title request needs from the chat service. */
export interface TitleDeps {
  db: ParleyDb;
  broadcast: (event: BackgroundToPanel) => void;
  readConversation: (id: string) => Promise<Conversation | undefined>;
}

/**
 * Asks `provider` for a title of the exchange and stores it unless the user renamed the
 * conversation meanwhile; `deleted` (the conversation was deleted) aborts the request.
 */
export async function titleConversation(
  deps: TitleDeps,
  provider: ModelProvider,
  turn: { conversation: Conversation; question: string; answer: string; model: string },
  deleted: AbortSignal,
): Promise<void> {
  const { conversation, question, answer, model } = turn;
  try {
    const request = { model, messages: buildTitleRequest(question, answer), maxTokens: 16 };
    // Deleting the chat aborts its title request too, not only the wait for its answer.
    const signal = AbortSignal.any([deleted, AbortSignal.timeout(TITLE_TIMEOUT_MS)]);
    const raw = await provider.complete(request, signal);
    const title = raw && !deleted.aborted ? cleanTitle(raw) : null;
    if (!title) return;
    const current = await deps.readConversation(conversation.id);
    // A title the user gave is never overwritten.
    if (!current || current.title !== conversation.title) return;
    await setModelTitle(deps.db, conversation.id, title);
    deps.broadcast({ type: 'title', conversationId: conversation.id, title });
  } catch {
    // The text-derived title stays.
  }
}
