/**
 * KaTeX's stylesheet with its fonts served from the extension. The CSP allows `font-src 'self'`
 * only, so no font may come from a CDN or a data: URL (Vite inlines small assets as data: URLs,
 * which the CSP would block). Each @font-face keeps just its woff2 file (every browser Parley
 * supports reads woff2), which also leaves KaTeX's woff and ttf copies out of the package.
 */
import css from 'katex/dist/katex.min.css?raw';

const FONTS = import.meta.glob<string>('/node_modules/katex/dist/fonts/*.woff2', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});

const fontUrls = new Map(
  Object.entries(FONTS).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);

/** `css` with each @font-face `src` reduced to its woff2 file, at the URL `urls` gives it. */
export function rewriteKatexFonts(css: string, urls: ReadonlyMap<string, string>): string {
  return css.replace(/src:[^;}]*/g, (sources) => {
    const file = /url\(fonts\/([\w-]+\.woff2)\)/.exec(sources)?.[1];
    const url = file ? urls.get(file) : undefined;
    // A face whose woff2 is missing loads nothing; the browser falls back to the next family.
    return url ? `src:url(${url}) format("woff2")` : 'src:local("KaTeX missing font")';
  });
}

/** KaTeX's CSS with each font's `src` pointing at the bundled woff2 file only. */
export function katexCss(): string {
  return rewriteKatexFonts(css, fontUrls);
}

/** Adds KaTeX's stylesheet to `doc` once. */
export function installKatexStyle(doc: Document): void {
  if (doc.getElementById('parley-katex-style')) return;
  const style = doc.createElement('style');
  style.id = 'parley-katex-style';
  style.textContent = katexCss();
  doc.head.append(style);
}
