/**
 * The language of captured code: from the page's markup when it says (class names, data-lang),
 * else a cheap guess from the text. Users can change it on the chip.
 */

export const LANGUAGES: readonly string[] = [
  'bash',
  'c',
  'cpp',
  'csharp',
  'css',
  'diff',
  'go',
  'html',
  'java',
  'javascript',
  'json',
  'kotlin',
  'markdown',
  'php',
  'python',
  'ruby',
  'rust',
  'sql',
  'swift',
  'typescript',
  'yaml',
];

const ALIASES: Record<string, string> = {
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  node: 'javascript',
  ecmascript: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  python3: 'python',
  golang: 'go',
  rs: 'rust',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  shellscript: 'bash',
  'shell-session': 'bash',
  'c++': 'cpp',
  cxx: 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  kt: 'kotlin',
  rb: 'ruby',
  yml: 'yaml',
  md: 'markdown',
  xml: 'html',
  xhtml: 'html',
  svg: 'html',
  htm: 'html',
  postgresql: 'sql',
  mysql: 'sql',
  sqlite: 'sql',
  patch: 'diff',
  jsonc: 'json',
  json5: 'json',
};

/** Normalises a language named by the page ("language-js", "golang", "highlight-source-go"). */
export function languageFromHint(hint: string | undefined): string | undefined {
  if (!hint) return undefined;
  const name = hint
    .toLowerCase()
    .trim()
    .replace(/^(language-|lang-|highlight-source-|source-|brush:\s*)/, '');
  const resolved = ALIASES[name] ?? name;
  return LANGUAGES.includes(resolved) ? resolved : undefined;
}

const GUESSES: [string, RegExp[]][] = [
  ['go', [/^package \w+/m, /\bfunc \w*\(/, /:=/, /\bchan\b/, /\bfmt\.\w+/]],
  [
    'python',
    [
      /^\s*def \w+\(.*\):/m,
      /^\s*(from \w+ )?import \w+/m,
      /\bself\b/,
      /^\s*class \w+.*:\s*$/m,
      /\bprint\(/,
    ],
  ],
  ['rust', [/\bfn \w+\(/, /\blet mut\b/, /\bimpl\b/, /->\s*\w+/, /println!\(/]],
  [
    'typescript',
    [/:\s*(string|number|boolean)\b/, /\binterface \w+/, /\btype \w+ =/, /\bimport .* from ['"]/],
  ],
  [
    'javascript',
    [/\b(const|let|var) \w+ =/, /=>/, /\bfunction \w*\(/, /console\.log\(/, /\brequire\(/],
  ],
  ['java', [/\bpublic (static )?(class|void)\b/, /System\.out\.println/, /\bprivate \w+ \w+;/]],
  ['cpp', [/#include <\w+>/, /\bstd::/, /\bcout\b/]],
  ['c', [/#include <\w+\.h>/, /\bprintf\(/, /\bint main\(/]],
  ['sql', [/\bSELECT\b[\s\S]+\bFROM\b/i, /\bINSERT INTO\b/i, /\bCREATE TABLE\b/i]],
  [
    'bash',
    [/^#!\/bin\/(ba)?sh/m, /^\$ \w+/m, /\becho \$/, /^\s*(sudo|apt-get|npm|cd|ls|export) /m],
  ],
  ['html', [/<\/?(div|span|html|body|p|a)\b[^>]*>/i, /<!doctype html>/i]],
  ['css', [/^[.#]?[\w-]+\s*\{[^}]*:\s*[^}]+;/m, /@media\b/]],
  ['yaml', [/^\w[\w-]*:\s*\S/m, /^\s+- \w+/m]],
];

/** A guess from the text alone; undefined when nothing scores clearly (prose stays plain). */
export function guessLanguage(text: string): string | undefined {
  const sample = text.slice(0, 5000);
  const trimmed = sample.trim();
  if (/^[[{]/.test(trimmed)) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      // not JSON; carry on
    }
  }
  let best: { language: string; score: number } | undefined;
  for (const [language, patterns] of GUESSES) {
    const score = patterns.filter((p) => p.test(sample)).length;
    if (score >= 2 && (!best || score > best.score)) best = { language, score };
  }
  return best?.language;
}
