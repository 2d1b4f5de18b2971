// @vitest-environment happy-dom
/**
 * KaTeX output reaches the DOM only through the allow-list converter: hostile TeX and hostile
 * HTML (as if KaTeX were compromised) leave no script, no link, no loading attribute, no handler.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { katexHtmlToReact, parseStyle } from '@/components/markdown/katex-to-react';
import { MAX_TEX_LENGTH, renderMath } from '@/components/markdown/katex-render';
import { installKatexStyle, rewriteKatexFonts } from '@/components/markdown/katex-style';

afterEach(() => cleanup());

const LOADING = ['href', 'src', 'xlink:href', 'srcset', 'action', 'formaction', 'data', 'poster'];

/** Anything that could run code or make a request. */
function problems(container: Element): string[] {
  const found: string[] = [];
  for (const el of container.querySelectorAll(
    'script, a, img, image, iframe, object, embed, foreignObject, mglyph, style, link, use, input',
  ))
    found.push(`element <${el.localName}>`);
  for (const el of container.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${name} on <${el.localName}>`);
      if (LOADING.includes(name)) found.push(`${name} on <${el.localName}>`);
      if (name === 'style' && /url\s*\(|expression|image/i.test(attr.value))
        found.push(`style ${attr.value}`);
      if (name === 'id') found.push(`id on <${el.localName}>`);
    }
  }
  return found;
}

describe('katexHtmlToReact allow-list', () => {
  const hostile = [
    '<span class="katex" onclick="alert(1)" id="x" data-x="1">',
    '<span style="color:red;background:url(https://e.test/);width:calc(100% - 1em)">q</span>',
    '<span style="background-image:url(x);border-color:red;top:expression(alert(1))">r</span>',
    '<img src="https://e.test/x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">link text</a>',
    '<script>alert(1)</script><style>body{background:url(https://e.test/)}</style>',
    '<math xmlns="http://www.w3.org/1998/Math/MathML" href="javascript:alert(1)">',
    '<mglyph src="https://e.test/g.png"></mglyph><mi href="https://e.test/" onclick="x">y</mi>',
    '<maction actiontype="statusline"><mi>z</mi></maction></math>',
    '<svg width="10" onload="alert(1)"><path d="M0 0" onmouseover="x"></path>',
    '<image href="https://e.test/i.png"></image><use href="#a"></use>',
    '<foreignObject><span>fo</span></foreignObject><script>alert(2)</script></svg>',
    '<iframe src="https://e.test/"></iframe><form action="https://e.test/"><input></form>',
    '</span>',
  ].join('');

  it('drops every element and attribute outside the list', () => {
    const { container } = render(<div>{katexHtmlToReact(hostile)}</div>);
    expect(problems(container)).toEqual([]);
    expect(container.textContent).not.toContain('alert');
    expect(container.textContent).not.toContain('link text');
    expect(container.textContent).not.toContain('fo');
  });

  it('keeps what KaTeX needs: classes, MathML, svg paths, aria-hidden, safe styles', () => {
    const { container } = render(<div>{katexHtmlToReact(hostile)}</div>);
    expect(container.querySelector('span.katex')).not.toBeNull();
    expect(container.querySelector('math mi')?.textContent).toBe('y');
    expect(container.querySelector('svg path')?.getAttribute('d')).toBe('M0 0');
    expect(container.querySelector('svg')?.getAttribute('width')).toBe('10');
    const q = [...container.querySelectorAll('span')].find((s) => s.textContent === 'q');
    expect(q?.getAttribute('style')).toContain('color: red');
    expect(q?.getAttribute('style')).not.toContain('url');
  });

  it('parses styles into allow-listed properties with plain values', () => {
    expect(parseStyle('height:0.8em;vertical-align:-0.2em;')).toEqual({
      height: '0.8em',
      verticalAlign: '-0.2em',
    });
    expect(parseStyle('background:url(x);color:#cc0000;position:fixed')).toEqual({
      color: '#cc0000',
      position: 'fixed',
    });
    expect(parseStyle('width:var(--x);left:attr(x);top:calc(1em + 2px)')).toEqual({
      top: 'calc(1em + 2px)',
    });
    expect(parseStyle('color:red\\;x;border-color:"a"')).toEqual({});
  });
});

describe('renderMath (KaTeX, untrusted TeX)', () => {
  it('renders MathML for screen readers and an aria-hidden visual part', () => {
    const { container } = render(<div>{renderMath('\\frac{a}{b} + \\sqrt{x^2}', false)}</div>);
    expect(container.querySelector('.katex .katex-mathml math')).not.toBeNull();
    expect(container.querySelector('annotation')?.textContent).toBe('\\frac{a}{b} + \\sqrt{x^2}');
    expect(container.querySelector('.katex-html')?.getAttribute('aria-hidden')).toBe('true');
    expect(container.querySelector('math mfrac')).not.toBeNull();
    expect(problems(container)).toEqual([]);
  });

  it('renders display mode as a block', () => {
    const { container } = render(<div>{renderMath('\\sum_{i=1}^n i', true)}</div>);
    expect(container.querySelector('.katex-display .katex')).not.toBeNull();
    expect(container.querySelector('math')?.getAttribute('display')).toBe('block');
  });

  it.each([
    '\\href{javascript:alert(1)}{x}',
    '\\url{javascript:alert(1)}',
    '\\href{https://e.test/}{click}',
    '\\htmlClass{evil}{x}',
    '\\htmlId{evil}{x}',
    '\\htmlStyle{background:url(https://e.test/)}{x}',
    '\\htmlData{foo=bar}{x}',
    '\\includegraphics{https://e.test/x.png}',
    '\\color{url(https://e.test/)}{x}',
    '\\def\\a{\\a}\\a',
    '\\rule{10000em}{10000em}',
    '\\frac{1}{',
    '}}}{{{',
    '\\begin{matrix} a & b',
    '\\xrightarrow{abc} \\overbrace{x+y} \\widehat{xyz} \\cancel{5} \\boxed{1}',
  ])('%s renders inert, without throwing', (tex) => {
    const { container } = render(<div>{renderMath(tex, true)}</div>);
    expect(problems(container)).toEqual([]);
    expect(container.querySelector('.evil')).toBeNull();
    expect(container.textContent?.length).toBeGreaterThan(0);
  });

  it('shows a TeX error as red source text', () => {
    const { container } = render(<div>{renderMath('\\frac{1}{', false)}</div>);
    const error = container.querySelector('.katex-error');
    expect(error?.textContent).toBe('\\frac{1}{');
    expect(error?.getAttribute('title')).toMatch(/ParseError/);
  });

  it('leaves very long input as source (null) and renders long-but-allowed input', () => {
    expect(renderMath('x+'.repeat(MAX_TEX_LENGTH), false)).toBeNull();
    const { container } = render(<div>{renderMath('x+'.repeat(100) + 'x', false)}</div>);
    expect(container.querySelector('.katex')).not.toBeNull();
  });
});

describe('KaTeX stylesheet', () => {
  it('points every font at a bundled woff2 file: no CDN, no data: URL, no woff/ttf', () => {
    // Vitest stubs CSS imports, so this reads KaTeX's CSS and fonts the way the build sees them.
    const dist = path.resolve(process.cwd(), 'node_modules/katex/dist');
    const urls = new Map(
      readdirSync(path.join(dist, 'fonts'))
        .filter((f) => f.endsWith('.woff2'))
        .map((f) => [f, `/assets/${f}`]),
    );
    const css = rewriteKatexFonts(readFileSync(path.join(dist, 'katex.min.css'), 'utf8'), urls);
    const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThanOrEqual(20);
    for (const face of faces) {
      const sources = [...face.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
      expect(sources).toHaveLength(1);
      expect(sources[0]).toMatch(/^\/[\w/.-]*KaTeX_[\w-]+\.woff2$/);
    }
    expect(css).not.toMatch(/data:|https?:|\.ttf|\.woff\)/);
  });

  it('is installed once', () => {
    installKatexStyle(document);
    installKatexStyle(document);
    expect(document.querySelectorAll('style#parley-katex-style')).toHaveLength(1);
  });
});
