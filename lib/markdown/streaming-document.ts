/**
 * A reply as the blocks the renderer parses, kept up to date as it streams with work bounded by
 * what was appended: the append-only splitter finds the blocks; each finished block is prepared
 * once (math delimiters normalised, nesting capped, its reference definitions and the labels it
 * uses collected); only the open tail is prepared again per update, and it is bounded in size
 * (block-lines.ts). While streaming, the open block comes as pieces of about TAIL_PIECE_CHARS and
 * only the last one changes: the others are prepared once and keep their source (and their memo). Reference definitions apply to the whole reply, so a block gets appended the
 * definitions of the labels it uses that are defined elsewhere, and nothing else: a reply of
 * hundreds of definitions and references stays linear instead of giving every block all of them.
 */
import { IncrementalBlocks, type BlockSpan } from './incremental-blocks';
import { normaliseMathDelimiters } from './math-delimiters';
import { capNesting } from './nesting-cap';
import { trimUnfinished } from './split-blocks';

/** One block as the renderer gets it. */
export interface RenderBlock {
  /** Where the block starts in the reply: its React key while the reply grows. */
  key: number;
  /** The markdown to parse, with the definitions it uses from elsewhere appended. */
  source: string;
  /** Whether this is the streaming end of the reply (open math shows as source). */
  streaming: boolean;
  /** A streaming piece the next block continues: shown as one paragraph with it when it can be. */
  joinsNext?: true;
  /**
   * On a block that finished while streaming as pieces: those pieces, which can stay shown until
   * the reply ends (the block's whole parse then waits for the deferred end-of-streaming render).
   */
  pieces?: readonly RenderBlock[];
}

/** What the renderer shows: finished blocks (the same array while none changes), then the tail. */
export interface DocumentView {
  finished: readonly RenderBlock[];
  tail: readonly RenderBlock[];
  /** Whether any block had markers escaped for nesting too deep. */
  capped: boolean;
}

interface Prepared {
  body: string;
  capped: boolean;
  /** Normalised labels the block uses, each once. */
  labels: string[];
  /** The block's own definitions by normalised label (the first of each). */
  defs: Map<string, string>;
}

const DEFINITION = /^ {0,3}\[([^\]\n]+)\]:\s*\S.*$/gm;
const LABEL = /\[([^[\]]{1,999})\]/g;

/** A reference label as CommonMark matches it: case and inner whitespace do not count. */
export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function prepare(raw: string, last: boolean, streaming: boolean): Prepared {
  const capped = capNesting(normaliseMathDelimiters(raw, last));
  const body = streaming && last ? trimUnfinished(capped.text) : capped.text;
  const defs = new Map<string, string>();
  for (const m of body.matchAll(DEFINITION)) {
    const label = normaliseLabel(m[1] ?? '');
    if (!defs.has(label)) defs.set(label, m[0]);
  }
  const labels = new Set<string>();
  for (const m of body.matchAll(LABEL)) labels.add(normaliseLabel(m[1] ?? ''));
  return { body, capped: capped.capped, labels: [...labels], defs };
}

/** The prepared blocks of one growing reply. */
export class StreamingDocument {
  private readonly splitter: IncrementalBlocks;
  private resets = 0;
  private prepared: Prepared[] = [];
  private view: RenderBlock[] = [];
  private anyCapped = false;
  /** The first definition of each label in the finished blocks. */
  private readonly definitions = new Map<string, string>();
  /** Finished blocks (by index) that use each label. */
  private readonly users = new Map<string, number[]>();
  /** Definitions in the open tail, which finished blocks may already use. */
  private tailDefs = new Map<string, string>();
  /** The open block's pieces before its last, prepared, by start (they do not change). */
  private pieces = new Map<number, { end: number; block: Prepared }>();

  /** `pieceChars`: the size of the open block's pieces while streaming (IncrementalBlocks). */
  constructor(pieceChars?: number) {
    this.splitter = new IncrementalBlocks(pieceChars);
  }

  /** The blocks for the reply's current `text`; `streaming` while it is still being written. */
  update(text: string, streaming: boolean): DocumentView {
    const tailSpans = this.splitter.update(text, streaming);
    if (this.splitter.resets !== this.resets) this.clear();
    const changed = new Set<string>();
    const spans = this.splitter.finished;
    const firstNew = this.prepared.length;
    for (let i = firstNew; i < spans.length; i++) {
      this.addFinished(
        text.slice((spans[i] as BlockSpan).start, (spans[i] as BlockSpan).end),
        changed,
      );
    }
    const before = this.pieces;
    const pieces = new Map<number, { end: number; block: Prepared }>();
    const tail = tailSpans.map((span, i) => {
      const last = i === tailSpans.length - 1;
      const known = this.pieces.get(span.start);
      const block =
        !last && known?.end === span.end
          ? known.block
          : prepare(text.slice(span.start, span.end), last, streaming);
      if (!last) pieces.set(span.start, { end: span.end, block });
      return block;
    });
    this.pieces = pieces;
    const tailDefs = new Map<string, string>();
    for (const block of tail) {
      for (const [label, line] of block.defs) if (!tailDefs.has(label)) tailDefs.set(label, line);
    }
    for (const [label, line] of tailDefs) if (this.tailDefs.get(label) !== line) changed.add(label);
    for (const label of this.tailDefs.keys()) if (!tailDefs.has(label)) changed.add(label);
    this.tailDefs = tailDefs;
    this.refreshUsers(changed, firstNew);
    if (spans.length > firstNew) {
      // Sources of the blocks finished now, once every definition they could use is known.
      this.view = [
        ...this.view,
        ...spans.slice(firstNew).map((span, i) => {
          const block = {
            key: span.start,
            source: this.withRefs(this.prepared[firstNew + i] as Prepared),
            streaming: false,
          };
          return streaming && span.pieces
            ? { ...block, pieces: this.piecesOf(text, span, before) }
            : block;
        }),
      ];
    }
    return {
      finished: this.view,
      tail: tail.map((block, i) => {
        const span = tailSpans[i] as BlockSpan;
        const source = this.withRefs(block);
        const last = streaming && i === tail.length - 1;
        return span.joinsNext
          ? { key: span.start, source, streaming: last, joinsNext: true as const }
          : { key: span.start, source, streaming: last };
      }),
      capped: this.anyCapped || tail.some((b) => b.capped),
    };
  }

  /** A finished block's streaming pieces, those prepared before reused (their memo holds). */
  private piecesOf(text: string, span: BlockSpan, cache: typeof this.pieces): RenderBlock[] {
    const starts = [span.start, ...(span.pieces ?? [])];
    return starts.map((start, i) => {
      const end = starts[i + 1] ?? span.end;
      const known = cache.get(start);
      const block =
        known?.end === end ? known.block : prepare(text.slice(start, end), false, false);
      const source = this.withRefs(block);
      return i < starts.length - 1
        ? { key: start, source, streaming: false, joinsNext: true as const }
        : { key: start, source, streaming: false };
    });
  }

  private addFinished(raw: string, changed: Set<string>): void {
    const block = prepare(raw, false, false);
    const index = this.prepared.length;
    this.prepared.push(block);
    this.anyCapped ||= block.capped;
    for (const [label, line] of block.defs) {
      if (this.definitions.has(label)) continue;
      this.definitions.set(label, line);
      changed.add(label);
    }
    for (const label of block.labels) {
      const list = this.users.get(label);
      if (list) list.push(index);
      else this.users.set(label, [index]);
    }
  }

  /** Rebuilds the source of earlier finished blocks whose labels' definitions changed. */
  private refreshUsers(changed: Set<string>, firstNew: number): void {
    let next: RenderBlock[] | null = null;
    for (const label of changed) {
      for (const index of this.users.get(label) ?? []) {
        if (index >= firstNew) continue; // built after this, with every definition known
        const current = (next ?? this.view)[index] as RenderBlock;
        const source = this.withRefs(this.prepared[index] as Prepared);
        if (source === current.source) continue;
        next ??= [...this.view];
        next[index] = { ...current, source };
      }
    }
    if (next) this.view = next;
  }

  /** The block with the definitions it uses from elsewhere in the reply appended. */
  private withRefs(block: Prepared): string {
    const refs: string[] = [];
    for (const label of block.labels) {
      if (block.defs.has(label)) continue;
      const line = this.definitions.get(label) ?? this.tailDefs.get(label);
      if (line !== undefined) refs.push(line);
    }
    return refs.length ? `${block.body}\n\n${refs.join('\n')}` : block.body;
  }

  private clear(): void {
    this.resets = this.splitter.resets;
    this.prepared = [];
    this.view = [];
    this.anyCapped = false;
    this.definitions.clear();
    this.users.clear();
    this.tailDefs = new Map();
    this.pieces = new Map();
  }
}
