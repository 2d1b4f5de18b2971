/**
 * Turns what the frames of a tab captured into one attachment: the frame the user selected in,
 * normalised, with its language from the page or a guess, and honest flags (capped, hidden text
 * removed and why, formatting lost, which frame of which page).
 */
import type { Attachment } from '../model/types';
import type { CapturedSelection } from './capture';
import { CONFIDENT_GUESS_SCORE, guessLanguage, languageFromHint } from './language';
import { normalizeSelection } from './normalize';
import { notice } from '../model/notices';

// The panel shows these without the capture code (and its language guesser): they live apart.
export { HIDDEN_REASON_LABELS, describeHidden, describeSource } from './describe';

/** Why no attachment could be made; each code has one sentence for the user. */
export type SelectionError = 'empty' | 'unreadable';

/** The user-facing sentence for each `SelectionError`. */
export const SELECTION_ERRORS: Record<SelectionError, string> = {
  empty: notice('selectionEmpty'),
  unreadable: notice('selectionUnreadable'),
};

/** The outcome of `toAttachment`: an attachment, or an error code. */
export type AttachmentResult =
  { ok: true; attachment: Attachment } | { ok: false; error: SelectionError };

/** Options for `toAttachment`. */
export interface ToAttachmentOptions {
  /** Cap in characters (see `normalizeSelection`). */
  maxChars: number;
  id: string;
  /**
   * The context menu's `selectionText`, used only when no frame could be read: it has lost
   * newlines and indentation, so the attachment says formatting may be lost.
   */
  fallback?: { selectionText: string; url: string; title: string };
  /**
   * The context menu's `selectionText` when frames were read too: the frame whose text matches
   * it is the one the user right-clicked. Defaults to `fallback.selectionText`.
   */
  selectionText?: string;
  /** The context menu's `info.frameId`: the frame the user right-clicked in wins. */
  frameId?: number;
  /** The tab's address, named on the chip when the text comes from one of its frames. */
  pageUrl?: string;
}

const MAX_TITLE = 300;
const MAX_URL = 2048;

/** Whitespace-free start of a text: the menu's `selectionText` collapses whitespace, captures do not. */
function squash(text: string): string {
  return text.slice(0, 2000).replace(/\s+/g, '').slice(0, 200);
}

/**
 * Frames in the order to try:
 * 1. the frame the context menu was clicked in (`frameId`), then the one matching its text;
 * 2. not a frame the user never interacted with: only real input sets `userActivation`, so a
 *    selection in such a frame was made by a script (an ad selecting its own text);
 * 3. not a cross-origin subframe the user has not just used: an ad the user once clicked can
 *    still focus() itself, but its activation is not recent (transient activation lasts seconds);
 * 4. then the focused frame (deepest first: an iframe's parent has focus too), then the longest.
 * A stale selection left in another frame must not win just for being longer.
 */
function rank(
  captures: readonly (CapturedSelection | null | undefined)[],
  selectionText: string | undefined,
  frameId: number | undefined,
): CapturedSelection[] {
  const menu = selectionText ? squash(selectionText) : '';
  const score = (c: CapturedSelection): number[] => {
    const own = squash(c.text);
    const matches = menu !== '' && own !== '' && (own.startsWith(menu) || menu.startsWith(own));
    const subframe = (c.frameDepth ?? 0) > 0;
    return [
      frameId !== undefined && c.frameId === frameId ? 1 : 0,
      matches ? 1 : 0,
      c.userActivation?.hasBeenActive === false ? 0 : 1,
      c.crossOrigin && subframe && c.userActivation?.isActive !== true ? 0 : 1,
      c.hasFocus ? 1 : 0,
      c.hasFocus ? (c.frameDepth ?? 0) : 0,
      c.text.length,
    ];
  };
  const scored = captures
    .filter(
      (c): c is CapturedSelection => !!c && typeof c.text === 'string' && c.text.trim() !== '',
    )
    .map((c) => ({ c, s: score(c) }));
  scored.sort((a, b) => {
    for (let i = 0; i < a.s.length; i++) {
      const d = (b.s[i] ?? 0) - (a.s[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  return scored.map((x) => x.c);
}

/** Plain one-line text for a source field; pages control their titles. */
function cleanSource(text: string | undefined, max: number): string {
  const flat = (text ?? '')
    .toWellFormed()
    .replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ')
    .trim();
  return Array.from(flat).slice(0, max).join('');
}

/**
 * Builds the attachment from every frame's capture (null for frames without a selection).
 * Pass `captures: null` when the page could not be read at all (injection refused: the PDF
 * viewer, chrome:// pages): without a fallback that is `unreadable`, not `empty`.
 */
export function toAttachment(
  captures: readonly (CapturedSelection | null | undefined)[] | null,
  opts: ToAttachmentOptions,
): AttachmentResult {
  const menuText = opts.selectionText ?? opts.fallback?.selectionText;
  for (const capture of rank(captures ?? [], menuText, opts.frameId)) {
    const normalized = normalizeSelection(capture.text, { maxChars: opts.maxChars });
    if (!normalized.text.trim()) continue;
    // Code: the page's own label, else a guess. Prose: only a guess sure enough to label it.
    const language = capture.isCode
      ? (languageFromHint(capture.languageHint) ?? guessLanguage(normalized.text))
      : guessLanguage(normalized.text, CONFIDENT_GUESS_SCORE);
    const attachment = build(opts.id, normalized, language, capture.url, capture.title, {
      hidden: normalized.hiddenTextRemoved || capture.hiddenTextFound,
      formattingLost: false,
    });
    const passages = hiddenPassages(capture.hidden, normalized.hiddenTextRemoved);
    if (passages) attachment.hiddenPassages = passages;
    if ((capture.frameDepth ?? 0) > 0 && opts.pageUrl)
      attachment.source.topUrl = cleanSource(opts.pageUrl, MAX_URL);
    return { ok: true, attachment };
  }
  const fallback = opts.fallback;
  if (fallback) {
    const normalized = normalizeSelection(fallback.selectionText, { maxChars: opts.maxChars });
    if (normalized.text.trim()) {
      const language = guessLanguage(normalized.text, CONFIDENT_GUESS_SCORE);
      const attachment = build(opts.id, normalized, language, fallback.url, fallback.title, {
        hidden: normalized.hiddenTextRemoved,
        formattingLost: true,
      });
      const passages = hiddenPassages(undefined, normalized.hiddenTextRemoved);
      if (passages) attachment.hiddenPassages = passages;
      return { ok: true, attachment };
    }
  }
  return { ok: false, error: captures === null && !fallback ? 'unreadable' : 'empty' };
}

function build(
  id: string,
  normalized: ReturnType<typeof normalizeSelection>,
  language: string | undefined,
  url: string,
  title: string,
  flags: { hidden: boolean; formattingLost: boolean },
): Attachment {
  const attachment: Attachment = {
    id,
    kind: 'selection',
    text: normalized.text,
    source: { url: cleanSource(url, MAX_URL), title: cleanSource(title, MAX_TITLE) },
  };
  if (language) attachment.language = language;
  if (normalized.truncated) attachment.truncated = normalized.truncated;
  if (flags.hidden) attachment.hiddenTextRemoved = true;
  if (flags.formattingLost) attachment.formattingLost = true;
  return attachment;
}

/** The capture's count plus one passage for hidden characters the normaliser took out. */
function hiddenPassages(
  found: CapturedSelection['hidden'],
  characters: boolean,
): Attachment['hiddenPassages'] {
  const count = (found?.count ?? 0) + (characters ? 1 : 0);
  if (count === 0) return undefined;
  const reasons: string[] = [...(found?.reasons ?? [])];
  if (characters) reasons.push('invisible-characters');
  return { count, reasons };
}
