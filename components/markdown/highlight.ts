/**
 * Syntax highlighting with highlight.js core, each language loaded on first use. highlight.js
 * emits HTML; Parley never injects it. It reads the token tree instead and the caller renders
 * spans from it (text nodes and class names only). The token tree is highlight.js's private
 * `_emitter.rootNode` (TokenTreeEmitter, pinned at 11.11.1 and its shape tested in
 * tests/unit/markdown/highlight-emitter.test.ts); if a version changes it, code shows plain.
 * Finished blocks are cached, bounded by characters as well as entries; a block that is still
 * streaming is not (its every prefix would be a key as long as the block).
 */
import type { HLJSApi, LanguageFn } from 'highlight.js';

/** A highlighted fragment: plain text, or a scope with children. */
export type Token = string | { scope: string; children: Token[] };

type Loader = () => Promise<{ default: LanguageFn }>;

const LOADERS: Record<string, Loader> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  go: () => import('highlight.js/lib/languages/go'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  python: () => import('highlight.js/lib/languages/python'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

const ALIASES: Record<string, string> = {
  js: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  golang: 'go',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  'c++': 'cpp',
  cs: 'csharp',
  rb: 'ruby',
  rs: 'rust',
  kt: 'kotlin',
  yml: 'yaml',
  html: 'xml',
  svg: 'xml',
  md: 'markdown',
  patch: 'diff',
};

/** The registered language for a fence's info string, if Parley highlights it. */
export function languageId(info: string | undefined): string | undefined {
  const name = info?.toLowerCase().trim();
  if (!name) return undefined;
  const id = ALIASES[name] ?? name;
  return id in LOADERS ? id : undefined;
}

export const HIGHLIGHTED_LANGUAGES: readonly string[] = Object.keys(LOADERS);

let core: Promise<HLJSApi> | null = null;
const registered = new Map<string, Promise<void>>();
const cache = new Map<string, Token[]>();
const MAX_CACHE = 200;
const MAX_CACHE_CHARS = 512 * 1024;
let cachedChars = 0;

async function ready(language: string): Promise<HLJSApi> {
  core ??= import('highlight.js/lib/core').then((m) => m.default);
  const hljs = await core;
  let loading = registered.get(language);
  if (!loading) {
    loading = (LOADERS[language] as Loader)().then((m) =>
      hljs.registerLanguage(language, m.default),
    );
    registered.set(language, loading);
  }
  await loading;
  return hljs;
}

interface TreeNode {
  scope?: string;
  children: (string | TreeNode)[];
}

function toTokens(node: TreeNode): Token[] {
  return node.children.map((child) =>
    typeof child === 'string'
      ? child
      : {
          scope: (child.scope ?? '').replace(/[^a-z0-9_.-]/gi, '').replace(/\./g, ' '),
          children: toTokens(child),
        },
  );
}

/** The token tree behind highlight.js's HTML string, if its private emitter has the shape we read. */
function tokenTree(result: unknown): TreeNode | null {
  const root = (result as { _emitter?: { rootNode?: unknown } })._emitter?.rootNode as
    TreeNode | undefined;
  return root && Array.isArray(root.children) ? root : null;
}

/** Highlighted tokens for `code` or the start of it, and which code they cover. */
export interface Highlighted {
  code: string;
  tokens: Token[];
}

/** The last block highlighted while streaming: one entry, so a block that finishes (and is drawn
 * again as a finished block) starts from it instead of from plain text. */
let lastStreamed: { id: string; code: string; tokens: Token[] } | null = null;

/** What is already highlighted for `code` (exactly, or a prefix of it), without waiting. */
export function cachedHighlight(code: string, language: string | undefined): Highlighted | null {
  const id = languageId(language);
  if (!id) return null;
  const hit = cache.get(`${id}\u0000${code}`);
  if (hit) return { code, tokens: hit };
  if (lastStreamed && lastStreamed.id === id && code.startsWith(lastStreamed.code)) {
    return { code: lastStreamed.code, tokens: lastStreamed.tokens };
  }
  return null;
}

function remember(key: string, tokens: Token[]): void {
  cachedChars += key.length;
  cache.set(key, tokens);
  while (cache.size > MAX_CACHE || cachedChars > MAX_CACHE_CHARS) {
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
    cachedChars -= oldest.length;
  }
}

/**
 * Tokens for `code`, or null when the language is not highlighted. `final` (the default) caches
 * them: pass false while the block is still streaming.
 */
export async function highlight(
  code: string,
  language: string,
  final = true,
): Promise<Token[] | null> {
  const id = languageId(language);
  if (!id) return null;
  const key = `${id}\u0000${code}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const hljs = await ready(id);
  const tree = tokenTree(hljs.highlight(code, { language: id, ignoreIllegals: true }));
  if (!tree) return null;
  // Text stays text: only scopes and strings are read from the tree.
  const tokens = toTokens(tree);
  if (!final) lastStreamed = { id, code, tokens };
  else if (key.length <= MAX_CACHE_CHARS / 4) remember(key, tokens);
  return tokens;
}
