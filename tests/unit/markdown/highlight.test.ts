import { describe, expect, it } from 'vitest';
import {
  HIGHLIGHTED_LANGUAGES,
  highlight,
  languageId,
  type Token,
} from '@/components/markdown/highlight';

const text = (tokens: Token[]): string =>
  tokens.map((t) => (typeof t === 'string' ? t : text(t.children))).join('');
const scopes = (tokens: Token[]): string[] =>
  tokens.flatMap((t) => (typeof t === 'string' ? [] : [t.scope, ...scopes(t.children)]));

const SAMPLES: Record<string, string> = {
  go: 'package main\n\nfunc main() {\n\tfmt.Println("hi")\n}',
  python: 'def f(x):\n    return x + 1  # inc',
  javascript: 'const a = () => `t${1}`;',
  typescript: 'interface A { b: string }',
  rust: 'fn main() { let mut x = 5; }',
  bash: 'echo "$HOME" | grep x',
  json: '{"a": [1, true, null]}',
  sql: 'SELECT * FROM t WHERE id = 1;',
  xml: '<div class="x">y</div>',
  yaml: 'a: 1\nb: [x, y]',
  css: '.a { color: red; }',
  c: '#include <stdio.h>\nint main(void) { return 0; }',
  cpp: 'std::vector<int> v;',
  csharp: 'public class A { }',
  java: 'class A { void b() {} }',
  kotlin: 'fun main() = println("x")',
  swift: 'let x: Int = 1',
  php: '<?php echo "x"; ?>',
  ruby: 'def a; puts "x"; end',
  diff: '- old\n+ new',
  markdown: '# Title\n*em*',
};

describe('highlight', () => {
  it('registers every language the renderer offers', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...HIGHLIGHTED_LANGUAGES].sort());
  });

  it.each(Object.entries(SAMPLES))(
    '%s: tokens give back the code exactly and carry scopes',
    async (language, code) => {
      const tokens = await highlight(code, language);
      expect(tokens).not.toBeNull();
      expect(text(tokens as Token[])).toBe(code);
      expect(scopes(tokens as Token[]).length).toBeGreaterThan(0);
    },
  );

  it('keeps markup in code as text, never as HTML', async () => {
    const code = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const tokens = (await highlight(code, 'html')) as Token[];
    expect(text(tokens)).toBe(code);
    for (const scope of scopes(tokens)) expect(scope).toMatch(/^[a-z0-9_ -]*$/i);
  });

  it('maps aliases and declines unknown languages', async () => {
    expect(languageId('js')).toBe('javascript');
    expect(languageId('golang')).toBe('go');
    expect(languageId('brainfuck')).toBeUndefined();
    expect(await highlight('x', 'brainfuck')).toBeNull();
  });
});
