/**
 * Inline and display math. KaTeX loads on the first formula (never for a panel without math);
 * until then, and while a streaming `$$` block is still open, the TeX source shows as code-like
 * text, without the dollar markers.
 */
import { useEffect, useState, type ReactNode } from 'react';

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
  const rendered: ReactNode | null = renderer ? renderer.renderMath(tex, display) : null;
  if (rendered === null) return <MathSource tex={tex} display={display} />;
  return display ? (
    <div className="math-display">{rendered}</div>
  ) : (
    <span className="math-inline">{rendered}</span>
  );
}
