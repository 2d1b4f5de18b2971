/**
 * Turns what the frames captured into one attachment: the frame with the selection, normalised,
 * with its language from the page or a guess.
 */
import type { Attachment } from '../chat/types';
import type { CapturedSelection } from './capture';
import { guessLanguage, languageFromHint } from './language';
import { normalizeSelection } from './normalize';

export type SelectionError = 'empty';

export const SELECTION_ERRORS: Record<SelectionError, string> = {
  empty: 'Select some text first.',
};

export type AttachmentResult =
  { ok: true; attachment: Attachment } | { ok: false; error: SelectionError };

export function toAttachment(
  captures: readonly (CapturedSelection | null)[],
  opts: {
    maxChars: number;
    id: string;
    fallback?: { selectionText: string; url: string; title: string };
  },
): AttachmentResult {
  const best = captures
    .filter((c): c is CapturedSelection => c !== null && c.text.trim() !== '')
    .sort((a, b) => b.text.length - a.text.length)[0];
  const source = best ?? (opts.fallback?.selectionText.trim() ? opts.fallback : undefined);
  if (!source) return { ok: false, error: 'empty' };
  const raw = best ? best.text : (opts.fallback?.selectionText ?? '');
  const normalized = normalizeSelection(raw, { maxChars: opts.maxChars });
  if (!normalized.text.trim()) return { ok: false, error: 'empty' };
  const language = best
    ? (languageFromHint(best.languageHint) ??
      (best.isCode ? guessLanguage(normalized.text) : undefined) ??
      guessLanguage(normalized.text))
    : guessLanguage(normalized.text);
  const attachment: Attachment = {
    id: opts.id,
    kind: 'selection',
    text: normalized.text,
    source: {
      url: best?.url ?? opts.fallback?.url ?? '',
      title: best?.title ?? opts.fallback?.title ?? '',
    },
    ...(language ? { language } : {}),
    ...(normalized.truncated ? { truncated: normalized.truncated } : {}),
    ...(normalized.hiddenTextRemoved || best?.hiddenTextFound ? { hiddenTextRemoved: true } : {}),
    ...(best ? {} : { formattingLost: true }),
  };
  return { ok: true, attachment };
}
