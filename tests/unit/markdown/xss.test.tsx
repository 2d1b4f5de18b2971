// @vitest-environment happy-dom
/**
 * Model output never becomes live HTML (DESIGN §5): every hostile payload, rendered finished and
 * while streaming at random chunk boundaries, leaves no forbidden element, no event handler, no
 * script URL and no request-making attribute in the DOM.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { Markdown } from '@/components/markdown/markdown';
import { OWN_PAYLOADS } from './payloads';

const CORPUS = path.resolve(process.cwd(), '../shared/data/xss-payloads.json');
const shared: string[] = existsSync(CORPUS)
  ? (JSON.parse(readFileSync(CORPUS, 'utf8')) as { payloads: { payload: string }[] }).payloads.map(
      (p) => p.payload,
    )
  : [];

const FORBIDDEN =
  'script, iframe, object, embed, form, meta, base, link, style, svg, math, img, video, audio, source, input, textarea, select, frame, frameset, template, portal';
const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'background',
  'poster',
  'data',
  'xlink:href',
];

function problems(container: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of container.querySelectorAll(FORBIDDEN))
    found.push(`element <${el.tagName.toLowerCase()}>`);
  for (const el of container.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`handler ${name} on <${el.tagName.toLowerCase()}>`);
      if (name === 'style' && /url\s*\(|expression\s*\(/i.test(attr.value))
        found.push(`style url on <${el.tagName.toLowerCase()}>`);
      if (URL_ATTRIBUTES.includes(name)) {
        const value = attr.value.trim();
        if (!/^(https?:|mailto:)/i.test(value))
          found.push(`${name}="${value.slice(0, 40)}" on <${el.tagName.toLowerCase()}>`);
        if (el.tagName !== 'A') found.push(`${name} on <${el.tagName.toLowerCase()}>`);
      }
    }
  }
  return found;
}

/** Deterministic pseudo-random split points, so a failure reproduces. */
function splits(text: string, seed: number): number[] {
  let x = seed;
  const points: number[] = [];
  for (let i = 0; i < 3; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    points.push(1 + (x % Math.max(1, text.length - 1)));
  }
  return points.sort((a, b) => a - b);
}

afterEach(() => cleanup());

const all = [...OWN_PAYLOADS, ...shared];

describe('hostile model output', () => {
  it('reads the shared corpus when it is there', () => {
    if (existsSync(CORPUS)) expect(shared.length).toBeGreaterThan(100);
  });

  it.each(all.map((p, i) => [i, p]))(
    'payload %i renders inert, finished and streaming',
    (i, payload) => {
      const finished = render(<Markdown text={payload} streaming={false} />);
      expect(problems(finished.container)).toEqual([]);
      cleanup();
      const streaming = render(<Markdown text={payload.slice(0, 1)} streaming />);
      for (const point of splits(payload, i + 1)) {
        streaming.rerender(<Markdown text={payload.slice(0, point)} streaming />);
        expect(problems(streaming.container)).toEqual([]);
      }
      streaming.rerender(<Markdown text={payload} streaming={false} />);
      expect(problems(streaming.container)).toEqual([]);
    },
  );

  it('the checker itself catches what it looks for', () => {
    const div = document.createElement('div');
    div.innerHTML =
      '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a><p style="background:url(https://e.test/)">y</p>';
    expect(problems(div)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('<img>'),
        expect.stringContaining('onerror'),
        expect.stringContaining('href="javascript'),
        expect.stringContaining('style url'),
      ]),
    );
  });

  it('a markdown image waits for a click, then loads without cookies from a blob: URL', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(new Uint8Array([137, 80, 78, 71]), {
        headers: { 'content-type': 'image/png' },
      });
    });
    try {
      const { container, getByRole } = render(
        <Markdown text="![chart](https://example.test/c.png)" streaming={false} />,
      );
      expect(container.querySelector('img')).toBeNull();
      expect(calls).toHaveLength(0);
      fireEvent.click(getByRole('button', { name: /Load image/ }));
      await waitFor(() => expect(container.querySelector('img')).not.toBeNull());
      expect(container.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/);
      expect(calls).toEqual([
        {
          url: 'https://example.test/c.png',
          init: expect.objectContaining({ credentials: 'omit', referrerPolicy: 'no-referrer' }),
        },
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('an SVG (a document, not a picture) is refused like a host that refuses', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>', {
          headers: { 'content-type': 'image/svg+xml' },
        }),
    );
    try {
      const { container, getByRole, findByText } = render(
        <Markdown text="![x](https://example.test/x.svg)" streaming={false} />,
      );
      fireEvent.click(getByRole('button', { name: /Load image/ }));
      await findByText(/did not let Parley load this image/);
      expect(container.querySelector('img')).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('an image its host refuses (or that is not an image) becomes a visible link', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }),
    );
    try {
      const { container, getByRole, findByText } = render(
        <Markdown text="![x](https://example.test/x.png)" streaming={false} />,
      );
      fireEvent.click(getByRole('button', { name: /Load image/ }));
      await findByText(/did not let Parley load this image/);
      expect(container.querySelector('img')).toBeNull();
      expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.test/x.png');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('counts what it tried', () => {
    console.log(
      `XSS corpus: ${all.length} payloads (${OWN_PAYLOADS.length} own, ${shared.length} shared), each finished + 4 streaming states`,
    );
    expect(OWN_PAYLOADS.length).toBeGreaterThanOrEqual(40);
    expect(all.length).toBe(OWN_PAYLOADS.length + shared.length);
  });
});
