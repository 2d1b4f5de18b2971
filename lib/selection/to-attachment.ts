/**
 * Turns what the frames of a tab captured into one attachment: the frame the user selected in,
 * normalised, with its language from the page or a guess, and honest flags (capped, hidden text
 * removed, formatting lost).
 */
import type { Attachment } from '../chat/types';
import type { CapturedSelection } from './capture';
import { CONFIDENT_GUESS_SCORE, guessLanguage, languageFromHint } from './language';
import { normalizeSelection } from './normalize';

/** Why no attachment could be made; each code has one sentence for the user. */
export type SelectionError = 'empty' | 'unreadable';

/** The user-facing sentence for each `SelectionError`. */
export const SELECTION_ERRORS: Record<SelectionError, string> = {
  empty: 'Select some text first.',
  unreadable:
    'Parley can’t read this page. Select the text, right-click it and choose “Ask Parley about selection”.',
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
}

const MAX_TITLE = 300;
const MAX_URL = 2048;

/** Whitespace-free start of a text: the menu's `selectionText` collapses whitespace, captures do not. */
function squash(text: string): string {
  return text.slice(0, 2000).replace(/\s+/g, '').slice(0, 200);
}

/**
 * Frames in the order to try: the one matching the menu's text, then the focused frame (deepest
 * first: an iframe's parent has focus too), then the longest text. A stale selection left in
 * another frame must not win just for being longer.
 */
function rank(
  captures: readonly (CapturedSelection | null | undefined)[],
  selectionText: string | undefined,
): CapturedSelection[] {
  const menu = selectionText ? squash(selectionText) : '';
  const score = (c: CapturedSelection): number[] => {
    const own = squash(c.text);
    const matches = menu !== '' && own !== '' && (own.startsWith(menu) || menu.startsWith(own));
    return [
      matches ? 1 : 0,
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
  for (const capture of rank(captures ?? [], menuText)) {
    const normalized = normalizeSelection(capture.text, { maxChars: opts.maxChars });
    if (!normalized.text.trim()) continue;
    // Code: the page's own label, else a guess. Prose: only a guess sure enough to label it.
    const language = capture.isCode
      ? (languageFromHint(capture.languageHint) ?? guessLanguage(normalized.text))
      : guessLanguage(normalized.text, CONFIDENT_GUESS_SCORE);
    return {
      ok: true,
      attachment: build(opts.id, normalized, language, capture.url, capture.title, {
        hidden: normalized.hiddenTextRemoved || capture.hiddenTextFound,
        formattingLost: false,
      }),
    };
  }
  const fallback = opts.fallback;
  if (fallback) {
    const normalized = normalizeSelection(fallback.selectionText, { maxChars: opts.maxChars });
    if (normalized.text.trim()) {
      const language = guessLanguage(normalized.text, CONFIDENT_GUESS_SCORE);
      return {
        ok: true,
        attachment: build(opts.id, normalized, language, fallback.url, fallback.title, {
          hidden: normalized.hiddenTextRemoved,
          formattingLost: true,
        }),
      };
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
