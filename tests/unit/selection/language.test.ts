import { describe, expect, it } from 'vitest';
import { guessLanguage, languageFromHint, LANGUAGES } from '@/lib/selection/language';

describe('languageFromHint', () => {
  it.each([
    ['language-js', 'javascript'],
    ['lang-ts', 'typescript'],
    ['highlight-source-go', 'go'],
    ['golang', 'go'],
    ['py', 'python'],
    ['sh', 'bash'],
    ['c++', 'cpp'],
    ['C#', 'csharp'],
    ['brush: js', 'javascript'],
    ['Rust', 'rust'],
    ['yml', 'yaml'],
    ['language-klingon', undefined],
    [undefined, undefined],
  ])('%s → %s', (hint, expected) => {
    expect(languageFromHint(hint)).toBe(expected);
  });
  it('only names languages the chip can offer', () => {
    for (const hint of ['js', 'ts', 'go', 'py', 'sh'])
      expect(LANGUAGES).toContain(languageFromHint(hint));
  });
});

describe('guessLanguage', () => {
  it.each([
    ['go', 'package main\n\nfunc main() {\n\tch := make(chan int)\n\tfmt.Println(<-ch)\n}'],
    ['python', 'import os\n\ndef main():\n    print(os.getcwd())\n'],
    ['rust', 'fn main() {\n    let mut x = 5;\n    println!("{}", x);\n}'],
    ['javascript', 'const x = 1;\nconsole.log(x);\nconst f = () => x;'],
    [
      'typescript',
      "import { a } from 'b';\ninterface User { name: string }\nconst u: User = { name: 'x' };",
    ],
    [
      'java',
      'public class Main {\n  public static void main(String[] a) {\n    System.out.println("hi");\n  }\n}',
    ],
    ['cpp', '#include <iostream>\nint main() { std::cout << 1; }'],
    ['sql', 'SELECT id, name FROM users WHERE id = 1;\nINSERT INTO users VALUES (1);'],
    ['bash', '#!/bin/bash\necho $HOME\ncd /tmp'],
    ['json', '{"a": 1, "b": [true, null]}'],
    ['html', '<!doctype html>\n<html><body><div class="x">hi</div></body></html>'],
  ])('%s', (language, text) => {
    expect(guessLanguage(text)).toBe(language);
  });
  it('leaves prose alone', () => {
    expect(
      guessLanguage('Channels are typed conduits through which you can send and receive values.'),
    ).toBeUndefined();
  });
});
