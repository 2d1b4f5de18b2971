/**
 * Code text with its invisible characters drawn as marks: a run of them becomes one badge
 * ("U+202E", "27 hidden") whose tooltip says what it holds, tags decoded. The characters
 * themselves are not in the DOM, so selecting and copying by hand gets the mark, never them.
 */
import { Fragment, type ReactNode } from 'react';
import { describeHidden, hiddenLabel, splitInvisible } from '@/lib/markdown/invisible';

/** `text` as React nodes, each invisible run replaced by a visible mark. */
export function renderCodeText(text: string): ReactNode {
  const pieces = splitInvisible(text);
  if (pieces.length === 1 && !pieces[0]?.hidden) return text;
  return pieces.map((piece, i) =>
    piece.hidden ? (
      <span key={i} className="code-invisible" title={describeHidden(piece.text)}>
        {hiddenLabel(piece.text)}
      </span>
    ) : (
      <Fragment key={i}>{piece.text}</Fragment>
    ),
  );
}
