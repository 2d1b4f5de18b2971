/**
 * Small inline SVG icons: no icon font to load (the CSP allows none from outside) and no reliance
 * on the system having an emoji font.
 */
/** What every Parley icon shares: a 24-unit grid drawn at 16 px in the text colour, hidden from
 * screen readers (the button carries the name). */
export const iconBase = {
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

export function ThumbUpIcon() {
  return (
    <svg {...iconBase}>
      <path d="M7 10v11H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h3zm0 0 4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.3 8A2 2 0 0 1 18.2 21H7" />
    </svg>
  );
}

export function ThumbDownIcon() {
  return (
    <svg {...iconBase}>
      <path d="M17 14V3h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-3zm0 0-4 8a3 3 0 0 1-3-3v-4H4.5a2 2 0 0 1-2-2.3l1.3-8A2 2 0 0 1 5.8 3H17" />
    </svg>
  );
}

export function ChevronLeftIcon() {
  return (
    <svg {...iconBase}>
      <path d="m15 18-6-6 6-6" />
    </svg>
  );
}

export function ChevronRightIcon() {
  return (
    <svg {...iconBase}>
      <path d="m9 18 6-6-6-6" />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg {...iconBase}>
      <path d="M18 6 6 18M6 6l12 12" />
    </svg>
  );
}

/** Three dots in a row: more actions (the header's, a reply's, a conversation row's). */
export function MoreIcon() {
  return (
    <svg {...iconBase}>
      <circle cx="5" cy="12" r="1" />
      <circle cx="12" cy="12" r="1" />
      <circle cx="19" cy="12" r="1" />
    </svg>
  );
}

/** A bin with a lid: delete. */
export function TrashIcon() {
  return (
    <svg {...iconBase}>
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
    </svg>
  );
}
