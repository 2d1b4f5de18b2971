/**
 * The capture's output: text laid out the way Chrome's innerText lays it out, and the tally of
 * what was left out. Pure state machines over strings, so the layout rules are unit-tested alone.
 */
import { LINES, PRESERVE, type HiddenReason } from './types';

/** What was left out: passages (runs of hidden text not broken by visible text) and why. */
export class HiddenTally {
  found = false;
  count = 0;
  readonly reasons: HiddenReason[] = [];
  /** The last text seen was hidden: the next hidden text continues the same passage. */
  inRun = false;

  /** Notes one hidden text; a run of them not broken by visible text is one passage. */
  note(reason: HiddenReason): void {
    this.found = true;
    if (!this.reasons.includes(reason)) this.reasons.push(reason);
    if (!this.inRun) this.count++;
    this.inRun = true;
  }
}

/**
 * The text, in parts: what precedes the next piece (line breaks, a tab between cells, a space) is
 * decided only when that piece arrives, so nothing leads or trails, and the end of a huge string
 * is never read back.
 */
export class TextOut {
  readonly parts: string[] = [];
  chars = 0;
  codeChars = 0;
  trailingNewlines = 0;
  pendingBreaks = 0;
  pendingSpace = false;
  pendingTab = false;

  constructor(private readonly tally: HiddenTally) {}

  /** Appends `s` as is (counted as code when `code`), tracking the newlines it ends with. */
  push(s: string, code: boolean): void {
    this.parts.push(s);
    this.chars += s.length;
    if (code) this.codeChars += s.length;
    let i = s.length - 1;
    while (i >= 0 && s.charCodeAt(i) === 10) i--;
    this.trailingNewlines = i < 0 ? this.trailingNewlines + s.length : s.length - 1 - i;
  }

  /** Writes the pending separator before a piece of text (none before the first). */
  flush(code: boolean): void {
    if (this.chars > 0) {
      if (this.pendingBreaks > this.trailingNewlines)
        this.push('\n'.repeat(this.pendingBreaks - this.trailingNewlines), false);
      else if (this.pendingBreaks === 0 && this.pendingTab) this.push('\t', false);
      else if (this.pendingBreaks === 0 && this.pendingSpace && this.trailingNewlines === 0)
        this.push(' ', code);
    }
    this.pendingBreaks = 0;
    this.pendingTab = false;
    this.pendingSpace = false;
  }

  /** Asks for at least `n` line breaks before the next text (a block's edge, a paragraph's). */
  breakAtLeast(n: number): void {
    this.pendingBreaks = Math.max(this.pendingBreaks, n);
    this.pendingSpace = false;
  }

  /** Writes a visible text node's selected part, collapsing white space as `mode` says. */
  emitText(raw: string, ctx: { mode: number; code: boolean }): void {
    if (ctx.mode === PRESERVE) {
      if (!raw) return;
      this.flush(ctx.code);
      this.push(raw, ctx.code);
      if (/\S/.test(raw)) this.tally.inRun = false;
      return;
    }
    let s =
      ctx.mode === LINES
        ? raw.replace(/[ \t\f\r]+/g, ' ').replace(/ ?\n ?/g, '\n')
        : raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (!s) return;
    const lead = s.charCodeAt(0) === 32;
    const trail = s.length > 1 && s.charCodeAt(s.length - 1) === 32;
    if (lead) {
      s = s.slice(1);
      this.pendingSpace = true;
    }
    if (trail) s = s.slice(0, -1);
    if (s) {
      this.flush(false);
      this.push(s, false);
      if (/\S/.test(s)) this.tally.inRun = false;
    }
    if (trail) this.pendingSpace = true;
  }

  /** The text so far. */
  text(): string {
    return this.parts.join('');
  }
}
