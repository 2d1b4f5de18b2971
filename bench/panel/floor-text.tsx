/**
 * The benchmarks' floor (issue 17), never used by Parley itself: the same stream into the same
 * panel, shown as plain text (appended, wrapped, the list sticking to the bottom as it does for
 * Parley). What rendering cannot go below here; Parley's figures are read as ratios to it.
 */
export default function FloorText({ text }: { text: string }) {
  return <div className="markdown plain-fallback">{text}</div>;
}
