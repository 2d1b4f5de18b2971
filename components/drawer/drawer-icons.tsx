/** The drawer's icons (issue 16): 24 viewBox at 16 px, stroked in currentColor. */
const base = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

/** A row's actions: three dots. */
export function RowMenuIcon() {
  return (
    <svg {...base}>
      <circle cx="5" cy="12" r="1" />
      <circle cx="12" cy="12" r="1" />
      <circle cx="19" cy="12" r="1" />
    </svg>
  );
}

/** Rename: a pencil. */
export function PencilIcon() {
  return (
    <svg {...base}>
      <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L8 18l-4 1 1-4z" />
    </svg>
  );
}

/** Pin / Unpin: a pushpin. */
export function PinIcon() {
  return (
    <svg {...base}>
      <path d="M9 4h6M10 4v6l-3 4h10l-3-4V4M12 14v7" />
    </svg>
  );
}

/** Delete: a bin. */
export function BinIcon() {
  return (
    <svg {...base}>
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
    </svg>
  );
}
