/**
 * Math end to end (issue 7): a streamed reply with TeX renders through KaTeX in the built
 * extension, with MathML for screen readers, fonts from the extension itself (the CSP's
 * `font-src 'self'`), no request to any other host and no console error. KaTeX loads only when
 * a message has math.
 */
import { describe, expect, it } from 'vitest';
import { setUpE2E } from './support/setup';

const e2e = setUpE2E();

const REPLY = [
  "Euler's identity \\(e^{i\\pi} + 1 = 0\\) links five constants; a coffee costs $5 and a book $10.\n\n",
  'The quadratic formula:\n\n',
  '$$\n',
  'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}',
  '\n$$\n\n',
  'And as a matrix:\n\n\\[\n\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
  '\\xrightarrow{\\det} ad - bc\n\\]\n\n',
  'Inline $\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$ and code `$x$` stay apart.',
];

function watch(page: (typeof e2e)['panel']['page']) {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  return { errors, requests };
}

describe('math', () => {
  it('loads KaTeX only once a message holds math', async () => {
    const { panel } = e2e;
    const loaded = () =>
      panel.page.evaluate(() =>
        performance.getEntriesByType('resource').some((e) => /katex-render|KaTeX_/.test(e.name)),
      );
    await panel.sendAndWait('No maths please', 'complete');
    expect(await loaded()).toBe(false);
  });

  it('streams a reply with inline and display math into KaTeX, with MathML, inert and local', async () => {
    const { panel, server } = e2e;
    const { errors, requests } = watch(panel.page);
    server.enqueue({ chunks: REPLY, chunkDelayMs: 250 });
    await panel.send('Show me some maths');
    const reply = panel.lastAssistant();
    // The open $$ block shows as TeX source while it streams, never as half-rendered math.
    await reply.locator('pre.math-source').first().waitFor({ timeout: 10_000 });
    await panel.page.screenshot({ path: 'test-results/panel-math-streaming.png' });
    await panel.waitForState('complete');
    await reply.locator('.katex-display').nth(1).waitFor();

    expect(await reply.locator('.math-inline .katex').count()).toBe(2);
    expect(await reply.locator('.math-display .katex-display').count()).toBe(2);
    expect(await reply.locator('.math-source').count()).toBe(0);
    expect(await reply.locator('.katex-error').count()).toBe(0);
    // Screen readers get MathML; the visual copy is hidden from them.
    expect(await reply.locator('math').count()).toBe(4);
    expect(
      await reply
        .locator('math')
        .first()
        .evaluate((m) => m.namespaceURI),
    ).toBe('http://www.w3.org/1998/Math/MathML');
    const hidden = await reply
      .locator('.katex-html')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-hidden')));
    expect(hidden).toEqual(['true', 'true', 'true', 'true']);
    const annotations = await reply.locator('annotation').allTextContents();
    expect(annotations[1]).toBe('x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}');
    // Prices stay prose and code stays code.
    expect(await reply.textContent()).toContain('a coffee costs $5 and a book $10.');
    expect(await reply.locator('p code').last().textContent()).toBe('$x$');

    // KaTeX's fonts come from the extension and actually load.
    const fontsOk = await panel.page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px KaTeX_Main') && document.fonts.check('16px KaTeX_Math');
    });
    expect(fontsOk).toBe(true);
    const fonts = requests.filter((u) => /\.(woff2?|ttf)(\?|$)/.test(u));
    expect(fonts.length).toBeGreaterThan(0);
    const foreign = requests.filter(
      (u) => !u.startsWith('chrome-extension://') && !u.startsWith(server.url),
    );
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);

    await panel.page.setViewportSize({ width: 400, height: 900 });
    await reply.scrollIntoViewIfNeeded();
    await panel.page.screenshot({ path: 'test-results/panel-math.png' });
  });
});
