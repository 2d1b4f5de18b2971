/**
 * The append-only block splitter for a streaming reply: each update scans only the characters
 * added since the last one (plus the unfinished last line) and carries the line state (open
 * fence, blank line, cut piece) across updates. Finished blocks are immutable spans keyed by
 * their start offset and are never scanned again. When the text is not an append of the last one
 * (a snapshot, a sync after a gap) it starts over. It gives the same blocks as splitBlocks on the
 * whole text (tests/unit/markdown/incremental-blocks.test.ts checks that on random chunkings).
 * While streaming, the open block can be asked for as pieces of about `pieceChars` (cut by the
 * block bound's own rule): only the last piece grows, so only it re-parses per update; asked for
 * as not streaming, the same text gives the full split's blocks.
 */
import {
  TAIL_PIECE_CHARS,
  cutsBefore,
  initialLineState,
  segmentEnd,
  stepLine,
  type LineState,
} from './block-lines';

/** A block as offsets into the text: `start` is its identity for as long as the text grows. */
export interface BlockSpan {
  start: number;
  end: number;
  /** Set on a streaming piece the next span continues (the same block, cut only for the view). */
  joinsNext?: true;
  /** On a finished block that was shown as pieces while streaming: where its later pieces start. */
  pieces?: readonly number[];
}

/** Below this length an append is checked in full; above it by its end and samples (cheap). */
const FULL_CHECK_CHARS = 64 * 1024;

/** Whether `next` begins with `previous`, checked in time independent of the length when long. */
function isAppend(previous: string, next: string): boolean {
  if (next.length < previous.length) return false;
  if (previous.length <= FULL_CHECK_CHARS) return next.startsWith(previous);
  // A non-append (a sync that replaced the text) differs near its end or shifts the text: the
  // last 1,024 characters and 32 spread samples catch it without reading megabytes per frame.
  const tail = previous.length - 1024;
  if (next.slice(tail, previous.length) !== previous.slice(tail)) return false;
  for (let i = 0; i < 32; i++) {
    const at = Math.floor((previous.length * i) / 32);
    if (next.charCodeAt(at) !== previous.charCodeAt(at)) return false;
  }
  return true;
}

/** Splits a growing text into blocks, doing work proportional to what was appended. */
export class IncrementalBlocks {
  private text = '';
  private finishedSpans: BlockSpan[] = [];
  private state: LineState = initialLineState();
  /** Where the current (unfinished) block starts. */
  private blockStart = 0;
  /** Where the first segment not yet applied to `state` starts. */
  private scanned = 0;
  /** Where the open block's pieces after its first start (streaming view only). */
  private pieceStarts: number[] = [];
  /** Where the open block's last piece starts. */
  private pieceStart = 0;
  /** How many times the text was not an append and the split started over. */
  resets = 0;

  /** `pieceChars`: the bound of the open block's pieces while streaming (tests vary it). */
  constructor(private readonly pieceChars = TAIL_PIECE_CHARS) {}

  /** Finished blocks: they never change while the text only grows (a new array when one is added). */
  get finished(): readonly BlockSpan[] {
    return this.finishedSpans;
  }

  /**
   * Takes the whole current text; returns the blocks after the finished ones: the open block (as
   * its pieces when `streaming`), then the one the unfinished last line starts, if it does.
   */
  update(text: string, streaming = false): BlockSpan[] {
    if (!isAppend(this.text, text)) this.reset();
    this.text = text;
    const added: BlockSpan[] = [];
    for (;;) {
      const end = segmentEnd(text, this.scanned, this.state.fence !== null);
      if (end < 0) break;
      const line = text.slice(this.scanned, end);
      const inFence = this.state.fence !== null;
      const continuation = !this.state.lineEnded;
      if (stepLine(this.state, line, this.scanned - this.blockStart)) {
        const pieces = this.pieceStarts.length ? { pieces: this.pieceStarts } : {};
        added.push({ start: this.blockStart, end: this.scanned, ...pieces });
        this.blockStart = this.pieceStart = this.scanned;
        this.pieceStarts = [];
      } else if (
        !inFence &&
        this.scanned - this.pieceStart >= this.pieceChars &&
        cutsBefore(line, continuation)
      ) {
        this.pieceStarts.push(this.scanned);
        this.pieceStart = this.scanned;
      }
      this.scanned = end;
    }
    if (added.length) this.finishedSpans = [...this.finishedSpans, ...added];
    return this.tail(text, streaming);
  }

  /** The open block (or its pieces), then a new one when the unfinished last line starts it. */
  private tail(text: string, streaming: boolean): BlockSpan[] {
    let end = text.length;
    let next: BlockSpan | null = null;
    if (this.scanned < text.length) {
      const probe = { ...this.state };
      const line = text.slice(this.scanned);
      if (stepLine(probe, line, this.scanned - this.blockStart)) {
        end = this.scanned;
        next = { start: this.scanned, end: text.length };
      }
    }
    const spans: BlockSpan[] = [];
    if (this.blockStart < end) {
      const starts = streaming ? [this.blockStart, ...this.pieceStarts] : [this.blockStart];
      starts.forEach((start, i) => {
        const next = starts[i + 1];
        spans.push(next === undefined ? { start, end } : { start, end: next, joinsNext: true });
      });
    }
    if (next) spans.push(next);
    return spans;
  }

  private reset(): void {
    this.resets++;
    this.finishedSpans = [];
    this.state = initialLineState();
    this.blockStart = 0;
    this.scanned = 0;
    this.pieceStarts = [];
    this.pieceStart = 0;
  }
}
