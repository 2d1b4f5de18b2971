/**
 * What a turn sends besides the reply itself (the title request, moderation of the question and
 * of the reply) stops when the user deletes the conversation (issue 12, item 11): nothing the
 * user deleted goes to an endpoint after the delete.
 */
import type { ModerationProvider } from '../moderation/providers';

/** One abort signal per conversation, fired when it is deleted. */
export function createSideRequests() {
  // Entries live as long as the worker (an MV3 worker is short-lived); a deleted one is dropped,
  // so a conversation restored by Undo starts again with a live signal.
  const controllers = new Map<string, AbortController>();
  return {
    /** Aborts when `conversationId` is deleted. */
    signalFor(conversationId: string): AbortSignal {
      let controller = controllers.get(conversationId);
      if (!controller) {
        controller = new AbortController();
        controllers.set(conversationId, controller);
      }
      return controller.signal;
    },
    /** The conversation was deleted: everything started for it so far is aborted. */
    cancel(conversationId: string): void {
      controllers.get(conversationId)?.abort();
      controllers.delete(conversationId);
    },
  };
}

/**
 * A moderation provider that sends nothing once `signal` has aborted, and aborts the checks it
 * has already sent. A cancelled check reads as "unavailable", which the policy already handles.
 */
export function cancellableProvider(
  provider: ModerationProvider,
  signal: AbortSignal,
): ModerationProvider {
  return {
    check: (text, role, own) =>
      signal.aborted
        ? Promise.resolve({ ok: false, reason: 'unavailable', detail: 'deleted' })
        : provider.check(text, role, own ? AbortSignal.any([own, signal]) : signal),
  };
}
