/**
 * One capture's state, shared by the walk's modules: the frame it reads, the text it writes,
 * what it left out and the work it has spent.
 */
import { HiddenTally, TextOut } from './text-out';
import type { Budget, FrameLayout, Geometry } from './types';

/** Everything one capture reads and writes; made fresh for each run, never kept. */
export interface Run {
  win: Window;
  doc: Document;
  frame: FrameLayout;
  geo: Geometry;
  out: TextOut;
  tally: HiddenTally;
  /** Languages named near the selection, closest first (see code.ts). */
  hints: string[];
  budget: Budget;
  /** The current range's start (and end) container and its ancestors: only these are partly selected. */
  startSide: Set<Node>;
  endSide: Set<Node>;
}

/** A fresh run over a frame that `frame-info` has measured. */
export function createRun(win: Window, frame: FrameLayout, geo: Geometry): Run {
  const tally = new HiddenTally();
  return {
    win,
    doc: win.document,
    frame,
    geo,
    out: new TextOut(tally),
    tally,
    hints: [],
    budget: { measured: 0, probes: 0 },
    startSide: new Set(),
    endSide: new Set(),
  };
}

/** Notes hidden text under `el` (only when it holds any) and returns null: "nothing to walk". */
export function hidden(run: Run, el: Element, reason: Parameters<HiddenTally['note']>[0]): null {
  if ((el.textContent ?? '').trim() !== '') run.tally.note(reason);
  return null;
}
