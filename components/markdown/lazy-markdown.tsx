/**
 * The Markdown renderer, loaded after first paint: the panel shows text at once (plain, wrapped)
 * and swaps in formatting a moment later, keeping the parser out of the panel's initial JS.
 */
import { lazy, memo, Suspense } from 'react';
import { stripBidiControls } from '@/lib/markdown/bidi-controls';

const Markdown = lazy(() => import('./markdown').then((m) => ({ default: m.Markdown })));

export const LazyMarkdown = memo(function LazyMarkdown({
  text,
  streaming,
}: {
  text: string;
  streaming: boolean;
}) {
  return (
    // Plain text for a moment, still without bidi controls: they would reorder it as they do
    // the formatted text.
    <Suspense fallback={<div className="markdown plain-fallback">{stripBidiControls(text)}</div>}>
      <Markdown text={text} streaming={streaming} />
    </Suspense>
  );
});

/** Starts loading the renderer early (once the panel has painted) so replies rarely wait for it. */
export function preloadMarkdown(): void {
  void import('./markdown');
}
