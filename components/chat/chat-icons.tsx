/**
 * The conversation's own icons (issue 16): 24-unit paths drawn at 16 px in the current colour,
 * like components/common/icons, so they follow the theme and never need an icon font.
 */
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

/** Two overlapping sheets. */
export function CopyIcon() {
  return (
    <svg {...base}>
      <rect x="9" y="9" width="11" height="11" rx="2" />
      <path d="M5 15V6a2 2 0 0 1 2-2h8" />
    </svg>
  );
}

/** A tick, shown for a moment after copying. */
export function CheckIcon() {
  return (
    <svg {...base}>
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </svg>
  );
}

/** An open circle with an arrow head: ask again. */
export function RegenerateIcon() {
  return (
    <svg {...base}>
      <path d="M20 12a8 8 0 1 1-2.4-5.7" />
      <path d="M20 4v5h-5" />
    </svg>
  );
}

/** Two columns side by side. */
export function CompareIcon() {
  return (
    <svg {...base}>
      <rect x="3" y="4" width="7" height="16" rx="1.5" />
      <rect x="14" y="4" width="7" height="16" rx="1.5" />
    </svg>
  );
}

/** Three dots in a row: more actions. */
export function MoreIcon() {
  return (
    <svg {...base}>
      <path d="M5 12h.01M12 12h.01M19 12h.01" strokeWidth={3} />
    </svg>
  );
}

/** A pencil. */
export function EditIcon() {
  return (
    <svg {...base}>
      <path d="M4 20h4L19 9a2.1 2.1 0 0 0-4-4L4 16v4z" />
      <path d="m13.5 6.5 4 4" />
    </svg>
  );
}

/** A flag on a pole: report. */
export function FlagIcon() {
  return (
    <svg {...base}>
      <path d="M5 21V4" />
      <path d="M5 4h11l-2 4 2 4H5" />
    </svg>
  );
}

/** A chevron that points to the end of the line when closed; turned down when open (CSS). */
export function DisclosureIcon() {
  return (
    <svg {...base} className="disclosure-icon">
      <path d="m9 6 6 6-6 6" />
    </svg>
  );
}

/** A shield with a question in it: a check that did not run. */
export function ShieldIcon() {
  return (
    <svg {...base}>
      <path d="M12 3 5 6v5c0 4.5 3 8 7 10 4-2 7-5.5 7-10V6l-7-3z" />
    </svg>
  );
}
