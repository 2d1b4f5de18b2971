/**
 * Recognises the English notices of lib/model/notices in a text and rebuilds them in another
 * language. Kept apart from `t()` so the matching is tested over any message source.
 */
import {
  isNoticePart,
  NOTICE_IDS,
  NOTICE_PARAMS,
  NOTICES,
  type NoticeId,
  type NoticeParam,
} from '@/lib/model/notices';

/** Renders notice `id` with its (already translated) params: '' when the language lacks it. */
export type RenderNotice = (id: NoticeId, params: string[]) => string;

interface Compiled {
  id: NoticeId;
  part: boolean;
  /** The template anchored, each placeholder lazy: a quick no for most texts. */
  pattern: RegExp;
  /** The literal text around the placeholders (one more than `slots`). */
  literals: string[];
  /** Which parameter (0-based) each placeholder holds, in the template's order. */
  slots: number[];
  kinds: readonly NoticeParam[];
  /** How much literal text it has: the most specific templates are tried first. */
  weight: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER = /^\d[\d,.]*$/;
// Notices are short; anything longer is a server's or a model's text and is left alone at once.
const MAX_LENGTH = 4000;
// Lists nest one level per item (a hidden passage can have 11 reasons).
const MAX_DEPTH = 16;

function compile(id: NoticeId): Compiled {
  const pieces = NOTICES[id].split(/\$([1-9])/);
  const literals = pieces.filter((_, i) => i % 2 === 0);
  const slots = pieces.filter((_, i) => i % 2 === 1).map((n) => Number(n) - 1);
  const groups = new Map<number, number>();
  let source = escape(literals[0] ?? '');
  slots.forEach((param, i) => {
    const group = groups.get(param);
    if (group === undefined) groups.set(param, groups.size + 1);
    source += group === undefined ? '([\\s\\S]+?)' : `\\${group}`;
    source += escape(literals[i + 1] ?? '');
  });
  return {
    id,
    part: isNoticePart(id),
    pattern: new RegExp(`^${source}$`),
    literals,
    slots,
    kinds: NOTICE_PARAMS[id] ?? [],
    weight: literals.join('').length,
  };
}

let compiled: Compiled[] | undefined;

/** Where a text is looked for: whole sentences (the top), any notice, or one of a few. */
type Scope = 'sentence' | 'any' | { name: string; ids: ReadonlySet<NoticeId> };
const scopes = new WeakMap<readonly NoticeId[], Scope>();
const scopeOf = (ids: readonly NoticeId[]): Scope => {
  let scope = scopes.get(ids);
  if (!scope) scopes.set(ids, (scope = { name: ids.join(','), ids: new Set(ids) }));
  return scope;
};

// The most specific templates first: "OpenAI-compatible server at $1" before "$1 at $2".
function templates(): Compiled[] {
  compiled ??= NOTICE_IDS.map(compile).sort((a, b) => b.weight - a.weight);
  return compiled;
}

/** A matcher for one language: `localize(text)` or null when the text is not all notices. */
export function createNoticeMatcher(render: RenderNotice) {
  const memo = new Map<string, string | null>();

  const accept = (kind: NoticeParam, raw: string, depth: number): string | null => {
    if (kind === 'number') return NUMBER.test(raw) ? raw : null;
    if (kind === 'text') return raw;
    const inner = recognise(raw, typeof kind === 'string' ? 'any' : scopeOf(kind), depth + 1);
    return inner ?? (kind === 'maybe' ? raw : null);
  };

  // Tries each place the next literal occurs (nearest first), so a part that holds the
  // separator itself still finds its split.
  const search = (
    c: Compiled,
    text: string,
    at: number,
    slot: number,
    raw: (string | undefined)[],
    params: (string | undefined)[],
    depth: number,
  ): (string | undefined)[] | null => {
    const literal = c.literals[slot] ?? '';
    if (!text.startsWith(literal, at)) return null;
    const from = at + literal.length;
    if (slot === c.slots.length) return from === text.length ? params : null;
    const param = c.slots[slot] as number;
    const next = c.literals[slot + 1] ?? '';
    const lastEnd = text.length - next.length;
    // The last placeholder runs to the closing literal; the others end at each candidate.
    const firstEnd = slot + 1 === c.slots.length ? lastEnd : from + 1;
    for (let end = Math.max(firstEnd, from + 1); end <= lastEnd; end++) {
      if (!text.startsWith(next, end)) continue;
      const piece = text.slice(from, end);
      const seen = raw[param];
      if (seen !== undefined && seen !== piece) continue;
      const value =
        seen !== undefined ? params[param] : accept(c.kinds[param] ?? 'text', piece, depth);
      if (value === null || value === undefined) continue;
      const nextRaw = [...raw];
      const nextParams = [...params];
      nextRaw[param] = piece;
      nextParams[param] = value;
      const found = search(c, text, end, slot + 1, nextRaw, nextParams, depth);
      if (found) return found;
    }
    return null;
  };

  const matchOne = (c: Compiled, text: string, depth: number): string | null => {
    if (!c.pattern.test(text)) return null;
    const params = search(c, text, 0, 0, [], [], depth);
    if (!params) return null;
    return render(
      c.id,
      params.map((p) => p ?? ''),
    );
  };

  function recognise(text: string, scope: Scope, depth: number): string | null {
    if (depth > MAX_DEPTH || text.length > MAX_LENGTH) return null;
    const key = `${typeof scope === 'string' ? scope : scope.name}\u0000${text}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    let found: string | null = null;
    for (const c of templates()) {
      if (scope === 'sentence' ? c.part : scope !== 'any' && !scope.ids.has(c.id)) continue;
      found = matchOne(c, text, depth);
      if (found !== null) break;
    }
    if (found === null && scope === 'sentence') found = sentences(text, depth);
    if (memo.size > 2000) memo.clear();
    memo.set(key, found);
    return found;
  }

  // Several sentences joined with a space: each must be a notice of its own.
  const sentences = (text: string, depth: number): string | null => {
    for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
      if (!/[.!?:)]/.test(text[i - 1] ?? '')) continue;
      const head = recognise(text.slice(0, i), 'sentence', depth + 1);
      if (head === null) continue;
      const tail = recognise(text.slice(i + 1), 'sentence', depth + 1);
      if (tail === null) continue;
      // Japanese and Chinese run sentences together after their full stop.
      return /[。！？）]$/.test(head) ? `${head}${tail}` : `${head} ${tail}`;
    }
    return null;
  };

  return (text: string): string | null => recognise(text, 'sentence', 0);
}
