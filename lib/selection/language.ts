/**
 * The language of captured code: from the page's markup when it names one (class names, data
 * attributes), else a cheap guess from the text. The user can change it on the chip.
 */

/**
 * Language ids the chip's picker offers, and the only ids an attachment carries (lower-case,
 * the names Markdown fences and highlight.js use).
 */
export const LANGUAGES: readonly string[] = [
  'bash',
  'c',
  'cpp',
  'csharp',
  'css',
  'dart',
  'diff',
  'dockerfile',
  'elixir',
  'go',
  'graphql',
  'haskell',
  'html',
  'java',
  'javascript',
  'json',
  'kotlin',
  'lua',
  'makefile',
  'markdown',
  'objectivec',
  'perl',
  'php',
  'powershell',
  'python',
  'r',
  'ruby',
  'rust',
  'scala',
  'scss',
  'sql',
  'swift',
  'toml',
  'typescript',
  'xml',
  'yaml',
];

const ALIASES: Record<string, string> = {
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  nodejs: 'javascript',
  ecmascript: 'javascript',
  javascriptreact: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  typescriptreact: 'typescript',
  py: 'python',
  py3: 'python',
  python3: 'python',
  python2: 'python',
  ipython: 'python',
  pycon: 'python',
  golang: 'go',
  rs: 'rust',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  ksh: 'bash',
  console: 'bash',
  terminal: 'bash',
  shellscript: 'bash',
  'shell-script': 'bash',
  'shell-session': 'bash',
  shellsession: 'bash',
  ps: 'powershell',
  ps1: 'powershell',
  pwsh: 'powershell',
  'c++': 'cpp',
  cxx: 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  hxx: 'cpp',
  h: 'c',
  cs: 'csharp',
  'c#': 'csharp',
  kt: 'kotlin',
  kts: 'kotlin',
  rb: 'ruby',
  yml: 'yaml',
  md: 'markdown',
  gfm: 'markdown',
  mdx: 'markdown',
  htm: 'html',
  xhtml: 'html',
  'html-basic': 'html',
  svg: 'xml',
  xsd: 'xml',
  xsl: 'xml',
  rss: 'xml',
  plist: 'xml',
  postgres: 'sql',
  postgresql: 'sql',
  psql: 'sql',
  pgsql: 'sql',
  mysql: 'sql',
  sqlite: 'sql',
  plsql: 'sql',
  tsql: 'sql',
  patch: 'diff',
  udiff: 'diff',
  jsonc: 'json',
  json5: 'json',
  geojson: 'json',
  docker: 'dockerfile',
  containerfile: 'dockerfile',
  make: 'makefile',
  mk: 'makefile',
  hs: 'haskell',
  ex: 'elixir',
  exs: 'elixir',
  gql: 'graphql',
  pl: 'perl',
  pm: 'perl',
  objc: 'objectivec',
  'objective-c': 'objectivec',
  'obj-c': 'objectivec',
  sc: 'scala',
};

const PREFIX = /^(?:language-|lang-|highlight-source-|highlight-text-|highlight-|source-|brush:)/;

/**
 * Normalises a language the page names ("language-js", "golang", "highlight-source-go", GitHub's
 * "C++"). A hint may list several candidates, closest first (see `CapturedSelection`): the first
 * one Parley knows wins. Unknown names give undefined rather than a label the picker cannot show.
 */
export function languageFromHint(hint: string | undefined): string | undefined {
  if (!hint) return undefined;
  for (const token of hint.toLowerCase().split(/[\s,;]+/)) {
    const name = token.replace(PREFIX, '');
    if (!name) continue;
    const id = Object.hasOwn(ALIASES, name) ? (ALIASES[name] ?? name) : name;
    if (LANGUAGES.includes(id)) return id;
  }
  return undefined;
}

interface Rule {
  language: string;
  pattern: RegExp;
  weight: number;
}

const rule = (language: string, weight: number, ...patterns: RegExp[]): Rule[] =>
  patterns.map((pattern) => ({ language, pattern, weight }));

// Line-anchored patterns use `[ \t]*`, never `\s*`: `^\s*` over many blank lines backtracks
// quadratically. Weights: 1 a hint that prose can also contain, 2 telling, 3+ decisive.
const LANGUAGE_RULES: readonly Rule[] = [
  ...rule(
    'go',
    3,
    /^package [a-z_]\w*[ \t]*$/m,
    /^func (\(\w+ \*?\w+\) )?\w+\([^:)]*\)(?! ->)/m,
    /\berr != nil\b/,
  ),
  ...rule('go', 2, /^import (\(|")/m, /\bfmt\.\w+\(/, /\bgo func\b/, /\bmake\((chan|map|\[\])/),
  ...rule('go', 1, /\bchan \w+/, /:= /),
  ...rule(
    'python',
    3,
    /^[ \t]*(async )?def \w+\(.*\)( -> [^:]+)?:[ \t]*$/m,
    /^[ \t]*class \w+(\(.*\))?:[ \t]*$/m,
    /^[ \t]*(elif .*|except( .*)?|finally|try):[ \t]*$/m,
    /^if __name__ == ['"]__main__['"]:/m,
  ),
  ...rule(
    'python',
    2,
    /^[ \t]*(from [\w.]+ )?import [\w.]+( as \w+)?(, [\w.]+)*[ \t]*$/m,
    /\bself\.\w+/,
  ),
  ...rule('python', 1, /\bprint\(/, /\b(None|True|False)\b/, /^[ \t]*@\w+/m),
  ...rule(
    'rust',
    3,
    /^[ \t]*(pub )?(async )?fn \w+(<[^>]*>)?\(/m,
    /\blet mut \w+/,
    /^[ \t]*(use \w+(::\w+)+|impl\b|#\[derive)/m,
  ),
  ...rule(
    'rust',
    2,
    /-> (Self|Result|Option|Vec|&?str|String|[iu](8|16|32|64|size))\b/,
    /&mut |&self\b|::new\(/,
  ),
  ...rule('rust', 1, /\b\w+!\(/),
  ...rule(
    'javascript',
    3,
    /\bconsole\.\w+\(/,
    /\brequire\(['"]|\bmodule\.exports\b|^[ \t]*export (default|const|function|class)\b/m,
    /^[ \t]*import .+ from ['"]/m,
  ),
  ...rule(
    'javascript',
    2,
    /^[ \t]*(const|let|var) [\w${}[\], ]+=/m,
    /\bfunction\*? ?\w*\(/,
    /\b(document|window)\.\w+/,
    /[!=]==/,
  ),
  ...rule('javascript', 1, /=> ?[{(\w]/, /\b(async|await)\b/),
  ...rule(
    'typescript',
    3,
    /^[ \t]*(export )?interface \w+/m,
    /^[ \t]*(export )?type \w+(<[^>]*>)? ?=/m,
    /\w\??: (string|number|boolean|void|unknown|never|any)(\[\])?[,;)=|> ]/,
  ),
  ...rule(
    'typescript',
    2,
    /\bas const\b|\bkeyof \w|\b(private|public|protected) readonly\b/,
    /<(string|number|boolean)(\[\])?>/,
  ),
  ...rule(
    'java',
    3,
    /\bSystem\.out\.print/,
    /^[ \t]*import (static )?javax?\.[\w.*]+;/m,
    /^[ \t]*package [\w.]+;[ \t]*$/m,
  ),
  ...rule(
    'java',
    2,
    /^[ \t]*(public|private|protected) (static )?(final )?(class|interface|enum|record|void) /m,
    /@Override\b/,
    /\bString\[\] \w+/,
  ),
  ...rule(
    'csharp',
    3,
    /^[ \t]*using System(\.\w+)*;/m,
    /\bConsole\.Write(Line)?\(/,
    /\{ ?get; ?(set; ?)?\}/,
  ),
  ...rule(
    'csharp',
    2,
    /^[ \t]*namespace [\w.]+/m,
    /\b(public|private) (static )?(async )?(void|Task|string|int) [A-Z]\w*\(/,
  ),
  ...rule('c', 3, /^[ \t]*#include ?[<"][\w./]+\.h[>"]/m),
  ...rule(
    'c',
    2,
    /\bint main ?\(/,
    /\b(printf|scanf|malloc|free|sizeof) ?\(/,
    /^[ \t]*#define \w+/m,
  ),
  ...rule('c', 1, /\b(struct|typedef) \w+/),
  ...rule('cpp', 3, /^[ \t]*#include ?<\w+>/m, /\bstd::\w+/),
  ...rule(
    'cpp',
    2,
    /\btemplate ?<|\busing namespace\b|\bnullptr\b|^[ \t]*(public|private|protected):/m,
  ),
  ...rule('php', 5, /<\?php/),
  ...rule('php', 3, /\$this->\w+/, /\bfunction \w+ ?\(\$\w+/),
  ...rule(
    'ruby',
    3,
    /\battr_(reader|accessor|writer)\b/,
    /\bdo \|\w+(, ?\w+)*\|/,
    /^[ \t]*require(_relative)? ['"][\w/.]+['"][ \t]*$/m,
  ),
  ...rule('ruby', 2, /^[ \t]*def \w+[?!]?(\(.*\))?[ \t]*$/m, /^[ \t]*end[ \t]*$/m, /\bputs /),
  ...rule(
    'swift',
    3,
    /^[ \t]*import (UIKit|SwiftUI|Foundation)[ \t]*$/m,
    /\bguard let\b/,
    /@(State|Published|objc|IBOutlet|MainActor)\b/,
  ),
  ...rule('swift', 2, /\bfunc \w+\(.*\) (-> \w+ )?\{/, /\b(let|var) \w+: [A-Z]\w*/),
  ...rule('kotlin', 3, /^[ \t]*(private |override |suspend )*fun \w+\(/m),
  ...rule('kotlin', 2, /\bval \w+ ?[:=]/, /(?<![.\w])println\(/),
  ...rule(
    'sql',
    3,
    /^[ \t]*SELECT\b[\s\S]*?\bFROM\b/m,
    /\b(INSERT INTO|CREATE (TABLE|INDEX|VIEW)|ALTER TABLE|DROP TABLE|DELETE FROM)\b/,
    /\bselect (\*|[\w.]+( ?, ?[\w.]+)+) from \w+/i,
  ),
  ...rule('sql', 2, /\bJOIN\b.+\bON\b|\b(GROUP|ORDER) BY\b|\bUPDATE \w+ SET\b/),
  ...rule('sql', 1, /\bwhere \w+ ?(=|<>|!=|like|in ?\()/i),
  ...rule('bash', 5, /^#! ?\/(usr\/)?bin\/(env )?(ba|z|k)?sh\b/m),
  ...rule(
    'bash',
    3,
    /^[ \t]*\$ \w/m,
    /^[ \t]*(if|while|for) .*; ?(then|do)[ \t]*$/m,
    /\s\| ?(grep|awk|sed|xargs|sort|uniq|head|tail|wc)\b/,
  ),
  ...rule(
    'bash',
    2,
    /^[ \t]*(sudo|apt(-get)?|brew|npm|npx|yarn|pnpm|pip3?|cd|ls|mkdir|rm|cp|mv|chmod|chown|curl|wget|git|docker|kubectl|export|echo|cat|grep|source|cargo) /m,
    /^[ \t]*(fi|done|esac)[ \t]*$/m,
  ),
  ...rule('bash', 1, / --?[a-z][\w-]*/, /\$\{?\w+\}?/),
  ...rule('powershell', 3, /\b(Get|Set|New|Remove|Write|Invoke)-[A-Z]\w+\b/),
  ...rule('html', 5, /<!doctype html/i),
  ...rule(
    'html',
    2,
    /<(html|head|body|div|span|p|a|ul|li|table|script|style|section|nav|header|footer|img|input|form|button|h[1-6])\b[^>]*>/i,
  ),
  ...rule('html', 1, /<\/\w+>/),
  ...rule('xml', 5, /^[ \t]*<\?xml\b/m),
  ...rule(
    'css',
    3,
    /@media\b|@keyframes\b|@import url|!important\b/,
    /[{;][ \t\n]*(color|background(-color)?|margin|padding|font(-size|-family|-weight)?|display|position|width|height|border(-radius)?|flex|grid|z-index|opacity|transition|transform|text-align|line-height|overflow|cursor|box-sizing|align-items|justify-content|gap) ?: ?[^;{}\n]+;/,
  ),
  ...rule(
    'css',
    1,
    /^[ \t]*[.#]?[\w-]+([ ,>+~]+[.#:]?[\w-]+)* ?\{[ \t]*$/m,
    /\b\d+(px|em|rem|vh|vw)\b/,
    /#[0-9a-f]{3,8}\b/i,
  ),
  ...rule(
    'yaml',
    3,
    /^---[ \t]*$/m,
    /^[ \t]*(apiVersion|kind|services|steps|jobs|runs-on|uses|dependencies|spec|metadata):/m,
  ),
  ...rule('yaml', 2, /^[ \t]*- [\w-]+: /m, /^[\w-]+:[ \t]*\n[ \t]+[\w-]+:/m),
  ...rule('yaml', 1, /^[ \t]*[\w-]+: \S/m),
  ...rule('diff', 5, /^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/m, /^diff --git /m),
  ...rule('diff', 2, /^(---|\+\+\+) \S/m),
  ...rule('markdown', 3, /^```/m),
  ...rule('markdown', 2, /\[[^\]\n]+\]\([^)\n]+\)/),
  ...rule('markdown', 1, /^#{1,6} \w/m, /^[ \t]*[-*] \S/m),
  ...rule(
    'dockerfile',
    2,
    /^FROM [\w./:@-]+( AS \w+)?[ \t]*$/m,
    /^(RUN|COPY|WORKDIR|CMD|ENTRYPOINT|EXPOSE|ENV|ARG) /m,
  ),
  ...rule('toml', 2, /^\[[\w.-]+\][ \t]*$/m, /^[\w-]+ = ("|\d|\[|true|false)/m),
  ...rule('lua', 3, /\blocal \w+ ?=/, /\bfunction \w+[.:]\w+\(/),
  ...rule('lua', 1, /\bthen[ \t]*$/m, /^[ \t]*end[ \t]*$/m),
  ...rule('makefile', 4, /^[\w.-]+:.*\n\t\S/m),
  ...rule('graphql', 3, /^[ \t]*(query|mutation|subscription|fragment) \w*[ ({]/m),
  ...rule('objectivec', 3, /@(interface|implementation|end)\b/, /^[ \t]*#import [<"]/m),
  ...rule('perl', 3, /^[ \t]*use strict;/m, /\bmy [$@%]\w+/),
  ...rule('elixir', 4, /\bdefmodule \w/),
  ...rule('elixir', 1, /\|> \w/),
  ...rule('scala', 3, /\bobject \w+ extends App\b|\bcase class\b|\bdef \w+\(.*\): \w+ =/),
  ...rule('haskell', 3, /^\w+ :: [\w[(]/m),
  ...rule('haskell', 2, /^import (qualified )?[A-Z][\w.]*/m),
  ...rule('r', 3, /<- (c|function|data\.frame|read\.csv)\(/, /\blibrary\(\w+\)/),
  ...rule('dart', 4, /import ['"]package:/),
  ...rule('dart', 2, /\bWidget build\(/),
];

// Supersets score their base language's evidence too: see `scoreLanguages`.
const SUPERSETS: ReadonlyMap<string, string> = new Map([
  ['typescript', 'javascript'],
  ['cpp', 'c'],
]);

/** Score a guess must reach by default; each rule weighs 1 (hint), 2 (telling) or 3+ (decisive). */
export const GUESS_MIN_SCORE = 3;
/** Score for a guess sure enough to label text the page did not present as code. */
export const CONFIDENT_GUESS_SCORE = 6;

// The guess reads the start only: enough to recognise a language, and the cost stays flat.
const SAMPLE_CHARS = 10_000;

/** Scores every language against the start of `text` (exported for tests and tuning). */
export function scoreLanguages(text: string): Map<string, number> {
  const sample = text.slice(0, SAMPLE_CHARS);
  const scores = new Map<string, number>();
  for (const rule of LANGUAGE_RULES) {
    if (rule.pattern.test(sample))
      scores.set(rule.language, (scores.get(rule.language) ?? 0) + rule.weight);
  }
  // Mostly `key: value` and `- item` lines: YAML, whatever the keys are.
  const lines = sample.split('\n').filter((line) => line.trim() !== '');
  const yamlLines = lines.filter((line) => /^[ \t]*(- )?[\w.-]+:( |$)|^[ \t]*(- \S|#)/.test(line));
  if (lines.length >= 3 && yamlLines.length >= lines.length * 0.8)
    scores.set('yaml', (scores.get('yaml') ?? 0) + 3);
  // A superset scores its base language's evidence too (TypeScript is JavaScript plus types),
  // so it wins only on evidence of its own.
  for (const [language, base] of SUPERSETS) {
    const own = scores.get(language);
    if (own !== undefined) scores.set(language, own + (scores.get(base) ?? 0));
  }
  return scores;
}

/**
 * A guess from the text alone, or undefined when no language scores `minScore` (prose stays
 * plain). Ties go to the language listed first in the rules (JavaScript before TypeScript).
 */
export function guessLanguage(text: string, minScore = GUESS_MIN_SCORE): string | undefined {
  const json = looksLikeJson(text);
  if (json) return 'json';
  let best: { language: string; score: number } | undefined;
  for (const [language, score] of scoreLanguages(text)) {
    if (score >= minScore && (!best || score > best.score)) best = { language, score };
  }
  return best?.language;
}

/** A JSON object or array that parses, with at least one string in it ("[1]" is a footnote). */
function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{][\s\S]*[\]}]$/.test(trimmed) || !trimmed.includes('"')) return false;
  if (trimmed.length > 1_000_000) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}
