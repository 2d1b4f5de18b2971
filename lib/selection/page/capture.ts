/**
 * Reads the selection in one frame of a page, keeping the newlines and indentation that the
 * context menu's `selectionText` collapses, and leaving out what a reader cannot see.
 *
 * Runs in the page: the `capture-selection` unlisted script bundles this file and its modules, and
 * the background runs it with `scripting.executeScript({ files })`. It returns plain data.
 */
import { joinHints } from './code';
import { hasViewport, readFrameInfo, readFrameLayout } from './frame-info';
import { pageGeometry } from './geometry';
import { readField, walkSelection } from './range';
import { createRun, type Run } from './run';
import type { CapturedSelection, Geometry } from './types';

export type { BoxLike, CapturedSelection, Geometry, HiddenReason } from './types';

/** The result for `text`, or null when nothing but white space was selected. */
function finish(run: Run, text: string, isCode: boolean): CapturedSelection | null {
  const trimmed = text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (!trimmed.trim()) return null;
  const info = readFrameInfo(run.win);
  const result: CapturedSelection = {
    text: trimmed,
    url: run.win.location.href,
    title: run.doc.title,
    isCode,
    hiddenTextFound: run.tally.found,
    hasFocus: info.hasFocus,
    frameDepth: info.frameDepth,
  };
  const hint = joinHints(run.hints);
  if (hint) result.languageHint = hint;
  if (run.tally.count > 0) result.hidden = { count: run.tally.count, reasons: run.tally.reasons };
  if (info.crossOrigin) result.crossOrigin = true;
  if (info.userActivation) result.userActivation = info.userActivation;
  return result;
}

/** The field's selection, else the document's, laid out and filtered. */
function read(run: Run): CapturedSelection | null {
  const field = readField(run);
  if (field !== undefined) return field && finish(run, field.text, field.isCode);
  const selection = run.win.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const rootInCode = walkSelection(run, selection);
  const { out } = run;
  // Code when selected inside code, or when most of it is laid-out code (a pre in an article);
  // inline `code` words in a sentence do not make the sentence code.
  return finish(run, out.text(), rootInCode || (out.chars > 0 && out.codeChars * 2 >= out.chars));
}

/**
 * Captures the current frame's selection, or null when it has no non-empty visible selection.
 * `geometry` is for unit tests only (happy-dom has no layout); `win` is the frame to read.
 */
export function captureSelection(
  geometry?: Geometry,
  // Runs in the page: the frame's own window (lib/ otherwise keeps off the global).
  win: Window = globalThis.window,
): CapturedSelection | null {
  if (!hasViewport(win)) return null;
  const page = geometry ? null : pageGeometry(win.document);
  const geo = geometry ?? (page as { geo: Geometry }).geo;
  try {
    const run = createRun(win, readFrameLayout(win, geo, geometry !== undefined), geo);
    return read(run);
  } finally {
    page?.release();
  }
}
