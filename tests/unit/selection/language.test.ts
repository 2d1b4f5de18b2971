import { describe, expect, it } from 'vitest';
import {
  CONFIDENT_GUESS_SCORE,
  guessLanguage,
  languageFromHint,
  LANGUAGES,
  scoreLanguages,
} from '@/lib/selection/language';

describe('languageFromHint', () => {
  it.each([
    ['language-js', 'javascript'],
    ['lang-ts', 'typescript'],
    ['language-tsx', 'typescript'],
    ['highlight-source-go', 'go'],
    ['highlight-source-c++', 'cpp'],
    ['highlight-source-cs', 'csharp'],
    ['highlight-source-shell', 'bash'],
    ['highlight-text-html-basic', 'html'],
    ['highlight-text-md', 'markdown'],
    ['highlight-python', 'python'],
    ['golang', 'go'],
    ['py', 'python'],
    ['python3', 'python'],
    ['sh', 'bash'],
    ['shell', 'bash'],
    ['zsh', 'bash'],
    ['console', 'bash'],
    ['c++', 'cpp'],
    ['cpp', 'cpp'],
    ['cs', 'csharp'],
    ['C#', 'csharp'],
    ['brush: js', 'javascript'],
    ['brush:ruby;', 'ruby'],
    ['Rust', 'rust'],
    ['yml', 'yaml'],
    ['JavaScript', 'javascript'],
    ['Objective-C', 'objectivec'],
    ['Dockerfile', 'dockerfile'],
    ['postgresql', 'sql'],
    ['patch', 'diff'],
    ['svg', 'xml'],
    ['  go  ', 'go'],
  ])('%s → %s', (hint, expected) => {
    expect(languageFromHint(hint)).toBe(expected);
  });

  it.each([[undefined], [''], ['language-klingon'], ['notranslate'], ['language-'], ['en']])(
    '%s → undefined',
    (hint) => {
      expect(languageFromHint(hint)).toBeUndefined();
    },
  );

  it('takes the first known name from a list of candidates, closest first', () => {
    expect(languageFromHint('Go go')).toBe('go');
    expect(languageFromHint('notranslate position-relative language-rust')).toBe('rust');
    expect(languageFromHint('Jupyter Notebook python')).toBe('python');
    expect(languageFromHint('name lang-kotlin lang-java')).toBe('kotlin');
  });

  it('only ever returns an id the chip can offer', () => {
    const hints = ['js', 'ts', 'go', 'py', 'sh', 'c++', 'cs', 'yml', 'md', 'htm', 'docker', 'hs'];
    for (const hint of hints) expect(LANGUAGES).toContain(languageFromHint(hint));
  });

  it('offers lower-case, unique ids', () => {
    expect(new Set(LANGUAGES).size).toBe(LANGUAGES.length);
    for (const id of LANGUAGES) expect(id).toMatch(/^[a-z+#-]+$/);
  });
});

describe('guessLanguage', () => {
  it.each([
    [
      'go',
      'package main\n\nimport "fmt"\n\nfunc main() {\n\tch := make(chan int)\n\tfmt.Println(<-ch)\n}',
    ],
    ['go', 'func add(a int, b int) int {\n\treturn a + b\n}\n\nif err != nil {\n\treturn err\n}'],
    ['python', 'import os\n\ndef main():\n    print(os.getcwd())\n'],
    ['python', 'class Stack:\n    def __init__(self):\n        self.items = []\n'],
    ['python', 'try:\n    run()\nexcept ValueError:\n    pass'],
    ['rust', 'fn main() {\n    let mut x = 5;\n    println!("{}", x);\n}'],
    [
      'rust',
      'use std::collections::HashMap;\n\nimpl Foo {\n    pub fn new() -> Self { Foo {} }\n}',
    ],
    ['javascript', 'const x = 1;\nconsole.log(x);\nconst f = () => x;'],
    [
      'javascript',
      "const fs = require('fs');\nmodule.exports = function read(p) { return fs.readFileSync(p); };",
    ],
    [
      'typescript',
      "import { a } from 'b';\ninterface User { name: string }\nconst u: User = { name: 'x' };",
    ],
    ['typescript', 'type Id = string | number;\nexport function f(id: Id): void {}'],
    [
      'java',
      'public class Main {\n  public static void main(String[] a) {\n    System.out.println("hi");\n  }\n}',
    ],
    ['csharp', 'using System;\n\npublic class Point {\n    public int X { get; set; }\n}'],
    ['c', '#include <stdio.h>\n\nint main(void) {\n    printf("hi\\n");\n    return 0;\n}'],
    ['cpp', '#include <iostream>\nint main() { std::cout << 1; }'],
    ['php', '<?php\necho "hi";'],
    ['ruby', "require 'json'\n\ndef greet(name)\n  puts name\nend"],
    ['ruby', '[1, 2].each do |n|\n  puts n\nend'],
    ['swift', 'import SwiftUI\n\nstruct V: View {\n  @State var n = 0\n}'],
    ['kotlin', 'fun main() {\n    val x = 1\n    println(x)\n}'],
    ['sql', 'SELECT id, name FROM users WHERE id = 1;\nINSERT INTO users VALUES (1);'],
    ['sql', 'select id, name from users where id = 1;'],
    ['bash', '#!/bin/bash\necho $HOME\ncd /tmp'],
    ['bash', '$ npm install'],
    ['bash', 'npm install --save-dev vitest'],
    ['bash', 'for f in *.txt; do\n  wc -l "$f"\ndone'],
    ['json', '{"a": 1, "b": [true, null]}'],
    ['json', '[{"id": 1}, {"id": 2}]'],
    ['html', '<!doctype html>\n<html><body><div class="x">hi</div></body></html>'],
    ['xml', '<?xml version="1.0"?>\n<note><to>Tove</to></note>'],
    ['css', '.btn {\n  color: red;\n  padding: 4px 8px;\n}'],
    ['css', '@media (max-width: 600px) { .a { display: none; } }'],
    [
      'yaml',
      'name: CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4',
    ],
    ['yaml', 'title: Hello\nauthor: Ada\ntags:\n  - go\n  - rust'],
    ['diff', 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-old\n+new'],
    ['dockerfile', 'FROM node:20\nWORKDIR /app\nRUN npm ci'],
    ['toml', '[package]\nname = "parley"\nversion = "0.1.0"'],
    ['makefile', 'build:\n\tgo build ./...\n'],
    ['haskell', 'main :: IO ()\nmain = putStrLn "hi"'],
    ['powershell', 'Get-ChildItem -Path C:\\ | Write-Output'],
  ])('%s: %j', (language, text) => {
    expect(guessLanguage(text)).toBe(language);
  });

  it.each([
    'Channels are typed conduits through which you can send and receive values.',
    'In Go, the func keyword declares a function; use := for short declarations.',
    'Select some text from the page, then press the button to import it.',
    'Note: this is important.\nThe answer is yes.',
    'See the <div> element and the [1] footnote.',
    '[1]',
    '{not json}',
    'True, but the class of problems is wider than that.',
    '',
  ])('leaves prose alone: %j', (text) => {
    expect(guessLanguage(text)).toBeUndefined();
  });

  it('tells TypeScript from JavaScript only on its own evidence', () => {
    expect(guessLanguage('const a = 1;\nconsole.log(a);')).toBe('javascript');
    expect(guessLanguage('const a: number = 1;\nconsole.log(a);')).toBe('typescript');
  });

  it('tells C from C++ only on its own evidence', () => {
    expect(guessLanguage('#include <stdio.h>\nint main() { printf("x"); }')).toBe('c');
    expect(guessLanguage('#include <vector>\nstd::vector<int> v;')).toBe('cpp');
  });

  it('tells Swift from Go', () => {
    expect(
      guessLanguage(
        'func greet(name: String) -> String {\n  return name\n}\nguard let x = y else { return }',
      ),
    ).toBe('swift');
  });

  it('a confident guess needs more evidence than a plain one', () => {
    const weak = 'npm install --save-dev vitest';
    expect(guessLanguage(weak)).toBe('bash');
    expect(guessLanguage(weak, CONFIDENT_GUESS_SCORE)).toBeUndefined();
    const strong = '#!/bin/bash\nset -e\nnpm ci\nnpm test | tee log';
    expect(guessLanguage(strong, CONFIDENT_GUESS_SCORE)).toBe('bash');
  });

  it('reads only the start, so a huge selection costs no more than a large one', () => {
    const big = `package main\n\nfunc main() {}\n${'// filler line\n'.repeat(400_000)}`;
    expect(guessLanguage(big)).toBe('go');
    expect(
      scoreLanguages(`${'x\n'.repeat(20_000)}package main\nfunc main() {}`).get('go'),
    ).toBeUndefined();
  });

  it('stays fast on pathological input (no quadratic regex)', () => {
    const started = performance.now();
    guessLanguage('\n'.repeat(10_000));
    guessLanguage(' '.repeat(10_000));
    guessLanguage(`SELECT ${'a '.repeat(5_000)}`);
    // ~5 ms on the dev container; reported, not asserted.
    console.info(`guessLanguage pathological: ${(performance.now() - started).toFixed(0)} ms`);
  });
});
