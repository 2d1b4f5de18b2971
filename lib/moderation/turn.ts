/**
 * Moderation for one turn: the user's message checked alongside the request (the input gate),
 * the reply checked in windows of new text while it streams and whole at the end. Outcomes are
 * reported per message as records.
 */
import type { MessageState, ModerationRecord } from '../model/types';
import { createOutputChecker } from './cadence';
import { decide, toRecord } from './policy';
import type { ModerationProvider } from './providers';
import type { ModerationSettings } from '../model/moderation';

/** What moderating one turn needs: the settings, the provider and the messages it marks. */
export interface TurnModerationInit {
  settings: ModerationSettings;
  provider: ModerationProvider;
  userMessageId: string;
  /** The user's text with its attachments, as the model will see it. */
  userText: string;
  assistantMessageId: string;
  report: (messageId: string, record: ModerationRecord) => void;
  /** The endpoint has no moderation: said once in settings, not on every message. */
  onUnsupported?: () => void;
  /** New reply characters between two checks while it streams (lib/moderation/cadence). */
  everyChars?: number;
}

/** Moderation of one turn: the gate before the request, checks while streaming, the final check. */
export interface TurnModeration {
  inputGate: { hold: boolean; verdict: Promise<MessageState | null> };
  onText: (content: string) => void;
  /** The final check of the finished reply. */
  finish: (content: string, state: MessageState) => Promise<void>;
}

/** Keeps the strongest outcome seen for a reply: once flagged, it stays flagged. */
function strongest(a: ModerationRecord | undefined, b: ModerationRecord): ModerationRecord {
  if (!a) return b;
  const rank = { none: 0, warn: 1, block: 2 } as const;
  const action = rank[b.action ?? 'none'] > rank[a.action ?? 'none'] ? b.action : a.action;
  return {
    flagged: a.flagged || b.flagged,
    categories: [...new Set([...a.categories, ...b.categories])],
    checked: a.checked && b.checked,
    action: action ?? 'none',
    scores: { ...a.scores, ...b.scores },
  };
}

/**
 * Sets up moderation for one turn, or null when moderation is off, so the engine skips it cheaply.
 */
export function moderateTurn(init: TurnModerationInit): TurnModeration | null {
  const { settings, provider } = init;
  if (settings.mode === 'off' || settings.provider === 'none') return null;

  // Start the check one task later, so the chat request (prepared in microtasks) leaves first.
  const checked = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() =>
    provider.check(init.userText, 'user'),
  );
  const verdict = checked.then((result): MessageState | null => {
    if (!result.ok && result.reason === 'unsupported') init.onUnsupported?.();
    const v = decide(result, settings);
    if (result.ok || v.unavailable) init.report(init.userMessageId, toRecord(v, result));
    if (v.action === 'block') return { kind: 'blocked', categories: v.categories };
    if (v.action === 'hold') return { kind: 'error', code: 'moderation_unavailable' };
    return null;
  });

  let replyRecord: ModerationRecord | undefined;
  const checker = settings.checkReplies
    ? createOutputChecker({
        ...(init.everyChars ? { everyChars: init.everyChars } : {}),
        check: async (text) => {
          const result = await provider.check(text, 'assistant');
          if (!result.ok && result.reason === 'unsupported') return;
          const v = decide(result, settings);
          const next = strongest(replyRecord, toRecord(v, result));
          if (JSON.stringify(next) === JSON.stringify(replyRecord)) return;
          replyRecord = next;
          init.report(init.assistantMessageId, next);
        },
      })
    : null;

  return {
    inputGate: { hold: settings.mode === 'block' || settings.failMode === 'hold', verdict },
    onText: (content) => checker?.onText(content),
    finish: async (content, state) => {
      if (!checker || !content || state.kind === 'blocked') return;
      await checker.finish(content);
    },
  };
}
