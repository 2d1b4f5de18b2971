/**
 * Inline and display math. KaTeX loads on the first formula (never for a panel without math);
 * until then, and while a streaming `$$` block is still open, the TeX source shows as code-like
 * text, without the dollar markers. In the message list a long formula renders only once it is
 * near the visible area (math-viewport.ts); KaTeX's results are cached by TeX and display mode.
 */
import { useContext, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { MathViewport } from './math-viewport';

type Renderer = typeof import('./katex-render');

let loaded: Renderer | null = null;
let loading: Promise<Renderer> | null = null;

function loadRenderer(): Promise<Renderer> {
  loading ??= import('./katex-render').then((m) => (loaded = m));
  return loading;
}

/** The renderer once KaTeX has loaded; null before, and a re-render when it arrives. */
function useRenderer(): Renderer | null {
  const [renderer, setRenderer] = useState(loaded);
  useEffect(() => {
    if (renderer) return;
    let cancelled = false;
    void loadRenderer().then((m) => {
      if (!cancelled) setRenderer(m);
    });
    return () => {
      cancelled = true;
    };
  }, [renderer]);
  return renderer;
}

/**
 * Formulas this long render only near the viewport. Shorter ones are cheap, and rendering them
 * at once spares the reader a flash of TeX source on every open.
 */
export const LAZY_TEX_LENGTH = 200;
/** How far beyond the visible area a formula starts rendering, so scrolling rarely shows source. */
const NEAR_MARGIN = '600px 0px';

interface Watch {
  observer: IntersectionObserver;
  waiting: Map<Element, () => void>;
}
// One observer per scroll container, shared by all its formulas.
const watches = new WeakMap<Element, Watch>();

function watchFor(root: HTMLElement): Watch {
  let watch = watches.get(root);
  if (!watch) {
    const waiting = new Map<Element, () => void>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const done = entry.isIntersecting ? waiting.get(entry.target) : undefined;
          if (!done) continue;
          waiting.delete(entry.target);
          observer.unobserve(entry.target);
          done();
        }
      },
      { root, rootMargin: NEAR_MARGIN },
    );
    watch = { observer, waiting };
    watches.set(root, watch);
  }
  return watch;
}

/** Whether the element at `ref` has come near the viewport (always true when not lazy). */
function useNearViewport(lazy: boolean, ref: RefObject<HTMLElement | null>): boolean {
  const viewport = useContext(MathViewport);
  const watching = lazy && viewport !== null && typeof IntersectionObserver !== 'undefined';
  const [near, setNear] = useState(false);
  useEffect(() => {
    const root = viewport?.current;
    const target = ref.current;
    if (!watching || near || !root || !target) return;
    const watch = watchFor(root);
    watch.waiting.set(target, () => setNear(true));
    watch.observer.observe(target);
    return () => {
      watch.waiting.delete(target);
      watch.observer.unobserve(target);
    };
  }, [watching, near, viewport, ref]);
  return near || !watching;
}

/** TeX shown as source: before KaTeX arrives, while a block streams, or when it is too long. */
export function MathSource({ tex, display }: { tex: string; display: boolean }) {
  return display ? (
    <pre className="math-source math-source-display">
      <code>{tex}</code>
    </pre>
  ) : (
    <code className="math-source">{tex}</code>
  );
}

export function MathExpression({ tex, display }: { tex: string; display: boolean }) {
  const renderer = useRenderer();
  const lazy = tex.length >= LAZY_TEX_LENGTH;
  const pending = useRef<HTMLElement>(null);
  const near = useNearViewport(lazy, pending);
  const rendered: ReactNode | null = renderer && near ? renderer.renderMath(tex, display) : null;
  if (rendered === null && lazy) {
    const Wrapper = display ? 'div' : 'span';
    return (
      <Wrapper
        ref={pending as RefObject<HTMLDivElement & HTMLSpanElement>}
        className="math-pending"
        data-math-pending={near ? undefined : ''}
      >
        <MathSource tex={tex} display={display} />
      </Wrapper>
    );
  }
  if (rendered === null) return <MathSource tex={tex} display={display} />;
  return display ? (
    <div className="math-display">{rendered}</div>
  ) : (
    <span className="math-inline">{rendered}</span>
  );
}
