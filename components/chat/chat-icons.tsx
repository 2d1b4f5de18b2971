/**
 * The conversation's own icons (issue 16): 24-unit paths drawn at 16 px in the current colour,
 * like components/common/icons, so they follow the theme and never need an icon font.
 */
import { iconBase } from '@/components/common/icons';

/** Two overlapping sheets. */
export function CopyIcon() {
  return (
    <svg {...iconBase}>
      <rect x="9" y="9" width="11" height="11" rx="2" />
      <path d="M5 15V6a2 2 0 0 1 2-2h8" />
    </svg>
  );
}

/** A tick, shown for a moment after copying. */
export function CheckIcon() {
  return (
    <svg {...iconBase}>
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </svg>
  );
}

/** An open circle with an arrow head: ask again. */
export function RegenerateIcon() {
  return (
    <svg {...iconBase}>
      <path d="M20 12a8 8 0 1 1-2.4-5.7" />
      <path d="M20 4v5h-5" />
    </svg>
  );
}

/** Two columns side by side. */
export function CompareIcon() {
  return (
    <svg {...iconBase}>
      <rect x="3" y="4" width="7" height="16" rx="1.5" />
      <rect x="14" y="4" width="7" height="16" rx="1.5" />
    </svg>
  );
}

/** A pencil. */
export function EditIcon() {
  return (
    <svg {...iconBase}>
      <path d="M4 20h4L19 9a2.1 2.1 0 0 0-4-4L4 16v4z" />
      <path d="m13.5 6.5 4 4" />
    </svg>
  );
}

/** A flag on a pole: report. */
export function FlagIcon() {
  return (
    <svg {...iconBase}>
      <path d="M5 21V4" />
      <path d="M5 4h11l-2 4 2 4H5" />
    </svg>
  );
}

/** A chevron that points to the end of the line when closed; turned down when open (CSS). */
export function DisclosureIcon() {
  return (
    <svg {...iconBase} className="disclosure-icon">
      <path d="m9 6 6 6-6 6" />
    </svg>
  );
}

/** A shield with a question in it: a check that did not run. */
export function ShieldIcon() {
  return (
    <svg {...iconBase}>
      <path d="M12 3 5 6v5c0 4.5 3 8 7 10 4-2 7-5.5 7-10V6l-7-3z" />
    </svg>
  );
}
